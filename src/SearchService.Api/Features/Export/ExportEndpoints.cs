using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SearchService.Api.Features.Search;
using SearchService.Api.Infrastructure;
using SearchService.Search.Indexing;
using SearchService.Search.Searching;

namespace SearchService.Api.Features.Export;

/// <summary>One exported paragraph (a JSON line): what a hit shows, with the whole text in place of the snippet.</summary>
public sealed record ExportRow(
    string Id, string DocumentId, string DocumentTitle, string DocumentType, string Authority, DateOnly? Date, int? Year,
    IReadOnlyList<string> SectionPath, string? OutcomeArea, string? Grade, string? GradeRaw, string Paragraph, string Text,
    string Citation, string Url);

/// <summary>
/// GET /api/export: every paragraph a search matches, as CSV or JSON lines, streamed. It takes
/// the search's own parameters and runs the same request, so its rows are the search's total
/// (also sent as <c>X-Total-Count</c>); relaxed words and a cut search are said in headers.
/// </summary>
public static class ExportEndpoints
{
    private static readonly string[] Columns =
        ["id", "documentId", "documentTitle", "documentType", "authority", "date", "year", "sectionPath", "outcomeArea", "grade", "gradeRaw", "paragraph", "text", "citation", "url"];

    public static IEndpointRouteBuilder MapExport(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/export").WithTags("Search")
            .MapGet("/", Export).WithSummary("Every paragraph a search matches, as CSV or JSON lines");
        return app;
    }

    internal static Results<PushStreamHttpResult, ProblemHttpResult> Export(
        ReportIndex index, LinkBuilder links, HttpRequest http, [AsParameters] SearchParameters parameters, [FromQuery] string? format)
    {
        var kind = string.IsNullOrEmpty(format) ? "csv" : format;
        if (kind is not ("csv" or "jsonl")) throw new ParameterException("format", $"'format' must be 'csv' or 'jsonl', not '{format}'.");
        var request = parameters.ToRequest();
        var result = index.Export(request);
        var headers = http.HttpContext.Response.Headers;
        headers["X-Total-Count"] = result.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (result.Relaxed is { } r) headers["X-Relaxed-Dropped"] = Uri.EscapeDataString(string.Join(" ", r.Dropped));
        if (result.Missing is not null) headers["X-Partial"] = "true";
        var baseUrl = links.BaseUrl;
        var name = $"searchservice-export.{kind}";
        return TypedResults.Stream(async body =>
        {
            using (result)
            {
                await using var writer = new StreamWriter(body, new UTF8Encoding(false), bufferSize: 64 * 1024);
                if (kind == "csv") await writer.WriteLineAsync(string.Join(",", Columns));
                foreach (var p in result.Rows)
                {
                    var row = ToRow(p, $"{baseUrl}/p/{Uri.EscapeDataString(p.Id)}");
                    await writer.WriteLineAsync(kind == "csv" ? Csv(row) : JsonSerializer.Serialize(row, ExportJson.Default.ExportRow));
                    http.HttpContext.RequestAborted.ThrowIfCancellationRequested();
                }
            }
        }, kind == "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson", name);
    }

    private static ExportRow ToRow(ParagraphRecord p, string url) => new(
        p.Id, p.DocumentId, p.DocumentTitle, p.DocumentType, p.Authority, p.Date, p.Year, p.SectionPath, p.OutcomeArea,
        p.Grade?.Label, p.Grade?.Raw, p.Label, p.Text, p.Citation, url);

    private static string Csv(ExportRow r) => string.Join(",", new[]
    {
        r.Id, r.DocumentId, r.DocumentTitle, r.DocumentType, r.Authority, r.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        r.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Join(" › ", r.SectionPath), r.OutcomeArea, r.Grade, r.GradeRaw,
        r.Paragraph, r.Text, r.Citation, r.Url,
    }.Select(Cell));

    /// <summary>
    /// RFC 4180 quoting; a cell a spreadsheet would run as a formula (starting = + - @ or a
    /// control character) is prefixed with an apostrophe, as OWASP advises for CSV exports.
    /// </summary>
    internal static string Cell(string? value)
    {
        var v = value ?? "";
        if (v.Length > 0 && (v[0] is '=' or '+' or '-' or '@' or '\t' or '\r')) v = "'" + v;
        return v.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[System.Text.Json.Serialization.JsonSerializable(typeof(ExportRow))]
internal sealed partial class ExportJson : System.Text.Json.Serialization.JsonSerializerContext;
