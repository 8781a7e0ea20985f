using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.Time.Testing;
using SearchService.Core.Tests;

namespace SearchService.Api.Tests;

/// <summary>
/// A server whose exports hold at most five rows (<c>Export:MaxRows</c>), to see the limit said in
/// the file, and whose clock is a fake one, to see that the files are dated by it.
/// </summary>
public sealed class SmallExportServer : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2031, 2, 3, 10, 4, 0, TimeSpan.Zero);
    public ApiServer Server { get; } = new() { ExtraArgs = ["--Export:MaxRows", "5"], ConfigureServices = s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)) };
    public ValueTask InitializeAsync() => Server.InitializeAsync();
    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

/// <summary>CSV and XLSX exports over HTTP, read back as a spreadsheet program would and compared with the API's own answers.</summary>
public class SpreadsheetExportTests(ApiServer server, SmallExportServer small) : IClassFixture<ApiServer>, IClassFixture<SmallExportServer>
{
    private static readonly string[] SearchHeader =
        ["Id", "Authority", "DfE code", "Region", "Document", "Document type", "Date", "Section", "Paragraph", "Outcome area", "Grade as printed", "Grade", "Text", "Citation", "Permalink"];

    private static async Task<(byte[] Body, HttpResponseMessage Response)> Download(ApiServer s, string path)
    {
        var response = await s.Client.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} → {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        return (body, response);
    }

    /// <summary>Every hit of a search, page by page, with each paragraph's whole text.</summary>
    private async Task<List<string[]>> SearchRows(string query)
    {
        var rows = new List<string[]>();
        for (int page = 1; ; page++)
        {
            var r = await server.GetJson($"/api/search?{query}&pageSize=100&page={page}");
            foreach (var h in r.GetProperty("hits").EnumerateArray())
            {
                var text = (await server.GetJson("/api/paragraphs/" + Uri.EscapeDataString(h.GetProperty("id").GetString()!))).GetProperty("text").GetString()!;
                var grade = h.GetProperty("grade");
                rows.Add([
                    h.GetProperty("id").GetString()!, h.GetProperty("authority").GetString()!, Str(h, "laCode"), Str(h, "region"), h.GetProperty("documentTitle").GetString()!,
                    Str(h, "documentType"), Str(h, "date"), string.Join(" › ", h.GetProperty("sectionPath").EnumerateArray().Select(x => x.GetString())), h.GetProperty("paragraph").GetString()!,
                    Str(h, "outcomeArea"), grade.ValueKind == JsonValueKind.Null ? "" : grade.GetProperty("raw").GetString()!,
                    grade.ValueKind == JsonValueKind.Null ? "" : grade.GetProperty("label").GetString()!, text,
                    h.GetProperty("citation").GetProperty("text").GetString()!, h.GetProperty("citation").GetProperty("url").GetString()!,
                ]);
            }
            if (page * 100 >= r.GetProperty("total").GetInt32()) return rows;
        }
    }

    private static string Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    /// <summary>A JSON line of an export as the row a spreadsheet holds, column for column.</summary>
    private static string[] JsonRow(JsonElement r) =>
    [
        r.GetProperty("id").GetString()!, r.GetProperty("authority").GetString()!, Str(r, "laCode"), Str(r, "region"), r.GetProperty("documentTitle").GetString()!,
        Str(r, "documentType"), Str(r, "date"), string.Join(" › ", r.GetProperty("sectionPath").EnumerateArray().Select(x => x.GetString())), r.GetProperty("paragraph").GetString()!,
        Str(r, "outcomeArea"), Str(r, "gradeRaw"), Str(r, "grade"), r.GetProperty("text").GetString()!, r.GetProperty("citation").GetString()!, r.GetProperty("url").GetString()!,
    ];

    /// <summary>The rows of a downloaded export (header first for CSV and XLSX), and the XLSX's sheets.</summary>
    private static (IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<ReadSheet> Sheets) Read(string format, byte[] body)
    {
        switch (format)
        {
            case "csv": return (SpreadsheetFile.ReadCsv(new MemoryStream(body)), []);
            case "jsonl":
                var lines = System.Text.Encoding.UTF8.GetString(body).Split('\n', StringSplitOptions.RemoveEmptyEntries);
                // A paragraph line as its row; the line that says the export was cut (it has no id) as it is.
                return (lines.Select(l => JsonDocument.Parse(l).RootElement.TryGetProperty("id", out _) ? JsonRow(JsonDocument.Parse(l).RootElement) : (IReadOnlyList<string>)[l]).ToList(), []);
            default:
                Assert.Empty(SpreadsheetFile.Validate(new MemoryStream(body)));
                var sheets = SpreadsheetFile.ReadXlsx(new MemoryStream(body));
                return (sheets[0].Rows.Where(r => r.Count > 0).ToList(), sheets);
        }
    }

    [Theory]
    [InlineData("/api/export", "csv")]
    [InlineData("/api/export", "jsonl")]
    [InlineData("/api/export", "xlsx")]
    [InlineData("/api/export/search", "csv")]
    [InlineData("/api/export/search", "xlsx")]
    public async Task A_search_export_round_trips_the_same_rows_as_the_api_in_every_format(string path, string format)
    {
        const string query = "q=placement&authority=Coventry&authority=Stoke&sort=date";
        var expected = await SearchRows(query);
        Assert.True(expected.Count > 10, $"{expected.Count} rows");
        var (body, response) = await Download(server, $"{path}?format={format}&{query}");
        Assert.Equal(format switch { "csv" => "text/csv", "jsonl" => "application/x-ndjson", _ => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
            response.Content.Headers.ContentType?.MediaType);
        var (rows, sheets) = Read(format, body);
        if (format == "xlsx")
        {
            Assert.Equal(["Paragraphs", "About"], sheets.Select(s => s.Name));
            // The id and the permalink cells link to the paragraph's page.
            Assert.Equal(expected[0][^1], sheets[0].Links["A2"]);
            var about = sheets[1].Rows.ToDictionary(r => r[0], r => r[1]);
            Assert.Equal("placement", about["Query"]);
            Assert.Equal("Coventry; Stoke", about["Authority"]);
            Assert.Equal("newest first", about["Order"]);
            Assert.Equal($"{expected.Count} matching paragraphs", about["Rows"]);
            Assert.False(about.ContainsKey("Incomplete"));
        }
        if (format != "jsonl") Assert.Equal(SearchHeader, rows[0]);
        var data = format == "jsonl" ? rows : rows.Skip(1).ToList();
        Assert.Equal(expected.Count, data.Count);
        for (int i = 0; i < expected.Count; i++) Assert.Equal(expected[i], data[i]);
        var count = expected.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(count, response.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(count, response.Headers.GetValues("X-Row-Count").Single());
        Assert.False(response.Headers.Contains("X-Row-Limit-Reached"));
        var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName;
        Assert.Matches($@"^search-placement-coventry-stoke-\d{{4}}-\d{{2}}-\d{{2}}\.{format}$", name);
    }

    [Theory]
    [InlineData("/api/export?q=placement", "text/csv")]
    [InlineData("/api/export/search?q=placement", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public async Task Without_a_format_the_export_is_csv_and_the_old_path_keeps_its_xlsx(string path, string contentType)
    {
        var (_, response) = await Download(server, path);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("jsonl")]
    [InlineData("xlsx")]
    public async Task The_row_cap_is_one_setting_and_the_headers_and_the_file_say_when_it_cut_the_export(string format)
    {
        var total = (await small.Server.GetJson("/api/search?q=placement")).GetProperty("total").GetInt32();
        Assert.True(total > 5);
        var (body, response) = await Download(small.Server, $"/api/export?format={format}&q=placement");
        Assert.Equal("5", response.Headers.GetValues("X-Row-Limit-Reached").Single());
        Assert.Equal("5", response.Headers.GetValues("X-Row-Count").Single());
        Assert.Equal(total.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-Total-Count").Single());
        var (rows, sheets) = Read(format, body);
        var note = $"Row limit reached: this file holds the first 5 of {total:N0} matching paragraphs";
        if (format == "jsonl")
        {
            Assert.Equal(5 + 1, rows.Count);
            var last = JsonDocument.Parse(rows[^1][0]).RootElement;
            Assert.True(last.GetProperty("truncated").GetBoolean());
            Assert.Equal((5, total, 5), (last.GetProperty("rows").GetInt32(), last.GetProperty("matched").GetInt32(), last.GetProperty("limit").GetInt32()));
            Assert.StartsWith(note, last.GetProperty("note").GetString(), StringComparison.Ordinal);
            return;
        }
        Assert.Equal(1 + 5 + 1, rows.Count);
        Assert.StartsWith(note, rows[^1][0], StringComparison.Ordinal);
        Assert.Contains("Export:MaxRows", rows[^1][0], StringComparison.Ordinal);
        if (format == "xlsx")
        {
            var about = sheets[1].Rows.ToDictionary(r => r[0], r => r[1]);
            Assert.Equal($"5 of {total:N0} matching paragraphs", about["Rows"]);
            Assert.StartsWith(note, about["Incomplete"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Exports_are_dated_by_the_servers_clock()
    {
        var (body, response) = await Download(small.Server, "/api/export?format=xlsx&q=placement");
        Assert.Matches(@"^search-placement-2031-02-03\.xlsx$", response.Content.Headers.ContentDisposition?.FileNameStar);
        var about = SpreadsheetFile.ReadXlsx(new MemoryStream(body))[1].Rows.ToDictionary(r => r[0], r => r[1]);
        Assert.Equal("2031-02-03 10:04 UTC", about["Exported"]);
        using (var package = SpreadsheetDocument.Open(new MemoryStream(body), false))
            Assert.Equal(SmallExportServer.Now.UtcDateTime, package.PackageProperties.Created);
        var (england, englandResponse) = await Download(small.Server, "/api/export/england?format=xlsx&region=London");
        Assert.Matches(@"^england-latest-judgements-london-2031-02-03\.xlsx$", englandResponse.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("2031-02-03 10:04 UTC", SpreadsheetFile.ReadXlsx(new MemoryStream(england))[1].Rows.Single(r => r[0] == "Exported")[1]);
        var (_, trendsResponse) = await Download(small.Server, "/api/export/trends?format=csv&q=placement");
        Assert.Matches(@"^trends-by-year-placement-2031-02-03\.csv$", trendsResponse.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task The_england_table_exports_every_authority_with_each_judgement_cited(string format)
    {
        var api = await server.GetJson("/api/authorities?region=West%20Midlands");
        var (body, response) = await Download(server, $"/api/export/england?format={format}&region=West%20Midlands");
        var name = response.Content.Headers.ContentDisposition?.FileNameStar;
        Assert.Matches($@"^england-latest-judgements-west-midlands-\d{{4}}-\d{{2}}-\d{{2}}\.{format}$", name);
        IReadOnlyList<IReadOnlyList<string>> rows;
        IReadOnlyDictionary<string, string>? links = null;
        if (format == "xlsx")
        {
            Assert.Empty(SpreadsheetFile.Validate(new MemoryStream(body)));
            var sheet = SpreadsheetFile.ReadXlsx(new MemoryStream(body))[0];
            (rows, links) = (sheet.Rows, sheet.Links);
        }
        else rows = SpreadsheetFile.ReadCsv(new MemoryStream(body));
        var header = rows[0].ToList();
        Assert.Equal(["Authority", "DfE code", "ONS code", "Region", "Type", "Replaced", "Documents indexed", "Latest inspection", "Framework", "Inspection start", "Inspection end", "Published"], header.Take(12));
        Assert.Equal(api.GetProperty("authorities").EnumerateArray().Select(a => a.GetProperty("name").GetString()!), rows.Skip(1).Select(r => r[0]));
        var coventry = rows.Single(r => r[0] == "Coventry");
        var latest = api.GetProperty("authorities").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Coventry").GetProperty("latest");
        Assert.Equal(latest.GetProperty("inspectionEnd").GetString(), coventry[header.IndexOf("Inspection end")]);
        // The table shows the first judgement printed for each headline area.
        var firstPerArea = latest.GetProperty("judgements").EnumerateArray().GroupBy(j => j.GetProperty("area").GetString()!).Select(g => g.First());
        foreach (var j in firstPerArea.Where(j => header.Contains(j.GetProperty("area").GetString()!)))
        {
            var area = j.GetProperty("area").GetString()!;
            Assert.Equal(j.GetProperty("printed").GetString(), coventry[header.IndexOf(area)]);
            Assert.Equal(j.GetProperty("grade").GetString(), coventry[header.IndexOf($"{area}: grade")]);
            Assert.Equal(j.GetProperty("url").GetString(), coventry[header.IndexOf($"{area}: paragraph")]);
            if (links is not null)
            {
                int row = rows.ToList().IndexOf(coventry) + 1;
                Assert.Equal(j.GetProperty("url").GetString(), links[Core.Spreadsheets.SpreadsheetWriter.ColumnName(header.IndexOf(area) + 1) + row]);
            }
        }
        Assert.Contains("Derby; Southampton; Peterborough", coventry[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task A_trend_table_exports_the_trend_the_api_gives(string format)
    {
        var trend = (await server.GetJson("/api/trends?q=placement&by=authority&neighboursOf=Coventry")).GetProperty("buckets").EnumerateArray().ToList();
        var (body, response) = await Download(server, $"/api/export/trends?format={format}&q=placement&by=authority&neighboursOf=Coventry");
        Assert.Matches($@"^trends-by-authority-placement-neighbours-of-coventry-\d{{4}}-\d{{2}}-\d{{2}}\.{format}$", response.Content.Headers.ContentDisposition?.FileNameStar);
        if (format == "xlsx") Assert.Empty(SpreadsheetFile.Validate(new MemoryStream(body)));
        var rows = format == "csv" ? SpreadsheetFile.ReadCsv(new MemoryStream(body)) : SpreadsheetFile.ReadXlsx(new MemoryStream(body))[0].Rows;
        Assert.Equal(["Authority", "DfE code", "Region", "Matching paragraphs", "Matching documents", "Paragraphs indexed", "Share"], rows[0]);
        Assert.Equal(trend.Select(b => b.GetProperty("value").GetString()!), rows.Skip(1).Select(r => r[0]));
        Assert.Equal(trend.Select(b => b.GetProperty("paragraphs").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Skip(1).Select(r => r[3]));
        var byYear = await Download(server, $"/api/export/trends?format={format}&q=placement");
        var yearRows = format == "csv" ? SpreadsheetFile.ReadCsv(new MemoryStream(byYear.Body)) : SpreadsheetFile.ReadXlsx(new MemoryStream(byYear.Body))[0].Rows;
        Assert.Equal("Year", yearRows[0][0]);
        Assert.Contains(yearRows, r => r[0] == "2011");
    }

    [Theory]
    [InlineData("/api/export?format=ods")]
    [InlineData("/api/export/search?format=ods")]
    [InlineData("/api/export/england?format=pdf")]
    [InlineData("/api/export/trends?format=csv&by=colour")]
    [InlineData("/api/export/search?format=csv&q=(")]
    [InlineData("/api/export/search?format=csv&sort=sideways")]
    [InlineData("/api/export/england?grade=brilliant")]
    public async Task Bad_export_requests_are_400_problems(string path)
    {
        var (status, body, type) = await server.Get(path);
        Assert.Equal((400, "application/problem+json"), (status, type));
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("detail").GetString()));
    }
}
