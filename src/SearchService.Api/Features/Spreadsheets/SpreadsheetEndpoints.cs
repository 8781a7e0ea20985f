using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SearchService.Api.Features.Authorities;
using SearchService.Api.Features.Search;
using SearchService.Api.Infrastructure;
using SearchService.Core.Spreadsheets;
using SearchService.Search.England;
using SearchService.Search.Searching;
using SearchService.Search.Spreadsheets;

namespace SearchService.Api.Features.Spreadsheets;

/// <summary>Section "Export": the row limit of an export (<c>Export:MaxRows</c>); past it the file holds the first rows and says so.</summary>
public sealed class ExportOptions
{
    public const string Section = "Export";

    [Range(1, 1_048_575, ErrorMessage = "Export:MaxRows must be between {1} and {2} (an Excel sheet holds 1,048,576 rows, the header included).")]
    public int MaxRows { get; set; } = 50_000;
}

/// <summary>
/// Spreadsheets people open in Excel, as CSV or XLSX (<c>format</c>): GET /api/export/search (the
/// paragraphs of any search, the search's own filters), GET /api/export/england (every
/// authority's latest judgements, the authorities' filters) and GET /api/export/trends (a trend
/// table, by year or authority). File names say what the file holds.
/// </summary>
public static class SpreadsheetEndpoints
{
    public static IEndpointRouteBuilder MapSpreadsheets(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/export").WithTags("Spreadsheets");
        group.MapGet("/search", Search).WithSummary("A search's paragraphs as CSV or XLSX (id, authority, DfE code, region, document, date, section, paragraph, outcome area, grade, text, permalink)");
        group.MapGet("/england", England).WithSummary("Every authority's latest judgements as CSV or XLSX, each judgement with its paragraph's link");
        group.MapGet("/trends", Trends).WithSummary("A trend table (by year or authority) as CSV or XLSX");
        return app;
    }

    /// <summary>The search's own parameters (one <see cref="SearchParameters"/> record), so the file holds the paragraphs the search counted.</summary>
    internal static Results<FileStreamHttpResult, ProblemHttpResult> Search(
        ReportIndex index, LinkBuilder links, IOptions<ExportOptions> options, HttpContext http,
        [AsParameters] SearchParameters parameters, [FromQuery] string? format)
    {
        var kind = Format(format);
        var settings = options.Value;
        var request = parameters.ToRequest();
        using var matched = index.Matching(request, settings.MaxRows);
        var sheet = ExportTables.Search(matched, links.BaseUrl, About(http, links, ExportTables.Describe(request.Query, request.Filters, request.Sort)), settings.MaxRows, "the Export:MaxRows setting");
        http.Response.Headers["X-Total-Count"] = matched.Total.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-Row-Count"] = matched.Count.ToString(CultureInfo.InvariantCulture);
        if (matched.Truncated) http.Response.Headers["X-Row-Limit-Reached"] = settings.MaxRows.ToString(CultureInfo.InvariantCulture);
        return File(sheet, kind, ExportTables.FileName("search", ExportTables.FileNameParts(request.Query, request.Filters), kind, Today));
    }

    internal static Results<FileStreamHttpResult, ProblemHttpResult> England(
        ReportIndex index, LinkBuilder links, HttpContext http, [AsParameters] AuthorityParameters parameters, [FromQuery] string? format)
    {
        var kind = Format(format);
        var filters = parameters.ToFilters();
        var rows = AuthorityTable.Rows(index, filters);
        var described = new List<KeyValuePair<string, string>>();
        void Add(string label, IEnumerable<string> values) { if (values.Any()) described.Add(new(label, string.Join("; ", values))); }
        Add("Region", filters.Region);
        Add("Type", filters.Type);
        Add("Statistical neighbours of", filters.NeighboursOf);
        Add("Framework", filters.Framework);
        Add("Judgement area", filters.Area);
        Add("Grade", filters.Grade);
        if (filters.InspectedFrom is not null || filters.InspectedTo is not null)
            described.Add(new("Inspected", $"{filters.InspectedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"} to {filters.InspectedTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"}"));
        var sheet = ExportTables.England(rows, links.BaseUrl, About(http, links, described));
        http.Response.Headers["X-Total-Count"] = rows.Count.ToString(CultureInfo.InvariantCulture);
        string?[] parts = [.. filters.Region, .. filters.Type, .. filters.NeighboursOf.Select(n => $"neighbours of {n}"), .. filters.Framework, .. filters.Area, .. filters.Grade,
            filters.InspectedFrom is null && filters.InspectedTo is null ? null : $"inspected {filters.InspectedFrom:yyyy-MM-dd} to {filters.InspectedTo:yyyy-MM-dd}"];
        return File(sheet, kind, ExportTables.FileName("england-latest-judgements", parts, kind, Today));
    }

    internal static Results<FileStreamHttpResult, ProblemHttpResult> Trends(
        ReportIndex index, LinkBuilder links, HttpContext http,
        [AsParameters] SearchParameters parameters, [FromQuery] string? format, [FromQuery] string? by)
    {
        var kind = Format(format);
        var dimension = string.IsNullOrEmpty(by) ? "year" : by;
        if (dimension is not ("year" or "authority" or "outcomeArea" or "documentType"))
            throw new ParameterException("by", $"'by' must be year, authority, outcomeArea or documentType, not '{by}'.");
        var request = parameters.ToRequest();
        var trend = index.Trends(request, dimension);
        var about = ExportTables.Describe(request.Query, request.Filters, SearchSort.Relevance).Where(kv => kv.Key != "Order").ToList();
        var sheet = ExportTables.Trends(trend.Buckets, dimension, About(http, links, about));
        return File(sheet, kind, ExportTables.FileName($"trends-by-{Core.Model.Identifiers.Slug(dimension)}", ExportTables.FileNameParts(request.Query, request.Filters), kind, Today));
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static string Format(string? format)
    {
        var f = string.IsNullOrWhiteSpace(format) ? SpreadsheetFormats.Xlsx : format.Trim().ToLowerInvariant();
        return SpreadsheetFormats.All.Contains(f) ? f : throw new ParameterException("format", $"'format' must be csv or xlsx, not '{format}'.");
    }

    /// <summary>What the file holds, with when and where it was exported from.</summary>
    private static IReadOnlyList<KeyValuePair<string, string>> About(HttpContext http, LinkBuilder links, IReadOnlyList<KeyValuePair<string, string>> described) =>
    [
        .. described,
        new("Exported", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)),
        // The configured site, never the request's Host header (a client chooses it).
        new("Source", $"{links.BaseUrl}{http.Request.Path}{http.Request.QueryString}"),
    ];

    /// <summary>
    /// Writes the file to a temporary file first (XLSX is a zip package that needs a seekable
    /// stream; CSV could stream, but a failure half-way should be a clean error, not half a file),
    /// then sends it; the temporary file is deleted when the response is done.
    /// </summary>
    private static FileStreamHttpResult File(Spreadsheet sheet, string format, string fileName)
    {
        var temp = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            SpreadsheetWriter.Write(sheet, format, temp);
            temp.Position = 0;
            return TypedResults.File(temp, SpreadsheetFormats.ContentType(format), fileName);
        }
        catch
        {
            temp.Dispose();
            throw;
        }
    }
}
