using SearchService.Core.Metadata;
using SearchService.Core.Model;

namespace SearchService.Core.Segmentation;

/// <summary>A unit of a document's body after lines are classified and re-flowed.</summary>
public abstract record Block;

/// <summary>A heading: its text, Markdown level (0 if none), printed number ("2", "22") and any grade printed with it.</summary>
public sealed record HeadingBlock(string Text, int MarkdownLevel, string? Number, Grade? Grade) : Block
{
    /// <summary>The area the heading names, when segmentation read it (from a sentence such as "The graded judgement for adoption performance is …").</summary>
    public OutcomeAreas.Term? Term { get; init; }
}

/// <summary>A grade printed on its own line; it judges the section it stands in.</summary>
public sealed record GradeBlock(Grade Grade) : Block;

/// <summary>A paragraph, list or table with its printed label, if any.</summary>
public sealed record TextBlock(string Text, string? Label, ParagraphKind Kind) : Block
{
    /// <summary>Rows of a table block (cells as printed), for judgement tables.</summary>
    public IReadOnlyList<string[]> Rows { get; init; } = [];
}
