using SearchService.Core.Metadata;

namespace SearchService.Core.Segmentation.Lines;

/// <summary>
/// A heading that states its judgement, in any of the printed forms <see cref="JudgementPhrases"/>
/// reads: "The experiences and progress of children in care: good", "… protection require
/// improvement", "The graded judgement for adoption performance is that it requires improvement",
/// "The Local Safeguarding Children Board is good". It heads its area's section with that grade.
/// </summary>
public sealed class StatedGradeHeadingRule : ILineRule
{
    public bool Apply(LineContext line, BlockWriter writer)
    {
        if (!(LineShapes.LooksLikeHeading(line.Text) || line.MarkdownLevel > 0) || line.Text.Length > 200) return false;
        // "50. The quality of provision is inadequate." is a numbered paragraph that states a grade, not a heading.
        if (line.MarkdownLevel == 0 && LineShapes.StartsNumberedParagraph(line.Text)) return false;
        if (JudgementPhrases.ParseArea(line.Text) is not { Grade: { } grade } stated) return false;
        writer.AddHeading(new HeadingBlock(stated.Heading, line.MarkdownLevel, null, grade) { Term = stated.Term });
        return true;
    }
}
