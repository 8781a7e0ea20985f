using SearchService.Core.Segmentation.Lines;

namespace SearchService.Core.Segmentation;

/// <summary>Which layout rules apply, in which order, to a kind of document.</summary>
public static class LayoutProfiles
{
    /// <summary>The rules every document's body is read with.</summary>
    public static IReadOnlyList<ILineRule> Default { get; } =
    [
        new BlankLineRule(),
        new TableRowRule(),
        new FurnitureRule(),
        new ContentsRule(),
        new GradeLineRule(),
        new StatedGradeHeadingRule(),
        new MarkdownHeadingRule(),
        new BulletRule(),
        new DateHeadingRule(),
        new NumberedRule(),
        new ContinuationRule(),
        new ShortLineRule(),
        new LeadInRule(),
        new ParagraphRule(),
    ];
}
