namespace SearchService.Core.Segmentation.Lines;

/// <summary>
/// One layout decision that needs to see several lines at once (a heading printed over three lines
/// with its grade cell between them): it rewrites the body's lines before the line rules read them.
/// </summary>
public interface ILinePass
{
    IReadOnlyList<string> Apply(IReadOnlyList<string> lines);
}
