namespace SearchService.Core.Segmentation.Lines;

/// <summary>
/// One layout decision about a line (is it a heading, a list item, a table row, page furniture …).
/// Rules are tried in a profile's order; the first that takes the line decides it.
/// </summary>
public interface ILineRule
{
    /// <summary>Takes the line (adding to or changing the blocks being built) and returns true, or leaves it and returns false.</summary>
    bool Apply(LineContext line, BlockWriter writer);
}
