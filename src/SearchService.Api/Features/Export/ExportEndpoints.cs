using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SearchService.Api.Features.Search;
using SearchService.Core.Spreadsheets;
using SearchService.Search.Spreadsheets;

namespace SearchService.Api.Features.Export;

/// <summary>
/// Section "Export": the one row cap of every export of a search (<c>Export:MaxRows</c>). Past it
/// the file holds the first rows in the search's order and says so; the request never fails.
/// </summary>
public sealed class ExportOptions
{
    public const string Section = "Export";

    /// <summary>
    /// 50,000 by default: more than every paragraph indexed today (the seeds and the 280 published
    /// reports hold 32,085), so an export of any search is whole, while one request's work (every
    /// row read from the index and written to a temporary file before it is sent) stays bounded.
    /// </summary>
    [Range(1, 1_048_575, ErrorMessage = "Export:MaxRows must be between {1} and {2} (an Excel sheet holds 1,048,576 rows, the header included).")]
    public int MaxRows { get; set; } = 50_000;
}

/// <summary>The request of an export: the search's own parameters, so the file holds the paragraphs the search counted, and the format.</summary>
public sealed record ExportParameters : SearchParameters
{
    /// <summary><c>csv</c>, <c>jsonl</c> or <c>xlsx</c>.</summary>
    [FromQuery(Name = "format")] public string? Format { get; init; }
}

/// <summary>
/// GET /api/export: every paragraph a search matches, as CSV, JSON lines or XLSX, with the row
/// cap <c>Export:MaxRows</c>. <c>X-Total-Count</c> is the search's total, <c>X-Row-Count</c> the
/// rows in the file, and <c>X-Row-Limit-Reached</c> (the cap) is sent only when the file was cut;
/// the file says so too (CSV and XLSX in a last row and on the About sheet, JSON lines in a last
/// line without an id). GET /api/export/search is the same export under the path the search page
/// and links shared before the two exports became one (XLSX when no format is given). The England
/// and trend tables are exported here too (<see cref="TableExports"/>).
/// </summary>
public static class ExportEndpoints
{
    public const string Jsonl = "jsonl";
    public static readonly IReadOnlyList<string> Formats = [SpreadsheetFormats.Csv, Jsonl, SpreadsheetFormats.Xlsx];
    private const string LimitName = "the Export:MaxRows setting";

    public static IEndpointRouteBuilder MapExport(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Export");
        group.MapGet("/export", (ReportIndex index, LinkBuilder links, IOptions<ExportOptions> options, TimeProvider clock, HttpContext http, [AsParameters] ExportParameters parameters) =>
                Export(index, links, options.Value, clock, http, parameters, SpreadsheetFormats.Csv))
            .WithName("getExport")
            .WithSummary("Every paragraph a search matches, as CSV, JSON lines or XLSX (the search's parameters; at most Export:MaxRows rows, and the file says when it was cut)")
            .Produces<Stream>(StatusCodes.Status200OK, "text/csv", "application/x-ndjson", SpreadsheetFormats.ContentType(SpreadsheetFormats.Xlsx));
        group.MapGet("/export/search", (ReportIndex index, LinkBuilder links, IOptions<ExportOptions> options, TimeProvider clock, HttpContext http, [AsParameters] ExportParameters parameters) =>
                Export(index, links, options.Value, clock, http, parameters, SpreadsheetFormats.Xlsx))
            .WithName("getExportSearch")
            .WithSummary("The same export as GET /api/export (XLSX when no format is given), kept for the links already shared")
            .Produces<Stream>(StatusCodes.Status200OK, "text/csv", "application/x-ndjson", SpreadsheetFormats.ContentType(SpreadsheetFormats.Xlsx))
            .WithMetadata(new ObsoleteAttribute("Use GET /api/export."));
        group.MapGet("/export/england", TableExports.England).WithSummary("Every authority's latest judgements as CSV or XLSX, each judgement with its paragraph's link");
        group.MapGet("/export/trends", TableExports.Trends).WithSummary("A trend table (by year or authority) as CSV or XLSX");
        return app;
    }

    internal static Results<FileStreamHttpResult, ProblemHttpResult> Export(
        ReportIndex index, LinkBuilder links, ExportOptions options, TimeProvider clock, HttpContext http, ExportParameters parameters, string defaultFormat)
    {
        var format = Format(parameters.Format, defaultFormat);
        var request = parameters.ToRequest();
        int limit = options.MaxRows;
        using var matched = index.Matching(request, limit);
        var headers = http.Response.Headers;
        headers["X-Total-Count"] = matched.Total.ToString(CultureInfo.InvariantCulture);
        headers["X-Row-Count"] = matched.Count.ToString(CultureInfo.InvariantCulture);
        if (matched.Truncated) headers["X-Row-Limit-Reached"] = limit.ToString(CultureInfo.InvariantCulture);
        if (matched.Relaxed is { } r) headers["X-Relaxed-Dropped"] = Uri.EscapeDataString(string.Join(" ", r.Dropped));
        if (matched.Missing is not null) headers["X-Partial"] = "true";
        var now = clock.GetUtcNow();
        var name = ExportTables.FileName("search", ExportTables.FileNameParts(request.Query, request.Filters), format, DateOnly.FromDateTime(now.UtcDateTime));
        if (format == Jsonl)
            return ExportFile.Write(stream => WriteJsonLines(matched, links.BaseUrl, limit, stream, http.RequestAborted), "application/x-ndjson", name);
        var about = ExportFile.About(http, links, now, ExportTables.Describe(request.Query, request.Filters, request.Sort));
        var sheet = ExportTables.Search(matched, links.BaseUrl, about, limit, LimitName, http.RequestAborted) with { Created = now };
        return ExportFile.Write(sheet, format, name);
    }

    /// <summary>One paragraph a line (<see cref="ExportRow"/>), then, only when the row cap cut the export, a line saying so.</summary>
    private static void WriteJsonLines(ExportResult matched, string baseUrl, int limit, Stream output, CancellationToken cancel)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), bufferSize: 64 * 1024, leaveOpen: true);
        foreach (var p in matched.Rows)
        {
            cancel.ThrowIfCancellationRequested();
            writer.WriteLine(JsonSerializer.Serialize(ExportRow.Of(p, baseUrl), ExportJson.Default.ExportRow));
        }
        if (ExportTables.Truncation(matched, limit, LimitName) is { } note)
            writer.WriteLine(JsonSerializer.Serialize(new ExportTruncation(true, matched.Count, matched.Total, limit, note), ExportJson.Default.ExportTruncation));
    }

    private static string Format(string? format, string defaultFormat)
    {
        var f = string.IsNullOrWhiteSpace(format) ? defaultFormat : format.Trim().ToLowerInvariant();
        return Formats.Contains(f) ? f : throw new ParameterException("format", $"'format' must be csv, jsonl or xlsx, not '{format}'.");
    }
}

/// <summary>What the export files share: the About sheet's "exported" lines, and writing the file before it is sent.</summary>
internal static class ExportFile
{
    /// <summary>What the file holds, with when (the host's <see cref="TimeProvider"/>) and where it was exported from.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> About(HttpContext http, LinkBuilder links, DateTimeOffset now, IReadOnlyList<KeyValuePair<string, string>> described) =>
    [
        .. described,
        new("Exported", now.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)),
        // The configured site, never the request's Host header (a client chooses it).
        new("Source", $"{links.BaseUrl}{http.Request.Path}{http.Request.QueryString}"),
    ];

    public static FileStreamHttpResult Write(Spreadsheet sheet, string format, string fileName) =>
        Write(stream => SpreadsheetWriter.Write(sheet, format, stream), SpreadsheetFormats.ContentType(format), fileName);

    /// <summary>
    /// Writes the file to a temporary file first (XLSX is a zip package that needs a seekable
    /// stream; CSV and JSON lines could stream, but a failure half-way should be a clean error, not
    /// half a file), then sends it; the temporary file is deleted when the response is done.
    /// </summary>
    public static FileStreamHttpResult Write(Action<Stream> write, string contentType, string fileName)
    {
        var temp = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            write(temp);
            temp.Position = 0;
            return TypedResults.File(temp, contentType, fileName);
        }
        catch
        {
            temp.Dispose();
            throw;
        }
    }
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[System.Text.Json.Serialization.JsonSerializable(typeof(ExportRow))]
[System.Text.Json.Serialization.JsonSerializable(typeof(ExportTruncation))]
internal sealed partial class ExportJson : System.Text.Json.Serialization.JsonSerializerContext;
