using Microsoft.AspNetCore.Mvc;
using SearchService.Api.Features.Search;
using SearchService.Core;
using SearchService.Core.Model;

namespace SearchService.Api.Features.Paragraphs;

/// <summary>A whole paragraph with its metadata and its neighbours in reading order.</summary>
public sealed record ParagraphResponse(
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
    string Paragraph,
    int Ordinal,
    string Kind,
    string Text,
    CitationDto Citation,
    string? PreviousId,
    string? NextId);

public sealed record CitationResponse(string Id, string Style, string Text, string Url);

/// <summary>GET /api/paragraphs/{id} and GET /api/paragraphs/{id}/citation.</summary>
public static class ParagraphEndpoints
{
    public static IEndpointRouteBuilder MapParagraphs(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/paragraphs").WithTags("Paragraphs");
        group.MapGet("/{id}", Get).WithSummary("A paragraph with its metadata and neighbours");
        group.MapGet("/{id}/citation", Cite).WithSummary("A ready citation in plain, markdown, harvard or oscola style");
        return app;
    }

    internal static Results<Ok<ParagraphResponse>, ProblemHttpResult> Get(string id, ReportIndex index, LinkBuilder links, HttpRequest http)
    {
        var p = index.GetParagraph(id);
        if (p is null) return Problems.NotFound($"No paragraph has the id '{id}'.");
        var (previous, next) = p.Neighbours();
        return TypedResults.Ok(new ParagraphResponse(p.Id, p.DocumentId, p.Document.Title, p.Document.DocumentType, p.Document.Publisher, p.Document.PartOf,
            p.Document.Authority, p.Document.Date, p.Document.Year, p.SectionPath, p.OutcomeArea, p.Grade, p.Label, p.Ordinal, p.Kind.ToString().ToLowerInvariant(), p.Text,
            new CitationDto(p.Citation, links.Permalink(p.Id)), previous, next));
    }

    internal static Results<Ok<CitationResponse>, ProblemHttpResult> Cite(string id, [FromQuery] string? style, ReportIndex index, LinkBuilder links, HttpRequest http)
    {
        var s = string.IsNullOrEmpty(style) ? "plain" : style.ToLowerInvariant();
        if (!Citations.Styles.Contains(s))
            return Problems.BadRequest("Invalid parameter", $"'style' must be one of {string.Join(", ", Citations.Styles)}, not '{style}'.");
        var p = index.GetParagraph(id);
        if (p is null) return Problems.NotFound($"No paragraph has the id '{id}'.");
        var url = links.Permalink(p.Id);
        return TypedResults.Ok(new CitationResponse(p.Id, s, Citations.Format(p.Document.ToModel(), p.Label, s, url), url));
    }
}
