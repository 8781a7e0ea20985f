namespace SearchService.Core.Segmentation.Lines;

/// <summary>A line that carries on the open paragraph (broken by a page break or a hard wrap) is appended to it.</summary>
public sealed class ContinuationRule : ILineRule
{
    public bool Apply(LineContext line, BlockWriter writer)
    {
        if (!writer.Continues(line.Text)) return false;
        writer.Append(line.Text);
        return true;
    }
}
