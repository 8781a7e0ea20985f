using System.Text.Json.Serialization;

namespace SearchService.Core.Model;

/// <summary>What a paragraph is on the page: running prose, a list, or a table with its caption.</summary>
public enum ParagraphKind { Text, List, Table }

/// <summary>
/// One paragraph as a reader sees it: its printed label (or reading-order number where the
/// document prints none), where it sits (section path, outermost first) and what it is about.
/// </summary>
public sealed record Paragraph(
    string Id,
    string Label,
    int Ordinal,
    IReadOnlyList<string> SectionPath,
    string? OutcomeArea,
    Grade? Grade,
    string Text,
    ParagraphKind Kind);

/// <summary>A section of the outline: its heading path, outcome area, grade and paragraphs in order.</summary>
public sealed record Section(
    IReadOnlyList<string> Path,
    string? OutcomeArea,
    Grade? Grade,
    IReadOnlyList<string> ParagraphIds);

/// <summary>
/// A judgement printed in a report: the area judged (the cross-framework term; the printed heading
/// where it names no area of the vocabulary), the grade as printed and normalised, and where it is printed.
/// </summary>
public sealed record Judgement(
    string Area,
    IReadOnlyList<string> SectionPath,
    Grade Grade,
    string? ParagraphId,
    JudgementSource Source)
{
    /// <summary>The area in the framework's own vocabulary ("Children looked after and achieving permanence"); null where the heading names none.</summary>
    public string? FrameworkArea { get; init; }
}

/// <summary>Where a judgement is printed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JudgementSource>))]
public enum JudgementSource
{
    /// <summary>A graded heading or a grade line in the body: the grade judges that section.</summary>
    [JsonStringEnumMemberName("section")] Section,
    /// <summary>A row of a judgement table (the front page's, or a record of main findings), or an overall-judgement sentence read into it.</summary>
    [JsonStringEnumMemberName("table")] Table,
}

/// <summary>
/// A document as published: an inspection report, an assessment letter, or one sub-document of a
/// council meeting pack (agenda, minutes, briefing note, work programme).
/// </summary>
/// <param name="DocumentType">What the document is, in its publisher's words ("Inspection of local authority children's services").</param>
/// <param name="Framework">The framework it was written under.</param>
/// <param name="LocalAuthority">The gazetteer's row for the authority it is about; null when the text names none that resolves.</param>
public sealed record ReportDocument(
    string Id,
    string Title,
    string DocumentType,
    Framework Framework,
    string Publisher,
    LocalAuthority? LocalAuthority,
    FrontMatter FrontMatter,
    string SourceFile,
    string? PartOf,
    IReadOnlyList<Section> Sections,
    IReadOnlyList<Paragraph> Paragraphs,
    IReadOnlyList<Judgement> Judgements)
{
    /// <summary>Shown, filed and faceted in place of an authority that could not be resolved.</summary>
    public const string UnresolvedAuthority = "Unknown";

    /// <summary>The authority's name, or "Unknown" when it could not be resolved (never a guess).</summary>
    public string Authority => LocalAuthority?.Name ?? UnresolvedAuthority;

    /// <summary>The publication date (see <see cref="FrontMatter.PublishedBasis"/> for how it is known).</summary>
    public DateOnly? Date => FrontMatter.Published;

    /// <summary>The publication year: what year facets, trends and citations use.</summary>
    public int? Year => FrontMatter.Year;

    public DateOnly? InspectionStart => FrontMatter.InspectionStart;

    public DateOnly? InspectionEnd => FrontMatter.InspectionEnd;

    /// <summary>The acronyms the document defines in its own words ("graded care profile (GCP)"), found while enriching.</summary>
    public IReadOnlyList<AcronymDefinition> Definitions { get; init; } = [];

    public string? LeadInspector => FrontMatter.LeadInspector;

    /// <summary>What the reader could not resolve (authority, type, dates, judgements, areas): the document's entry in the data-quality listing; empty when it reads clean.</summary>
    public IReadOnlyList<QualityFinding> Findings { get; init; } = [];
}
