using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SearchService.Api.Infrastructure;
using SearchService.Core.Metadata;
using SearchService.Core.Model;
using SearchService.Search.Searching;

namespace SearchService.Api.Features.Judgements;

/// <summary>One judgement printed in a report, with where it is printed.</summary>
public sealed record JudgementDto(
    string Authority,
    DateOnly? Date,
    int? Year,
    string DocumentType,
    string DocumentId,
    string DocumentTitle,
    string Area,
    IReadOnlyList<string> SectionPath,
    Grade Grade,
    string? ParagraphId,
    JudgementSource Source);

/// <summary>GET /api/judgements: every judgement printed in the reports, filtered, ordered by date.</summary>
public static class JudgementEndpoints
{
    public static IEndpointRouteBuilder MapJudgements(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/judgements").WithTags("Judgements")
            .MapGet("/", List).WithSummary("Judgements printed in the reports, ordered by date");
        return app;
    }

    internal static Results<Ok<IReadOnlyList<JudgementDto>>, ProblemHttpResult> List(
        ReportIndex index,
        [FromQuery] string[]? authority, [FromQuery] string[]? outcomeArea, [FromQuery] string[]? documentType,
        [FromQuery] string[]? grade, [FromQuery] string? yearFrom, [FromQuery] string? yearTo)
    {
        var filters = Parameters.Filters(authority, null, yearFrom, yearTo, outcomeArea, grade, documentType);
        var authorities = filters.Authority.Select(a => Authorities.FromUserText(a) ?? a).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var areas = filters.OutcomeArea.Select(a => OutcomeAreas.Canonical(a) ?? a).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var grades = filters.Grade.Select(g => GradeScales.LabelFromWords(g) ?? g).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var types = filters.DocumentType.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var list = index.Documents
            .Where(d => authorities.Count == 0 || authorities.Contains(d.Authority))
            .Where(d => types.Count == 0 || types.Contains(d.DocumentType))
            .Where(d => filters.YearFrom is null || d.Year >= filters.YearFrom)
            .Where(d => filters.YearTo is null || d.Year <= filters.YearTo)
            .SelectMany(d => d.Judgements.Select(j => new JudgementDto(d.Authority, d.Date, d.Year, d.DocumentType, d.Id, d.Title, j.Area, j.SectionPath, j.Grade, j.ParagraphId, j.Source)))
            .Where(j => areas.Count == 0 || areas.Contains(j.Area))
            .Where(j => grades.Count == 0 || grades.Contains(j.Grade.Label))
            .OrderBy(j => j.Date ?? DateOnly.MinValue).ThenBy(j => j.Authority, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok((IReadOnlyList<JudgementDto>)list);
    }
}
