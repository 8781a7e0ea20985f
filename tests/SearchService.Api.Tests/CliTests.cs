using DocumentFormat.OpenXml.Packaging;
using SearchService.Search.Indexing;

namespace SearchService.Api.Tests;

/// <summary>The command line as users meet it: help everywhere, typos caught with a suggestion, every option honoured, documented exit codes.</summary>
public sealed class CliTests : IClassFixture<CliTests.SeedIndex>
{
    /// <summary>An index of the seeds for the commands that read one.</summary>
    public sealed class SeedIndex : IDisposable
    {
        public string Folder { get; } = Directory.CreateTempSubdirectory("searchservice-cli-").FullName;

        public SeedIndex() => IndexBuilder.Build([ProjectPaths.Seeds], Folder);

        public void Dispose()
        {
            try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
        }
    }

    private readonly string _index;

    public CliTests(SeedIndex seeds) => _index = seeds.Folder;

    [Theory]
    [InlineData("index")]
    [InlineData("index", "rollback")]
    [InlineData("index", "status")]
    [InlineData("search")]
    [InlineData("ask")]
    [InlineData("outline")]
    [InlineData("text")]
    [InlineData("export")]
    [InlineData("cite")]
    [InlineData("briefing")]
    [InlineData("quality")]
    public async Task Every_command_has_help(params string[] command)
    {
        var r = await Cli.Run([.. command, "--help"]);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Usage:", r.Out);
        Assert.Equal("", r.Error);
    }

    [Fact]
    public async Task Unknown_options_commands_and_arguments_are_usage_errors_with_a_suggestion()
    {
        var typo = await Cli.Run("index", "--sorce", "x", "--index", _index);
        Assert.Equal(2, typo.ExitCode);
        Assert.Contains("Unrecognized option '--sorce'. Did you mean '--force'?", typo.Error);
        Assert.Equal("0001", IndexGenerations.Current(_index)); // nothing ran

        var command = await Cli.Run("serch", "placement");
        Assert.Equal(2, command.ExitCode);
        Assert.Contains("search", command.Error + command.Out);

        var option = await Cli.Run("search", "placement", "--autority", "Coventry", "--index", _index);
        Assert.Equal(2, option.ExitCode);
        Assert.Contains("Did you mean '--authority'?", option.Error);

        var extra = await Cli.Run("cite", "a", "b", "--index", _index);
        Assert.Equal(2, extra.ExitCode);
        Assert.DoesNotContain("   at ", extra.Error);
    }

    [Fact]
    public async Task Search_takes_the_same_filters_as_the_api()
    {
        var all = await Cli.Run("search", "placement", "--index", _index, "--page-size", "50");
        var filtered = await Cli.Run("search", "placement", "--index", _index, "--authority", "Coventry", "--year", "2011", "--page-size", "50");
        Assert.Equal((0, 0), (all.ExitCode, filtered.ExitCode));
        var ids = filtered.Out.Split('\n').Where(l => l.TrimStart().StartsWith("id: ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.Contains("coventry-2011", id));
        Assert.True(all.Out.Split('\n').Count(l => l.TrimStart().StartsWith("id: ", StringComparison.Ordinal)) > ids.Count);

        var range = await Cli.Run("search", "placement", "--index", _index, "--year-from", "2015", "--year-to", "2010");
        Assert.Equal(2, range.ExitCode);
        Assert.Contains("--year-from (2015) is after --year-to (2010)", range.Error);
        var bad = await Cli.Run("search", "\"\"", "--index", _index);
        Assert.Equal(1, bad.ExitCode);
    }

    [Fact]
    public async Task A_missing_out_folder_is_refused_before_any_work()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"));
        var export = await Cli.Run("export", "--out", Path.Combine(missing, "paragraphs.jsonl"), "--index", _index);
        Assert.Equal(2, export.ExitCode);
        Assert.Contains("does not exist", export.Error);
        var briefing = await Cli.Run("briefing", "--out", Path.Combine(missing, "b.md"), "coventry-2011-05-12-slac-inspection~86", "--index", _index);
        Assert.Equal(2, briefing.ExitCode);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public async Task Briefing_honours_every_option_notes_included()
    {
        var folder = Directory.CreateTempSubdirectory("searchservice-cli-out-").FullName;
        try
        {
            var md = Path.Combine(folder, "b.md");
            var r = await Cli.Run("briefing", "--title", "Placements", "--out", md, "--base-url", "https://search.example.org",
                "--note", "coventry-2011-05-12-slac-inspection~86=Stable in 2011", "coventry-2011-05-12-slac-inspection~86", "stoke-on-trent-2007-11-26-apa~11", "--index", _index);
            Assert.Equal(0, r.ExitCode);
            var text = await File.ReadAllTextAsync(md);
            Assert.StartsWith("# Placements", text);
            Assert.Contains("Stable in 2011\n\n> Looked after children live in stable placements", text);
            Assert.Contains("<https://search.example.org/p/coventry-2011-05-12-slac-inspection~86>", text);

            var docx = Path.Combine(folder, "b.bin");
            Assert.Equal(0, (await Cli.Run("briefing", "--format", "docx", "--out", docx, "stoke-on-trent-2007-11-26-apa~11", "--index", _index)).ExitCode);
            using (WordprocessingDocument.Open(docx, false)) { }

            var wrongNote = await Cli.Run("briefing", "--out", md, "--note", "other~1=x", "stoke-on-trent-2007-11-26-apa~11", "--index", _index);
            Assert.Equal(2, wrongNote.ExitCode);
            var unknown = await Cli.Run("briefing", "--out", md, "nope~1", "--index", _index);
            Assert.Equal(1, unknown.ExitCode);
            Assert.Contains("nope~1", unknown.Error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Exit_codes_say_what_went_wrong()
    {
        Assert.Equal(0, (await Cli.Run("cite", "coventry-2011-05-12-slac-inspection~86", "--index", _index)).ExitCode);
        Assert.Equal(1, (await Cli.Run("cite", "nope~1", "--index", _index)).ExitCode);
        var noIndex = await Cli.Run("search", "placement", "--index", Path.Combine(Path.GetTempPath(), "no-index-" + Guid.NewGuid().ToString("N")));
        Assert.Equal(3, noIndex.ExitCode);
        Assert.Contains("no index in", noIndex.Error);
        var refused = await Cli.Run("index", "/mistyped/path", "--index", _index);
        Assert.Equal(4, refused.ExitCode);
        Assert.Contains("/mistyped/path: no such file or folder", refused.Error);
        Assert.Equal(1, (await Cli.Run("text", Path.Combine(ProjectPaths.Root, "index", ".gitkeep"))).ExitCode);
    }
}
