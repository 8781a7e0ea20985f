using SearchService.Core.Model;

namespace SearchService.Core.Segmentation.Lines;

/// <summary>Anything else starts a paragraph of running text.</summary>
public sealed class ParagraphRule : ILineRule
{
    public bool Apply(LineContext line, BlockWriter writer)
    {
        writer.StartParagraph(null, line.Text, ParagraphKind.Text);
        return true;
    }
}
