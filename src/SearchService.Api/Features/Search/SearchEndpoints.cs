using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SearchService.Api.Infrastructure;
using SearchService.Search.Searching;

namespace SearchService.Api.Features.Search;

/// <summary>GET /api/search (faceted search with snippets) and GET /api/trends (matches per year or authority).</summary>
public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Search");
        group.MapGet("/search", Search).WithSummary("Search paragraphs, with facets and snippets");
        group.MapGet("/trends", Trends).WithSummary("Matching paragraphs and documents per year or authority");
        return app;
    }

    internal static Results<Ok<SearchResponse>, ProblemHttpResult> Search(
        ReportIndex index, LinkBuilder links, HttpRequest http,
        [FromQuery] string? q,
        [FromQuery] string[]? authority, [FromQuery] string[]? year, [FromQuery] string? yearFrom, [FromQuery] string? yearTo,
        [FromQuery] string[]? outcomeArea, [FromQuery] string[]? grade, [FromQuery] string[]? documentType,
        [FromQuery] string[]? framework, [FromQuery] string[]? region, [FromQuery] string[]? authorityType,
        [FromQuery] string[]? neighboursOf, [FromQuery] string? latest,
        [FromQuery] string? page, [FromQuery] string? pageSize, [FromQuery] string? sort, [FromQuery] string? groupBy)
    {
        var request = new SearchRequest
        {
            Query = q,
            Filters = Parameters.Filters(authority, year, yearFrom, yearTo, outcomeArea, grade, documentType, framework, region, authorityType, neighboursOf, latest),
            Page = Parameters.WholeNumber("page", page, 1) ?? 1,
            PageSize = Parameters.WholeNumber("pageSize", pageSize, 1) ?? 10,
            Sort = Sort(sort),
            GroupByDocument = groupBy switch
            {
                null or "" or "paragraph" => false,
                "document" => true,
                _ => throw new ParameterException("groupBy", $"'groupBy' must be 'document' or 'paragraph', not '{groupBy}'."),
            },
        };
        var result = index.Search(request);
        return TypedResults.Ok(ToResponse(result, links, http));
    }

    /// <summary>relevance (default), date or newest (newest first), oldest (oldest first).</summary>
    internal static SearchSort Sort(string? sort) => sort switch
    {
        null or "" or "relevance" => SearchSort.Relevance,
        "date" or "newest" => SearchSort.Date,
        "oldest" => SearchSort.Oldest,
        _ => throw new ParameterException("sort", $"'sort' must be 'relevance', 'date' (newest first) or 'oldest', not '{sort}'."),
    };

    internal static SearchResponse ToResponse(SearchResult result, LinkBuilder links, HttpRequest http) => new(
        result.Query, result.Total, result.Page, result.PageSize, Math.Round(result.TookMs, 2),
        result.Hits.Select(h => HitDto.From(h.Paragraph, h.Snippet, h.Score, links.Permalink(h.Paragraph.Id), h.MoreInDocument)).ToList(),
        result.Facets.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<FacetValueDto>)kv.Value.Select(v => new FacetValueDto(v.Value, v.Count)).ToList()),
        result.Warning, result.Partial)
    { Suggestion = result.Suggestion };

    internal static Results<Ok<TrendsResponse>, ProblemHttpResult> Trends(
        ReportIndex index,
        [FromQuery] string? q, [FromQuery] string? by,
        [FromQuery] string[]? authority, [FromQuery] string[]? year, [FromQuery] string? yearFrom, [FromQuery] string? yearTo,
        [FromQuery] string[]? outcomeArea, [FromQuery] string[]? grade, [FromQuery] string[]? documentType,
        [FromQuery] string[]? framework, [FromQuery] string[]? region, [FromQuery] string[]? authorityType,
        [FromQuery] string[]? neighboursOf, [FromQuery] string? latest)
    {
        var dimension = string.IsNullOrEmpty(by) ? "year" : by;
        if (dimension is not ("year" or "authority" or "outcomeArea" or "documentType"))
            throw new ParameterException("by", $"'by' must be year, authority, outcomeArea or documentType, not '{by}'.");
        var filters = Parameters.Filters(authority, year, yearFrom, yearTo, outcomeArea, grade, documentType, framework, region, authorityType, neighboursOf, latest);
        var buckets = index.Trends(q, filters, dimension);
        return TypedResults.Ok(new TrendsResponse(q ?? "", dimension,
            buckets.Select(b => new TrendBucketDto(b.Value, b.Paragraphs, b.Documents, b.TotalParagraphs, b.Share)).ToList()));
    }
}
