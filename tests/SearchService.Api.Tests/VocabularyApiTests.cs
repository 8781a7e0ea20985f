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

    [Fact]
    public async Task Learned_acronyms_are_listed_with_count_authorities_and_source()
    {
        // The seeds define the joint area review (JAR) in Coventry's and Stoke-on-Trent's letters.
        using var doc = JsonDocument.Parse(await server.Client.GetStringAsync("/api/vocabulary?q=JAR"));
        var jar = Assert.Single(doc.RootElement.GetProperty("groups").EnumerateArray(), g => g.GetProperty("origin").GetString() == "learned");
        Assert.Equal(["JAR", "joint area review"], jar.GetProperty("terms").EnumerateArray().Select(t => t.GetString()));
        Assert.True(jar.GetProperty("count").GetInt32() >= 2);
        Assert.True(jar.GetProperty("global").GetBoolean());
        Assert.Equal(["Coventry", "Stoke-on-Trent"], jar.GetProperty("authorities").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains("Ofsted (", jar.GetProperty("source").GetString());
        Assert.False(string.IsNullOrEmpty(jar.GetProperty("sourceParagraphId").GetString()));
        // The curated vocabulary holds JAR too, and wins: the learned definition is listed, and says so.
        Assert.Equal("jar", jar.GetProperty("overriddenBy").GetString()?.ToLowerInvariant());
        // The whole list holds both kinds.
        using var all = JsonDocument.Parse(await server.Client.GetStringAsync("/api/vocabulary"));
        var origins = all.RootElement.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("origin").GetString()).ToHashSet();
        Assert.Equal(["curated", "learned"], origins.Order());
    }

    [Fact]
    public async Task A_learned_acronym_expands_both_ways_over_http_and_exact_turns_it_off()
    {
        // Coventry's papers define RAS (the referral and assessment service); the curated vocabulary does not hold it.
        var byAcronym = await server.GetJson("/api/search?q=RAS");
        var expansion = Assert.Single(byAcronym.GetProperty("expansions").EnumerateArray());
        Assert.Contains("referral and assessment service", expansion.GetProperty("alternatives").EnumerateArray().Select(a => a.GetString()));
        var learned = Assert.Single(expansion.GetProperty("learned").EnumerateArray());
        Assert.Equal("RAS", learned.GetProperty("acronym").GetString());
        Assert.Contains("Ofsted (", learned.GetProperty("source").GetString());
        Assert.Contains(byAcronym.GetProperty("hits").EnumerateArray(), h => h.GetProperty("alsoMatched").EnumerateArray().Any(a => a.GetString() == "referral and assessment service"));

        var byFullForm = await server.GetJson("/api/search?q=referral%20and%20assessment%20service");
        Assert.Contains(byFullForm.GetProperty("expansions").EnumerateArray(), e => e.GetProperty("alternatives").EnumerateArray().Any(a => a.GetString() == "RAS"));

        var exact = await server.GetJson("/api/search?q=RAS&exact=true");
        Assert.Equal(0, exact.GetProperty("expansions").GetArrayLength());
        Assert.True(exact.GetProperty("total").GetInt32() < byAcronym.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_local_name_is_expanded_only_for_its_authority()
    {
        // Only Coventry's papers define RAS (the referral and assessment service).
        var coventry = await server.GetJson("/api/search?q=RAS&authority=Coventry");
        var learned = coventry.GetProperty("expansions").EnumerateArray().SelectMany(e => e.GetProperty("learned").EnumerateArray()).ToList();
        var ras = Assert.Single(learned, l => l.GetProperty("acronym").GetString() == "RAS");
        Assert.False(ras.GetProperty("global").GetBoolean());
        Assert.Equal(["Coventry"], ras.GetProperty("authorities").EnumerateArray().Select(a => a.GetString()));
        var stoke = await server.GetJson("/api/search?q=RAS&authority=Stoke-on-Trent");
        Assert.DoesNotContain(stoke.GetProperty("expansions").EnumerateArray().SelectMany(e => e.GetProperty("learned").EnumerateArray()), l => l.GetProperty("acronym").GetString() == "RAS");
    }

    [Fact]
    public async Task The_cli_lists_learned_acronyms_from_the_index()
    {
        var one = await Cli.Run("vocabulary", "joint area review", "--index", server.IndexFolder);
        Assert.Equal(0, one.ExitCode);
        Assert.Contains("JAR\tJAR, joint area review\t", one.Out);
        Assert.Contains("learned:", one.Out);
        Assert.Contains("Coventry; Stoke-on-Trent (global)", one.Out);
        var all = await Cli.Run("vocabulary", "--index", server.IndexFolder);
        Assert.Equal(0, all.ExitCode);
        Assert.Contains("learned definitions", all.Error);
        Assert.Contains("only in Coventry's paragraphs", all.Out);
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
