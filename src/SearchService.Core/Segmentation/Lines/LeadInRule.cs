namespace SearchService.Core.Segmentation.Lines;

/// <summary>Lead-in lines inside a list ("Within three months:") keep attaching to the paragraph that took the list.</summary>
public sealed class LeadInRule : ILineRule
{
    public bool Apply(LineContext line, BlockWriter writer)
    {
        if (!writer.HasOpenParagraph || !writer.OpenTakesList || !line.Text.EndsWith(':') || line.Text.Length >= 120) return false;
        writer.Append(line.Text, newLine: true);
        return true;
    }
}
