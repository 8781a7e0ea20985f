using Microsoft.AspNetCore.Mvc;
using SearchService.Core.Metadata;
using SearchService.Core.Model;
using SearchService.Search.England;

namespace SearchService.Api.Features.Authorities;

/// <summary>
/// The query-string filters of the authorities list (and of the England table's export), read
/// strictly: a value that names no region, type, framework, judgement area or grade is a 400 that
/// lists the values there are.
/// </summary>
public sealed record AuthorityParameters
{
    [FromQuery(Name = "region")] public string[]? Region { get; init; }
    [FromQuery(Name = "type")] public string[]? Type { get; init; }
    /// <summary>The search filters' name for <see cref="Type"/>, accepted here too.</summary>
    [FromQuery(Name = "authorityType")] public string[]? AuthorityType { get; init; }
    [FromQuery(Name = "neighboursOf")] public string[]? NeighboursOf { get; init; }
    [FromQuery(Name = "framework")] public string[]? Framework { get; init; }
    [FromQuery(Name = "area")] public string[]? Area { get; init; }
    /// <summary>The search filters' name for <see cref="Area"/>, accepted here too.</summary>
    [FromQuery(Name = "outcomeArea")] public string[]? OutcomeArea { get; init; }
    [FromQuery(Name = "grade")] public string[]? Grade { get; init; }
    [FromQuery(Name = "inspectedFrom")] public string? InspectedFrom { get; init; }
    [FromQuery(Name = "inspectedTo")] public string? InspectedTo { get; init; }

    public AuthorityFilters ToFilters()
    {
        var from = Parameters.Day("inspectedFrom", InspectedFrom);
        var to = Parameters.Day("inspectedTo", InspectedTo, endOfYear: true);
        if (from > to) throw new ParameterException("inspectedFrom", $"'inspectedFrom' ({from:yyyy-MM-dd}) is after 'inspectedTo' ({to:yyyy-MM-dd}).");
        return new AuthorityFilters
        {
            Region = OneOf("region", Parameters.List(Region), AuthorityTable.Regions),
            Type = OneOf("type", Parameters.List([.. Type ?? [], .. AuthorityType ?? []]), AuthorityTable.Types),
            NeighboursOf = Parameters.List(NeighboursOf).Select(Parameters.Authority("neighboursOf")).ToList(),
            Framework = Parameters.List(Framework).Select(f => Frameworks.FromName(f) is { } fw ? Frameworks.Name(fw)
                : throw new ParameterException("framework", $"'framework' names no framework: '{f}' (e.g. 'ILACS standard inspection', 'Single inspection').")).ToList(),
            Area = Parameters.List([.. Area ?? [], .. OutcomeArea ?? []]).Select(a => OutcomeAreas.Canonical(a)
                ?? throw new ParameterException("area", $"'area' names no judgement area: '{a}' (e.g. {string.Join(", ", AuthorityTable.HeadlineAreas.Select(x => $"'{x}'"))}).")).ToList(),
            Grade = Parameters.List(Grade).Select(g => GradeScales.LabelFromWords(g)
                ?? throw new ParameterException("grade", $"'grade' names no grade: '{g}' (use {string.Join(", ", GradeLabels.All)}).")).ToList(),
            InspectedFrom = from,
            InspectedTo = to,
        };
    }

    private static List<string> OneOf(string name, IReadOnlyList<string> values, IReadOnlyList<string> known) =>
        values.Select(v => known.FirstOrDefault(k => k.Equals(v, StringComparison.OrdinalIgnoreCase))
            ?? throw new ParameterException(name, $"'{name}' must be one of {string.Join(", ", known)}; not '{v}'.")).ToList();
}

/// <summary>GET /api/authorities (every authority of the gazetteer with its latest judgements) and GET /api/authorities/{code or name}.</summary>
public static class AuthorityEndpoints
{
    public static IEndpointRouteBuilder MapAuthorities(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/authorities").WithTags("Authorities");
        group.MapGet("/", List).WithSummary("Every authority in the gazetteer with its latest inspection's judgements, filtered");
        group.MapGet("/{authority}", Get).WithSummary("One authority by DfE code, ONS code or name: its judgements timeline, statistical neighbours and region");
        return app;
    }

    internal static Ok<AuthorityListDto> List(ReportIndex index, LinkBuilder links, [AsParameters] AuthorityParameters parameters)
    {
        var rows = AuthorityTable.Rows(index, parameters.ToFilters());
        var url = AuthorityMapping.Links(links);
        return TypedResults.Ok(new AuthorityListDto(rows.Count, rows.Count(r => !r.Replaced), rows.Count(r => r.Replaced), rows.Count(r => r.Latest is not null),
            AuthorityTable.HeadlineAreas, AuthorityMapping.Counts(rows), rows.Select(r => AuthorityMapping.Dto(r, url)).ToList()));
    }

    internal static Results<Ok<AuthorityProfileDto>, ProblemHttpResult> Get(string authority, ReportIndex index, LinkBuilder links)
    {
        var profile = AuthorityTable.Profile(index, authority);
        if (profile is null) return Problems.NotFound($"No authority in the gazetteer has the name or code '{authority}'.");
        var url = AuthorityMapping.Links(links);
        return TypedResults.Ok(new AuthorityProfileDto(
            AuthorityMapping.Dto(profile.Row, url),
            AuthorityTable.HeadlineAreas,
            profile.Timeline.Select(t => AuthorityMapping.Dto(t, url)).ToList(),
            profile.Neighbours.Select((n, i) => new NeighbourDto(i + 1, AuthorityMapping.Dto(n, url))).ToList(),
            profile.Row.Authority.Region,
            profile.Region.Select(r => AuthorityMapping.Dto(r, url)).ToList()));
    }
}
