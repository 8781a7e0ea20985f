using Microsoft.AspNetCore.Mvc;
using SearchService.Api.Features.Permalinks;

namespace SearchService.Api.Features.Search;

/// <summary>GET /api/search (faceted search with snippets), GET /api/trends (matches per year or authority) and the search page (GET /, wwwroot/index.html).</summary>
public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (IWebHostEnvironment env) => HtmlPage.StaticPage(env, "index.html")).WithTags("Pages").ExcludeFromDescription();
        app.MapGet("/index.html", (IWebHostEnvironment env) => HtmlPage.StaticPage(env, "index.html")).WithTags("Pages").ExcludeFromDescription();
        var group = app.MapGroup("/api").WithTags("Search");
        group.MapGet("/search", Search).WithSummary("Search paragraphs, with facets and snippets");
        group.MapGet("/trends", Trends).WithSummary("Matching paragraphs and documents per year (every year, zeros included) or per authority");
        return app;
    }

    internal static Results<GeneratedJsonOk<SearchResponse>, ProblemHttpResult> Search(
        ReportIndex index, LinkBuilder links, HttpRequest http, [AsParameters] SearchParameters parameters) =>
        ApiJson.Ok(ToResponse(index.Search(parameters.ToRequest()), links, http));

    /// <summary>relevance (default), date or newest (newest first), oldest (oldest first).</summary>
    internal static SearchSort Sort(string? sort) => sort switch
    {
        null or "" or "relevance" => SearchSort.Relevance,
        "date" or "newest" => SearchSort.Date,
        "oldest" => SearchSort.Oldest,
        _ => throw new ParameterException("sort", $"'sort' must be 'relevance', 'date' (newest first) or 'oldest', not '{sort}'."),
    };

    /// <summary>What trends count by (/api/trends and /api/export/trends): year (default), authority, outcomeArea or documentType.</summary>
    internal static string TrendDimension(string? by)
    {
        var dimension = string.IsNullOrEmpty(by) ? "year" : by;
        return dimension is "year" or "authority" or "outcomeArea" or "documentType" ? dimension
            : throw new ParameterException("by", $"'by' must be year, authority, outcomeArea or documentType, not '{by}'.");
    }

    internal static SearchResponse ToResponse(SearchResult result, LinkBuilder links, HttpRequest http) => new(
        result.Query, result.Total, result.Documents, result.Page, result.PageSize, Math.Round(result.TookMs, 2),
        result.Hits.Select(h => HitDto.From(h.Paragraph, h.Snippet, h.Score, links.Permalink(h.Paragraph.Id), h.MoreInDocument, h.AlsoMatched)).ToList(),
        result.Facets.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<FacetValueDto>)kv.Value.Select(v => new FacetValueDto(v.Value, v.Count)).ToList()),
        result.Warning, result.Partial, SearchResponse.From(result.Missing),
        result.Match == MatchMode.All ? "all" : "any", result.Exact,
        result.Expansions.Select(ExpansionDto.From).ToList(),
        result.Relaxed is not null, SearchResponse.From(result.Relaxed))
    { Suggestion = result.Suggestion };

    internal static Results<GeneratedJsonOk<TrendsResponse>, ProblemHttpResult> Trends(
        ReportIndex index, [AsParameters] SearchParameters parameters, [FromQuery] string? by)
    {
        var dimension = TrendDimension(by);
        var t = index.Trends(parameters.ToRequest(), dimension);
        return ApiJson.Ok(new TrendsResponse(t.Query, dimension, t.Total, t.Documents, t.Unbucketed, t.Denominator,
            t.Buckets.Select(b => new TrendBucketDto(b.Value, b.Paragraphs, b.Documents, b.TotalParagraphs, b.Share)).ToList(),
            t.Relaxed is not null, SearchResponse.From(t.Relaxed), t.Partial, SearchResponse.From(t.Missing)));
    }
}
