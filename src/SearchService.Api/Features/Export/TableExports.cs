using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using SearchService.Api.Features.Authorities;
using SearchService.Api.Features.Search;
using SearchService.Core.Spreadsheets;
using SearchService.Search.England;
using SearchService.Search.Spreadsheets;

namespace SearchService.Api.Features.Export;

/// <summary>
/// The other tables people open in Excel, as CSV or XLSX (<c>format</c>, XLSX by default), mapped
/// by <see cref="ExportEndpoints"/>: GET /api/export/england (every authority's latest judgements,
/// the authorities' filters) and GET /api/export/trends (a trend table, by year or authority).
/// </summary>
public static class TableExports
{
    internal static Results<FileStreamHttpResult, ProblemHttpResult> England(
        ReportIndex index, LinkBuilder links, TimeProvider clock, HttpContext http, [AsParameters] AuthorityParameters parameters, [FromQuery] string? format)
    {
        var kind = Format(format);
        var filters = parameters.ToFilters();
        var rows = AuthorityTable.Rows(index, filters);
        var now = clock.GetUtcNow();
        var sheet = ExportTables.England(rows, links.BaseUrl, ExportFile.About(http, links, now, ExportTables.Describe(filters))) with { Created = now };
        http.Response.Headers["X-Total-Count"] = rows.Count.ToString(CultureInfo.InvariantCulture);
        return ExportFile.Write(sheet, kind, ExportTables.FileName("england-latest-judgements", ExportTables.FileNameParts(filters), kind, DateOnly.FromDateTime(now.UtcDateTime)));
    }

    internal static Results<FileStreamHttpResult, ProblemHttpResult> Trends(
        ReportIndex index, LinkBuilder links, TimeProvider clock, HttpContext http,
        [AsParameters] SearchParameters parameters, [FromQuery] string? format, [FromQuery] string? by)
    {
        var kind = Format(format);
        var dimension = SearchEndpoints.TrendDimension(by);
        var request = parameters.ToRequest();
        var trend = index.Trends(request, dimension);
        var now = clock.GetUtcNow();
        var about = ExportTables.Describe(request.Query, request.Filters, SearchSort.Relevance).Where(kv => kv.Key != "Order").ToList();
        var sheet = ExportTables.Trends(trend.Buckets, dimension, ExportFile.About(http, links, now, about)) with { Created = now };
        var name = ExportTables.FileName($"trends-by-{Core.Model.Identifiers.Slug(dimension)}", ExportTables.FileNameParts(request.Query, request.Filters), kind, DateOnly.FromDateTime(now.UtcDateTime));
        return ExportFile.Write(sheet, kind, name);
    }

    private static string Format(string? format)
    {
        var f = string.IsNullOrWhiteSpace(format) ? SpreadsheetFormats.Xlsx : format.Trim().ToLowerInvariant();
        return SpreadsheetFormats.All.Contains(f) ? f : throw new ParameterException("format", $"'format' must be csv or xlsx, not '{format}'.");
    }
}
