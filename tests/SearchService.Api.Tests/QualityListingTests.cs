using System.Net;
using System.Text.Json;
using SearchService.Search.Indexing;

namespace SearchService.Api.Tests;

/// <summary>
/// The data-quality listing over HTTP and on the command line, for a folder a user might index: a
/// report that reads clean, a document of no known kind, a file that is not really a PDF and the
/// folder's README.
/// </summary>
public sealed class QualityListingTests : IClassFixture<QualityListingTests.UserFolder>
{
    /// <summary>The user's folder and an index built from it by the library (as the API's start-up or an admin reindex would).</summary>
    public sealed class UserFolder : IAsyncLifetime
    {
        public string Sources { get; } = Directory.CreateTempSubdirectory("searchservice-quality-src-").FullName;
        public string Index { get; } = Path.Combine(Path.GetTempPath(), "searchservice-quality-index-" + Guid.NewGuid().ToString("N"));
        public ApiServer Server { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            File.Copy(Path.Combine(ProjectPaths.Seeds, "002_994738eb2a100e62.txt"), Path.Combine(Sources, "coventry-2011.txt"));
            File.WriteAllText(Path.Combine(Sources, "notes.txt"), "Notes from a visit\n\nWe talked about placements and what the team would do next.\n\nA second paragraph of notes.\n");
            File.WriteAllText(Path.Combine(Sources, "broken.pdf"), "<html>this was saved from a browser, it is not a PDF</html>");
            File.WriteAllText(Path.Combine(Sources, "README.md"), "# My reports\n\nThe folder's own description.\n");
            IndexBuilder.Build([Sources], Index);
            Server = new ApiServer { IndexFolder = Index };
            await Server.InitializeAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await Server.DisposeAsync();
            try { Directory.Delete(Sources, recursive: true); } catch (IOException) { }
        }
    }

    private readonly UserFolder _folder;

    public QualityListingTests(UserFolder folder) => _folder = folder;

    [Fact]
    public async Task The_api_lists_each_document_needing_a_look_and_each_file_not_indexed_with_the_problem_kinds_and_the_reason()
    {
        var response = await _folder.Server.Client.GetAsync("/api/quality");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = doc.RootElement;
        Assert.Equal(2, root.GetProperty("documents").GetInt32());
        Assert.Equal(1, root.GetProperty("documentsNeedingALook").GetInt32());
        Assert.Equal(2, root.GetProperty("filesNotIndexed").GetInt32());
        Assert.True(root.GetProperty("unreadFilesRecorded").GetBoolean());
        var entries = root.GetProperty("entries").EnumerateArray().ToDictionary(e => e.GetProperty("fileName").GetString()!);
        Assert.Equal(["README.md", "broken.pdf", "notes.txt"], entries.Keys.Order(StringComparer.Ordinal));

        var notes = entries["notes.txt"];
        Assert.False(string.IsNullOrEmpty(notes.GetProperty("documentId").GetString()));
        Assert.False(string.IsNullOrEmpty(notes.GetProperty("title").GetString()));
        var problems = notes.GetProperty("problems").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Contains("authority-unresolved", problems);
        Assert.Contains("type-unrecognised", problems);
        Assert.Contains("gazetteer", notes.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(problems.Count, notes.GetProperty("findings").GetArrayLength());

        var broken = entries["broken.pdf"];
        Assert.Equal(JsonValueKind.Null, broken.GetProperty("documentId").ValueKind);
        Assert.Equal(["file-not-read"], broken.GetProperty("problems").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains("PDF", broken.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(["file-skipped"], entries["README.md"].GetProperty("problems").EnumerateArray().Select(p => p.GetString()));
        Assert.DoesNotContain(_folder.Sources, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal); // file names, never server paths
        Assert.Equal(1, root.GetProperty("counts").GetProperty("file-not-read").GetInt32());
    }

    [Fact]
    public async Task The_listing_is_in_the_api_contract_with_its_problem_kinds()
    {
        using var doc = JsonDocument.Parse(await _folder.Server.Client.GetStringAsync("/openapi/v1.json"));
        var operation = doc.RootElement.GetProperty("paths").GetProperty("/api/quality").GetProperty("get");
        Assert.Equal("getQuality", operation.GetProperty("operationId").GetString());
        Assert.True(operation.GetProperty("responses").TryGetProperty("503", out _));
        Assert.Contains("graded-heading-without-area", doc.RootElement.GetProperty("components").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cli_index_summary_says_how_many_need_a_look_and_quality_lists_them_as_a_table_or_json()
    {
        var index = Path.Combine(Path.GetTempPath(), "searchservice-quality-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            var build = await Cli.Run("index", _folder.Sources, "--index", index);
            Assert.Equal(1, build.ExitCode); // a file failed: bad input, as for any failed file
            Assert.Contains("data quality: 1 of 2 documents needs a look; 2 files not indexed", build.Out, StringComparison.Ordinal);
            Assert.Contains($"searchservice quality --index {index}", build.Out, StringComparison.Ordinal);

            var table = await Cli.Run("quality", "--index", index);
            Assert.Equal(0, table.ExitCode);
            var lines = table.Out.Split('\n');
            Assert.StartsWith("1 of 2 documents needs a look; 2 files not indexed", lines[0], StringComparison.Ordinal);
            Assert.Contains(lines, l => l.StartsWith("FILE ", StringComparison.Ordinal) && l.Contains("PROBLEM", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("broken.pdf ", StringComparison.Ordinal) && l.Contains("(not indexed)", StringComparison.Ordinal) && l.Contains("file-not-read", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("notes.txt ", StringComparison.Ordinal) && l.Contains("authority-unresolved", StringComparison.Ordinal));

            var json = await Cli.Run("quality", "--index", index, "--format", "json");
            Assert.Equal(0, json.ExitCode);
            using var doc = JsonDocument.Parse(json.Out);
            Assert.Equal(1, doc.RootElement.GetProperty("documentsNeedingALook").GetInt32());
            var notes = doc.RootElement.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("fileName").GetString() == "notes.txt");
            Assert.Contains("type-unrecognised", notes.GetProperty("problems").EnumerateArray().Select(p => p.GetString()));

            var missing = await Cli.Run("quality", "--index", Path.Combine(index, "nope"));
            Assert.Equal(3, missing.ExitCode);
            Assert.Contains("no index", missing.Error, StringComparison.Ordinal);
        }
        finally
        {
            try { Directory.Delete(index, recursive: true); } catch (IOException) { }
        }
    }
}
