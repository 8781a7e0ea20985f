using SearchService.Core.Segmentation.Lines;

namespace SearchService.Core.Segmentation;

/// <summary>Which layout rules apply, in which order, to a kind of document.</summary>
public static class LayoutProfiles
{
    /// <summary>Passes over a body's lines before the rules read them (assembling what a layout spreads over several lines).</summary>
    public static IReadOnlyList<ILinePass> DefaultPasses { get; } = [new GradedHeadingAssembler()];

    /// <summary>The rules every document's body is read with.</summary>
    public static IReadOnlyList<ILineRule> Default { get; } =
    [
        new BlankLineRule(),
        new TableRowRule(),
        new FurnitureRule(),
        new ContentsRule(),
        new GradeLineRule(),
        new StatedGradeHeadingRule(),
        new WrappedHeadingRule(),
        new MarkedProseRule(),
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
