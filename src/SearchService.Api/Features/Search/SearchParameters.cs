using Microsoft.AspNetCore.Mvc;

namespace SearchService.Api.Features.Search;

/// <summary>
/// The query-string filters of every request over the paragraphs, bound once ([AsParameters]): a
/// search, trends and export (through <see cref="SearchParameters"/>), a question (/api/ask) and the
/// judgements list (/api/judgements). Values are read as text and checked by <see cref="Parameters.Filters"/>,
/// so a bad value is a 400 naming it.
/// </summary>
public record FilterParameters
{
    [FromQuery(Name = "authority")] public string[]? Authority { get; init; }
    [FromQuery(Name = "year")] public string[]? Year { get; init; }
    [FromQuery(Name = "yearFrom")] public string? YearFrom { get; init; }
    [FromQuery(Name = "yearTo")] public string? YearTo { get; init; }
    [FromQuery(Name = "outcomeArea")] public string[]? OutcomeArea { get; init; }
    [FromQuery(Name = "grade")] public string[]? Grade { get; init; }
    [FromQuery(Name = "documentType")] public string[]? DocumentType { get; init; }
    [FromQuery(Name = "framework")] public string[]? Framework { get; init; }
    [FromQuery(Name = "region")] public string[]? Region { get; init; }
    [FromQuery(Name = "authorityType")] public string[]? AuthorityType { get; init; }

    /// <summary>An authority (name or code): the search covers it and its ten statistical neighbours.</summary>
    [FromQuery(Name = "neighboursOf")] public string[]? NeighboursOf { get; init; }

    /// <summary><c>true</c>: only each authority's latest inspection report.</summary>
    [FromQuery(Name = "latest")] public string? Latest { get; init; }

    public SearchFilters ToFilters() =>
        Parameters.Filters(Authority, Year, YearFrom, YearTo, OutcomeArea, Grade, DocumentType, Framework, Region, AuthorityType, NeighboursOf, Latest);
}

/// <summary>
/// The query-string parameters of a search, bound once ([AsParameters]) and shared by
/// /api/search, /api/trends and /api/export (whose <c>ExportParameters</c> add the format), so all
/// three run the same request and count the same paragraphs: the filters and the query, paging and order.
/// </summary>
public record SearchParameters : FilterParameters
{
    [FromQuery(Name = "q")] public string? Q { get; init; }
    [FromQuery(Name = "page")] public string? Page { get; init; }
    [FromQuery(Name = "pageSize")] public string? PageSize { get; init; }
    [FromQuery(Name = "sort")] public string? Sort { get; init; }
    [FromQuery(Name = "groupBy")] public string? GroupBy { get; init; }

    /// <summary><c>all</c> (default: every word or a synonym of it) or <c>any</c>.</summary>
    [FromQuery(Name = "match")] public string? Match { get; init; }

    /// <summary><c>true</c>: no synonyms, only the words as typed.</summary>
    [FromQuery(Name = "exact")] public string? Exact { get; init; }

    /// <summary><c>false</c>: no facet counts (faster when the filters are narrow); the total, documents and hits are the same.</summary>
    [FromQuery(Name = "facets")] public string? Facets { get; init; }

    public SearchRequest ToRequest() => new()
    {
        Query = Q,
        Filters = ToFilters(),
        Page = Parameters.WholeNumber("page", Page, 1) ?? 1,
        PageSize = Parameters.WholeNumber("pageSize", PageSize, 1) ?? 10,
        Sort = SearchEndpoints.Sort(Sort),
        GroupByDocument = GroupBy switch
        {
            null or "" or "paragraph" => false,
            "document" => true,
            _ => throw new ParameterException("groupBy", $"'groupBy' must be 'document' or 'paragraph', not '{GroupBy}'."),
        },
        Match = Match switch
        {
            null or "" or "all" => MatchMode.All,
            "any" => MatchMode.Any,
            _ => throw new ParameterException("match", $"'match' must be 'all' or 'any', not '{Match}'."),
        },
        Exact = Parameters.Flag("exact", Exact),
        Facets = string.IsNullOrWhiteSpace(Facets) || Parameters.Flag("facets", Facets),
    };
}
