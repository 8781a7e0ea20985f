using SearchService.Core.Metadata;
using SearchService.Core.Model;
using SearchService.Core.Prose;

namespace SearchService.Core.Segmentation;

/// <summary>
/// What the recogniser learnt about a document from its text: its type, framework and identity,
/// its front matter, the grading scale its numbers use, and which lines are its body.
/// </summary>
public sealed record DocumentProfile
{
    public required string DocumentType { get; init; }
    public required Framework Framework { get; init; }
    public required string Title { get; init; }
    public required string Publisher { get; init; }
    public required LocalAuthority? Authority { get; init; }
    public required FrontMatter FrontMatter { get; init; }
    /// <summary>
    /// The date in the document's id: the publication date where printed, else the last day of the
    /// inspection (or the letter's or meeting's date). Kept apart from the publication date so that
    /// ids do not move when a publication date is learnt another way.
    /// </summary>
    public DateOnly? IdDate { get; init; }
    public string? PartOf { get; init; }
    public GradeScale NumericScale { get; init; } = GradeScale.Inspection;
    /// <summary>The printed front-page fields (inspection dates, lead inspector, publication), cited as one "front page" paragraph.</summary>
    public IReadOnlyList<string> FrontPageLines { get; init; } = [];
    /// <summary>The body lines to segment: letterheads, addresses, cover pages and signatures removed.</summary>
    public required IReadOnlyList<string> BodyLines { get; init; }
    /// <summary>A judgement table was printed (its header found) but its rows could not be paired with grades.</summary>
    public bool UnreadJudgementTable { get; init; }
    /// <summary>Short name of the type for identifiers ("apa", "slac-inspection").</summary>
    public required string IdStem { get; init; }

    /// <summary>The authority's name, or "Unknown".</summary>
    public string AuthorityName => Authority?.Name ?? Authorities.Unresolved;
}
