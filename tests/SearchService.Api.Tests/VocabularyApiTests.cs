using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace SearchService.Api.Tests;

/// <summary>GET /api/vocabulary, the start-up check of the vocabulary file, and the CLI's vocabulary command.</summary>
public class VocabularyApiTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task The_vocabulary_lists_every_group_with_its_source()
    {
        using var doc = JsonDocument.Parse(await server.Client.GetStringAsync("/api/vocabulary"));
        var groups = doc.RootElement.GetProperty("groups");
        Assert.True(groups.GetArrayLength() >= 150);
        Assert.Equal(groups.GetArrayLength(), doc.RootElement.GetProperty("total").GetInt32());
        Assert.All(groups.EnumerateArray(), g => Assert.NotEmpty(g.GetProperty("source").GetString()!));
    }

    [Fact]
    public async Task A_plural_acronym_finds_its_group()
    {
        using var doc = JsonDocument.Parse(await server.Client.GetStringAsync("/api/vocabulary?q=IROs"));
        var group = Assert.Single(doc.RootElement.GetProperty("groups").EnumerateArray());
        Assert.Contains("independent reviewing officer", group.GetProperty("terms").EnumerateArray().Select(t => t.GetString()));
        using var none = JsonDocument.Parse(await server.Client.GetStringAsync("/api/vocabulary?q=send"));
        Assert.Equal(0, none.RootElement.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("%21%21%21")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task Bad_input_is_a_problem_naming_the_parameter(string q)
    {
        var response = await server.Client.GetAsync($"/api/vocabulary?q={q}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"q\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void A_malformed_vocabulary_line_stops_the_app_naming_the_line()
    {
        var file = Path.Combine(Path.GetTempPath(), "vocabulary-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(file, "# comment\nlac, looked after children\tChildren Act 1989\ncin children in need\n");
        var folder = Path.Combine(Path.GetTempPath(), "searchservice-vocabulary-" + Guid.NewGuid().ToString("N"));
        var e = Assert.Throws<OptionsValidationException>(() =>
        {
            using var app = SearchApp.Create(["--urls", "http://127.0.0.1:0", "--index", folder, "--Index:VocabularyPath", file]);
        });
        Assert.Contains("line 3", e.Message);
        Assert.False(Directory.Exists(folder), "a bad vocabulary must stop the app before it builds anything");
        File.Delete(file);
    }

    [Fact]
    public async Task The_cli_lists_the_vocabulary_and_names_a_bad_line()
    {
        var all = await Cli.Run("vocabulary");
        Assert.Equal(0, all.ExitCode);
        Assert.True(all.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length >= 150);
        var one = await Cli.Run("vocabulary", "SGOs");
        Assert.Equal(0, one.ExitCode);
        Assert.Contains("special guardianship order", one.Out);
        var file = Path.Combine(Path.GetTempPath(), "vocabulary-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(file, "lac, looked after children\n");
        var bad = await Cli.Run("vocabulary", "--file", file);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("line 1", bad.Error);
        File.Delete(file);
    }
}
