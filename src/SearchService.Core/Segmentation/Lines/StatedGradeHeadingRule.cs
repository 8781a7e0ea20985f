using System.Text.RegularExpressions;
using SearchService.Core.Metadata;

namespace SearchService.Core.Segmentation.Lines;

/// <summary>A heading that states its judgement: "The experiences and progress of children in care: good".</summary>
public sealed partial class StatedGradeHeadingRule : ILineRule
{
    public bool Apply(LineContext line, BlockWriter writer)
    {
        if (!(LineShapes.LooksLikeHeading(line.Text) || line.MarkdownLevel > 0)) return false;
        var m = HeadingWithGrade().Match(line.Text);
        if (!m.Success || OutcomeAreas.FromHeading(m.Groups["h"].Value) is null || GradeScales.FromWords(m.Groups["g"].Value) is not { } printed) return false;
        writer.AddHeading(new HeadingBlock(m.Groups["h"].Value.Trim(), line.MarkdownLevel, null, printed));
        return true;
    }

    [GeneratedRegex(@"^(?<h>.{6,140}?)(?::|\s+(?:is|are))\s+(?<g>outstanding|good|requires? improvement(?: to be good)?|inadequate|adequate)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingWithGrade();
}
