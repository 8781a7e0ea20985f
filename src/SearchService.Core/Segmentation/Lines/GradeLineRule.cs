using SearchService.Core.Metadata;

namespace SearchService.Core.Segmentation.Lines;

/// <summary>A grade on its own line ("Grade 3", "Performs well (3)"), or ending a heading ("Being healthy Grade 3").</summary>
public sealed class GradeLineRule : ILineRule
{
    public bool Apply(LineContext line, BlockWriter writer)
    {
        if (line.Text.Length >= 160 || !GradeScales.TryParseGradeLine(line.Text, writer.NumericScale, out var grade, out var before)) return false;
        if (before.Length == 0)
        {
            writer.AddGrade(grade);
            return true;
        }
        if (!LineShapes.LooksLikeHeading(before)) return false;
        writer.AddHeading(new HeadingBlock(before, line.MarkdownLevel, null, grade));
        return true;
    }
}
