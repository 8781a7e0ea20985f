using SearchService.Api.Features.Search;
using SearchService.Core.Model;
using SearchService.Search.England;

namespace SearchService.Api.Features.Judgements;

/// <summary>One judgement printed in a report, with where it is printed (the authority's codes and region included).</summary>
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
    JudgementSource Source)
{
    public string? Framework { get; init; }
    public string? Region { get; init; }
    public string? AuthorityType { get; init; }
    public string? LaCode { get; init; }
    public DateOnly? InspectionStart { get; init; }
    public DateOnly? InspectionEnd { get; init; }
}

/// <summary>GET /api/judgements: every judgement printed in the reports, filtered, ordered by date.</summary>
public static class JudgementEndpoints
{
    public static IEndpointRouteBuilder MapJudgements(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/judgements").WithTags("Judgements")
            .MapGet("/", List).WithSummary("Judgements printed in the reports, ordered by date; the search filters apply (year, region, neighboursOf and latest included)");
        return app;
    }

    internal static Results<Ok<IReadOnlyList<JudgementDto>>, ProblemHttpResult> List(ReportIndex index, [AsParameters] FilterParameters filters)
    {
        var list = JudgementRows.Query(index, filters.ToFilters()).Select(r =>
        {
            var (d, j) = (r.Document, r.Judgement);
            return new JudgementDto(d.Authority, d.Date, d.Year, d.DocumentType, d.Id, d.Title, j.Area, j.SectionPath, j.Grade, j.ParagraphId, j.Source)
            {
                Framework = d.Framework,
                Region = d.Region,
                AuthorityType = d.AuthorityType,
                LaCode = d.LaCode,
                InspectionStart = d.InspectionStart,
                InspectionEnd = d.InspectionEnd,
            };
        }).ToList();
        return TypedResults.Ok((IReadOnlyList<JudgementDto>)list);
    }
}
