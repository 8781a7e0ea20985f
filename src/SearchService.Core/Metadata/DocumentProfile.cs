namespace SearchService.Core.Metadata;

/// <summary>
/// What the recogniser learnt about a document from its text: its type and identity, the
/// grading scale its numbers use, its part headings, and which lines are its body.
/// </summary>
public sealed record DocumentProfile
{
    public required string DocumentType { get; init; }
    public required string Title { get; init; }
    public required string Publisher { get; init; }
    public required string Authority { get; init; }
    public DateOnly? Date { get; init; }
    public DateOnly? InspectionStart { get; init; }
    public DateOnly? InspectionEnd { get; init; }
    public string? LeadInspector { get; init; }
    public string? Framework { get; init; }
    public string? PartOf { get; init; }
    public string NumericScale { get; init; } = GradeScales.Inspection;
    /// <summary>Headings that open a part of the report (outermost level).</summary>
    public IReadOnlySet<string> PartHeadings { get; init; } = new HashSet<string>();
    /// <summary>The body lines to segment: letterheads, addresses, cover pages and signatures removed.</summary>
    public required IReadOnlyList<string> BodyLines { get; init; }
    /// <summary>Short name of the type for identifiers ("apa", "slac-inspection").</summary>
    public required string IdStem { get; init; }

    /// <summary>Year = the year of the inspection's last day where there was one, else of the document's date.</summary>
    public int? Year => InspectionEnd?.Year ?? Date?.Year;
}
