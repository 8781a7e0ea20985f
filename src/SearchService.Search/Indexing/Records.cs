using System.Text.Json.Serialization;
using SearchService.Core;
using SearchService.Core.Metadata;
using SearchService.Core.Model;

namespace SearchService.Search.Indexing;

/// <summary>
/// A paragraph: its own fields as stored in the index (section path, outcome area, grade, label,
/// text, citation) and, in <see cref="Document"/>, its document. The document's metadata (title,
/// type, authority with its codes, region and type, framework, date and year) has one home,
/// <see cref="DocumentRecord"/>: the stored paragraph holds only its document's id, and a paragraph
/// read from the index is joined with its document from the commit's catalog, so the paragraphs of
/// one document share one instance (the index and the record cache used to hold a copy per paragraph).
/// </summary>
public sealed record ParagraphRecord(
    string Id,
    string DocumentId,
    IReadOnlyList<string> SectionPath,
    string? OutcomeArea,
    Grade? Grade,
    string Label,
    int Ordinal,
    string Text,
    ParagraphKind Kind,
    string Citation)
{
    /// <summary>
    /// The paragraph's document, from the catalog of the commit it was read from. Not stored with
    /// the paragraph; every record a reader of the index hands out has it.
    /// </summary>
    [JsonIgnore]
    public DocumentRecord Document { get; init; } = null!;

    /// <summary>The ids before and after this paragraph in its document's reading order.</summary>
    public (string? Previous, string? Next) Neighbours()
    {
        var ids = Document.ParagraphIds;
        int i = -1;
        for (int k = 0; k < ids.Count && i < 0; k++) if (ids[k] == Id) i = k;
        return (i > 0 ? ids[i - 1] : null, i >= 0 && i + 1 < ids.Count ? ids[i + 1] : null);
    }

    /// <summary>The record to store for a paragraph of <paramref name="d"/> (its document is stored once, as a <see cref="DocumentRecord"/>).</summary>
    internal static ParagraphRecord Stored(ReportDocument d, Paragraph p) =>
        new(p.Id, d.Id, p.SectionPath, p.OutcomeArea, p.Grade, p.Label, p.Ordinal, p.Text, p.Kind, Citations.Plain(d, p.Label));
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

    /// <summary>
    /// The same record, with every paragraph id it holds again (its sections', its judgements' and its
    /// front page's) the very string of <see cref="ParagraphIds"/>. Read back from JSON each is a string
    /// of its own: the served catalog held every paragraph id twice, a quarter of its memory.
    /// </summary>
    internal DocumentRecord SharingParagraphIds()
    {
        var own = new Dictionary<string, string>(ParagraphIds.Count, StringComparer.Ordinal);
        foreach (var id in ParagraphIds) own.TryAdd(id, id);
        return WithParagraphIds(id => own.GetValueOrDefault(id) ?? id);
    }

    /// <summary>The same record with every paragraph id it holds (its own list, its sections', its judgements' and its front page's) passed through <paramref name="map"/>.</summary>
    internal DocumentRecord WithParagraphIds(Func<string, string> map) => this with
    {
        ParagraphIds = ParagraphIds.Select(map).ToArray(),
        Sections = Sections.Select(s => s with { ParagraphIds = s.ParagraphIds.Select(map).ToArray() }).ToArray(),
        Judgements = Judgements.Select(j => j.ParagraphId is { } id ? j with { ParagraphId = map(id) } : j).ToArray(),
        FrontPageParagraphId = FrontPageParagraphId is { } front ? map(front) : null,
    };

    /// <summary>The document-model view, for citation formatting.</summary>
    public ReportDocument ToModel() => new(Id, Title, DocumentType, Core.Model.Frameworks.FromName(Framework ?? "") ?? Core.Model.Framework.Unknown, Publisher,
        Authorities.ByName(Authority), new FrontMatter(Date, DateBasis, InspectionStart, InspectionEnd, LeadInspector, FrontPageParagraphId),
        SourceFile, PartOf, Sections, [], Judgements)
    { Findings = Findings };
}
