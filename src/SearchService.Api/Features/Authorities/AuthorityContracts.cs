using SearchService.Core.Model;
using SearchService.Search.England;

namespace SearchService.Api.Features.Authorities;

/// <summary>
/// One judgement of a report: the area, the grade as printed and normalised, and the paragraph it
/// is printed in (<c>paragraphId</c>, and <c>url</c>: its permanent page), so every cell can be cited.
/// </summary>
public sealed record JudgementCellDto(string Area, string Printed, string Grade, string? ParagraphId, string? Url, JudgementSource Source);

/// <summary>A report with its judgements: dates (publication and on site), framework, and its outline page.</summary>
public sealed record ReportJudgementsDto(
    string DocumentId,
    string Title,
    string DocumentType,
    string? Framework,
    DateOnly? Published,
    string PublishedBasis,
    DateOnly? InspectionStart,
    DateOnly? InspectionEnd,
    string Url,
    IReadOnlyList<JudgementCellDto> Judgements);

/// <summary>
/// An authority of the gazetteer: names and codes, region and type, whether it has been replaced,
/// its statistical neighbours (DfE codes, closest first), how many documents are indexed about it
/// and its latest inspection (null when none is indexed).
/// </summary>
public sealed record AuthorityDto(
    string Name,
    string OnsName,
    string LaCode,
    string OnsCode,
    string OfstedUrn,
    string Region,
    string? Type,
    bool Replaced,
    IReadOnlyList<string> AlsoKnownAs,
    IReadOnlyList<string> StatisticalNeighbours,
    int Documents,
    ReportJudgementsDto? Latest,
    string Page);

/// <summary>For one judgement area, how many of the listed authorities' latest inspections have each grade (and how many are not judged in it).</summary>
public sealed record GradeCountDto(string Area, IReadOnlyDictionary<string, int> Grades, int NotJudged);

/// <summary>
/// GET /api/authorities: the authorities passing the filters, with counts (all listed, current,
/// replaced, with an indexed inspection), the headline judgement areas, and counts per grade.
/// </summary>
public sealed record AuthorityListDto(
    int Total,
    int Current,
    int Replaced,
    int WithInspection,
    IReadOnlyList<string> Areas,
    IReadOnlyList<GradeCountDto> Counts,
    IReadOnlyList<AuthorityDto> Authorities);

/// <summary>A statistical neighbour: its place in the DfE's order (1 = closest) and its row.</summary>
public sealed record NeighbourDto(int Rank, AuthorityDto Authority);

/// <summary>GET /api/authorities/{code or name}: the authority, every indexed report in date order, its ten neighbours in order, its region, and the headline judgement areas.</summary>
public sealed record AuthorityProfileDto(
    AuthorityDto Authority,
    IReadOnlyList<string> Areas,
    IReadOnlyList<ReportJudgementsDto> Timeline,
    IReadOnlyList<NeighbourDto> Neighbours,
    string Region,
    IReadOnlyList<AuthorityDto> RegionAuthorities);

internal static class AuthorityMapping
{
    public static AuthorityDto Dto(AuthorityRow r, Func<string, string> url)
    {
        var a = r.Authority;
        return new AuthorityDto(a.Name, a.OnsName, a.LaCode, a.OnsCode, a.OfstedUrn, a.Region, a.Type, r.Replaced, a.AlsoKnownAs,
            a.StatisticalNeighbours, r.Documents, r.Latest is null ? null : Dto(r.Latest, url), url($"/england/{a.LaCode}"));
    }

    public static ReportJudgementsDto Dto(ReportJudgements j, Func<string, string> url) => new(
        j.DocumentId, j.Title, j.DocumentType, j.Framework, j.Published, j.PublishedBasis.ToString(), j.InspectionStart, j.InspectionEnd,
        url($"/d/{Uri.EscapeDataString(j.DocumentId)}"),
        j.Judgements.Select(x => Cell(x, url)).ToList());

    public static JudgementCellDto Cell(Judgement j, Func<string, string> url) => new(
        j.Area, j.Grade.Raw, j.Grade.Label, j.ParagraphId,
        j.ParagraphId is null ? null : url($"/p/{Uri.EscapeDataString(j.ParagraphId)}"), j.Source);

    public static IReadOnlyList<GradeCountDto> Counts(IReadOnlyList<AuthorityRow> rows) => AuthorityTable.HeadlineAreas.Select(area =>
    {
        var grades = GradeLabels.All.ToDictionary(g => g, _ => 0);
        int notJudged = 0;
        foreach (var r in rows.Where(r => r.Latest is not null))
        {
            if (r.Latest!.For(area) is { } j) grades[j.Grade.Label] = grades.GetValueOrDefault(j.Grade.Label) + 1;
            else notJudged++;
        }
        return new GradeCountDto(area, grades, notJudged);
    }).ToList();

    /// <summary>Links on the configured site (<c>PublicBaseUrl</c>; relative without one, never from the request's Host).</summary>
    public static Func<string, string> Links(LinkBuilder links)
    {
        var baseUrl = links.BaseUrl;
        return path => baseUrl + path;
    }
}
