namespace SearchService.Core.Segmentation.Lines;

/// <summary>A heading the source marks ("## …", a PDF's larger or bold type), with its printed number split off.</summary>
public sealed class MarkdownHeadingRule : ILineRule
{
    public bool Apply(LineContext line, BlockWriter writer)
    {
        if (line.MarkdownLevel == 0) return false;
        var (number, rest) = LineShapes.SplitNumber(line.Text);
        writer.AddHeading(new HeadingBlock(number is null ? line.Text : rest, line.MarkdownLevel, number, null));
        return true;
    }
}
