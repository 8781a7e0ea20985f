using System.Text.Json;
using SearchService.Core.Tests;
using SearchService.Search;
using SearchService.Search.Searching;

namespace SearchService.Api.Tests;

/// <summary><c>export --format csv|xlsx|jsonl</c> as a separate process: the same filters as search, the same rows as the index answers, a row limit the file states.</summary>
public sealed class CliExportTests(CliTests.SeedIndex seeds) : IClassFixture<CliTests.SeedIndex>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("searchservice-cli-export-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>The ids a search matches, in the order asked for, read from the index itself.</summary>
    private List<string> Expected(SearchRequest request)
    {
        using var index = ReportIndex.Open(seeds.Folder, Synonyms.Load(ProjectPaths.VocabularyFile));
        using var matched = index.Matching(request, int.MaxValue);
        return matched.Rows.Select(p => p.Id).ToList();
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    [InlineData("jsonl")]
    public async Task A_filtered_search_exports_every_match_in_order(string format)
    {
        var file = Path.Combine(_folder, "placement." + format);
        var r = await Cli.Run("export", "placement", "--format", format, "--out", file, "--index", seeds.Folder,
            "--neighbours-of", "331", "--region", "West Midlands", "--sort", "oldest");
        Assert.True(r.ExitCode == 0, r.Error);
        var expected = Expected(new SearchRequest
        {
            Query = "placement",
            Filters = new SearchFilters { NeighboursOf = ["Coventry"], Region = ["West Midlands"] },
            Sort = SearchSort.Oldest,
        });
        Assert.True(expected.Count > 10, $"{expected.Count} rows");
        Assert.Contains($"exported {expected.Count} of {expected.Count} paragraphs", r.Error);
        List<string> ids;
        if (format == "jsonl")
            ids = File.ReadLines(file).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!).ToList();
        else
        {
            IReadOnlyList<IReadOnlyList<string>> rows;
            if (format == "csv") { await using var c = File.OpenRead(file); rows = SpreadsheetFile.ReadCsv(c); }
            else
            {
                await using (var s = File.OpenRead(file)) Assert.Empty(SpreadsheetFile.Validate(s));
                await using var x = File.OpenRead(file);
                rows = SpreadsheetFile.ReadXlsx(x)[0].Rows;
            }
            Assert.Equal("Id", rows[0][0]);
            ids = rows.Skip(1).Select(row => row[0]).ToList();
        }
        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task Max_rows_cuts_the_file_and_the_file_says_so()
    {
        var file = Path.Combine(_folder, "latest.xlsx");
        var r = await Cli.Run("export", "--format", "xlsx", "--out", file, "--index", seeds.Folder, "--max-rows", "3", "--latest");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("--max-rows 3 reached", r.Error);
        await using var x = File.OpenRead(file);
        var rows = SpreadsheetFile.ReadXlsx(x)[0].Rows.Where(row => row.Count > 0).ToList();
        Assert.Equal(1 + 3 + 1, rows.Count);
        Assert.StartsWith("Row limit reached: this file holds the first 3 of", rows[^1][0], StringComparison.Ordinal);
        Assert.Contains("--max-rows", rows[^1][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_export_options_are_usage_errors_and_nothing_is_written()
    {
        var file = Path.Combine(_folder, "x.csv");
        var narnia = await Cli.Run("export", "placement", "--format", "csv", "--out", file, "--index", seeds.Folder, "--neighbours-of", "Narnia");
        Assert.Equal(2, narnia.ExitCode);
        Assert.Contains("--neighbours-of names no authority in the gazetteer: 'Narnia'", narnia.Error);
        var ods = await Cli.Run("export", "--format", "ods", "--out", file, "--index", seeds.Folder);
        Assert.Equal(2, ods.ExitCode);
        var noOut = await Cli.Run("export", "--format", "xlsx", "--index", seeds.Folder);
        Assert.Equal(2, noOut.ExitCode);
        Assert.Contains("--format xlsx needs --out", noOut.Error);
        Assert.False(File.Exists(file));
    }
}
