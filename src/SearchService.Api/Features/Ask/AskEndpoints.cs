using Microsoft.AspNetCore.Mvc;
using SearchService.Api.Features.Search;
using SearchService.Search.Answering;

namespace SearchService.Api.Features.Ask;

public sealed record AnswerDto(string Text, string Type, string? Value);

/// <summary>Where a quote is printed: the paragraph (or "front page" block) and the report it is in, with a permalink.</summary>
public sealed record AskCitationDto(string ParagraphId, string Quote, CitationDto Citation, string? Authority, string? DocumentId, string? DocumentTitle, DateOnly? Date, string? Paragraph);

/// <summary>The reply to a question. Band is "answer" at confidence ≥ 0.8, "possible answer" below it, "none" without an answer.</summary>
public sealed record AskResponse(string Question, AnswerDto? Answer, double Confidence, string Band, IReadOnlyList<AskCitationDto> Citations, IReadOnlyList<HitDto> Passages, string Reason);

/// <summary>GET /api/ask: an answer quoted word for word from the reports, with its citation — or an honest null.</summary>
public static class AskEndpoints
{
    public static IEndpointRouteBuilder MapAsk(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/ask").WithTags("Ask")
            .MapGet("/", Ask).WithSummary("Answer a question with a verbatim, cited quote, or say why not");
        return app;
    }

    internal static Results<Ok<AskResponse>, ProblemHttpResult> Ask(
        QuestionAnswerer answerer, LinkBuilder links, HttpRequest http, [FromQuery] string? q, [AsParameters] FilterParameters filters)
    {
        var r = answerer.Ask(q ?? "", filters.ToFilters());
        return TypedResults.Ok(new AskResponse(r.Question,
            r.Answer is null ? null : new AnswerDto(r.Answer.Text, r.Answer.Type, r.Answer.Value),
            r.Confidence,
            r.Band,
            r.Citations.Select(c => new AskCitationDto(c.ParagraphId, c.Quote, new CitationDto(c.CitationText, links.Permalink(c.ParagraphId)),
                c.Authority, c.DocumentId, c.DocumentTitle, c.Date, c.Label)).ToList(),
            r.Passages.Select(h => HitDto.From(h.Paragraph, h.Snippet, h.Score, links.Permalink(h.Paragraph.Id), null)).ToList(),
            r.Reason));
    }
}
