using SearchService.Core.Model;
using SearchService.Search.Indexing;

namespace SearchService.Api.Features.Documents;

public sealed record DocumentSummary(
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
    int Sections,
    int Paragraphs,
    int Judgements)
{
    public string? Region { get; init; }
    public string? AuthorityType { get; init; }
    public string? LaCode { get; init; }
    public string? OnsCode { get; init; }
    /// <summary>How <see cref="Date"/> (the publication date, whose year is <see cref="Year"/>) is known.</summary>
    public DateBasis DateBasis { get; init; }
    /// <summary>The front page (inspection dates, lead inspector, publication) as a citable paragraph.</summary>
    public string? FrontPageParagraphId { get; init; }

    public static DocumentSummary From(DocumentRecord d) => new(d.Id, d.Title, d.DocumentType, d.Publisher, d.PartOf, d.Authority, d.Date, d.Year,
        d.InspectionStart, d.InspectionEnd, d.LeadInspector, d.Framework, d.SourceFile, d.Sections.Count, d.ParagraphCount, d.Judgements.Count)
    {
        Region = d.Region,
        AuthorityType = d.AuthorityType,
        LaCode = d.LaCode,
        OnsCode = d.OnsCode,
        DateBasis = d.DateBasis,
        FrontPageParagraphId = d.FrontPageParagraphId,
    };
}

/// <summary>A document's outline: the document model's own sections and judgements, as stored (no API copy of either).</summary>
public sealed record DocumentOutline(DocumentSummary Document, IReadOnlyList<Section> Sections, IReadOnlyList<Judgement> Judgements);

/// <summary>GET /api/documents and GET /api/documents/{id} (the outline).</summary>
public static class DocumentEndpoints
{
    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/documents").WithTags("Documents");
        group.MapGet("/", List).WithSummary("Every indexed document with its metadata and counts");
        group.MapGet("/{id}", Outline).WithSummary("A document's outline: sections in order with grades and paragraph ids");
        return app;
    }

    internal static Ok<IReadOnlyList<DocumentSummary>> List(ReportIndex index) =>
        TypedResults.Ok((IReadOnlyList<DocumentSummary>)index.Documents.Select(DocumentSummary.From).ToList());

    internal static Results<Ok<DocumentOutline>, ProblemHttpResult> Outline(string id, ReportIndex index)
    {
        var d = index.GetDocument(id);
        if (d is null) return Problems.NotFound($"No document has the id '{id}'.");
        return TypedResults.Ok(new DocumentOutline(DocumentSummary.From(d), d.Sections, d.Judgements));
    }
}
