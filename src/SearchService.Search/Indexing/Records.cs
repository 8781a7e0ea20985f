using SearchService.Core.Metadata;
using SearchService.Core.Model;

namespace SearchService.Search.Indexing;

/// <summary>
/// A paragraph as stored in the index, with the document metadata a hit shows: the authority
/// (canonical name, DfE and ONS codes, region, type), the framework, and the publication date and year.
/// </summary>
public sealed record ParagraphRecord(
    string Id,
    string DocumentId,
    string DocumentTitle,
    string DocumentType,
    string Publisher,
    string? PartOf,
    string Authority,
    DateOnly? Date,
    int? Year,
    IReadOnlyList<string> SectionPath,
    string? OutcomeArea,
    Grade? Grade,
    string Label,
    int Ordinal,
    string Text,
    ParagraphKind Kind,
    string Citation)
{
    /// <summary>The framework's name ("ILACS standard inspection", "Single inspection").</summary>
    public string? Framework { get; init; }
    public string? Region { get; init; }
    public string? AuthorityType { get; init; }
    /// <summary>The DfE's three-digit local authority code.</summary>
    public string? LaCode { get; init; }
    public string? OnsCode { get; init; }
}

/// <summary>
/// A document as stored in the index: metadata, front matter, outline and judgements; paragraph
/// texts live in their own records. <see cref="Date"/> is the publication date and <see cref="Year"/>
/// its year, known as <see cref="DateBasis"/> says.
/// </summary>
public sealed record DocumentRecord(
    string Id,
    string Title,
    string DocumentType,
    string Publisher,
    string? PartOf,
    string Authority,
    DateOnly? Date,
    int? Year,
    DateOnly? InspectionStart,
    DateOnly? InspectionEnd,
    string? LeadInspector,
    string? Framework,
    string SourceFile,
    int ParagraphCount,
    IReadOnlyList<Section> Sections,
    IReadOnlyList<Judgement> Judgements,
    IReadOnlyList<string> ParagraphIds)
{
    public string? Region { get; init; }
    public string? AuthorityType { get; init; }
    public string? LaCode { get; init; }
    public string? OnsCode { get; init; }
    /// <summary>How the publication date is known: printed, a letter's or meeting's date, or the PDF's production date.</summary>
    public DateBasis DateBasis { get; init; }
    /// <summary>The front page's fields as one citable paragraph ("front page"), if the document has one.</summary>
    public string? FrontPageParagraphId { get; init; }
    /// <summary>What the reader could not resolve: the document's entry in the data-quality listing (empty when clean).</summary>
    public IReadOnlyList<QualityFinding> Findings { get; init; } = [];

    public static DocumentRecord From(ReportDocument d) => new(
        d.Id, d.Title, d.DocumentType, d.Publisher, d.PartOf, d.Authority, d.Date, d.Year, d.InspectionStart, d.InspectionEnd,
        d.LeadInspector, Frameworks.Name(d.Framework), d.SourceFile, d.Paragraphs.Count, d.Sections, d.Judgements, d.Paragraphs.Select(p => p.Id).ToList())
    {
        Region = d.LocalAuthority?.Region,
        AuthorityType = d.LocalAuthority?.Type,
        LaCode = d.LocalAuthority?.LaCode,
        OnsCode = d.LocalAuthority?.OnsCode,
        DateBasis = d.FrontMatter.PublishedBasis,
        FrontPageParagraphId = d.FrontMatter.ParagraphId,
        Findings = d.Findings,
    };

    /// <summary>The document-model view, for citation formatting.</summary>
    public ReportDocument ToModel() => new(Id, Title, DocumentType, Core.Model.Frameworks.FromName(Framework ?? "") ?? Core.Model.Framework.Unknown, Publisher,
        Authorities.ByName(Authority), new FrontMatter(Date, DateBasis, InspectionStart, InspectionEnd, LeadInspector, FrontPageParagraphId),
        SourceFile, PartOf, Sections, [], Judgements)
    { Findings = Findings };
}
