using SearchService.Core.Model;

namespace SearchService.Search.Indexing;

/// <summary>A paragraph as stored in the index, with the document metadata a hit shows.</summary>
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
    string Citation);

/// <summary>A document as stored in the index: metadata, outline and judgements; paragraph texts live in their own records.</summary>
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
    public static DocumentRecord From(ReportDocument d) => new(
        d.Id, d.Title, d.DocumentType, d.Publisher, d.PartOf, d.Authority, d.Date, d.Year, d.InspectionStart, d.InspectionEnd,
        d.LeadInspector, d.Framework, d.SourceFile, d.Paragraphs.Count, d.Sections, d.Judgements, d.Paragraphs.Select(p => p.Id).ToList());

    /// <summary>The document-model view, for citation formatting.</summary>
    public ReportDocument ToModel() => new(Id, Title, DocumentType, Publisher, Authority, Date, Year, InspectionStart, InspectionEnd,
        LeadInspector, Framework, SourceFile, PartOf, Sections, [], Judgements);
}
