using System.Text.Json;

namespace SearchService.Api.Tests;

public class SearchApiTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task Placement_stability_finds_the_three_documents_with_marked_snippets_and_citations()
    {
        var r = await server.GetJson("/api/search?q=%22placement%20stability%22&pageSize=50");
        var hits = r.GetProperty("hits").EnumerateArray().ToList();
        var titles = hits.Select(h => h.GetProperty("documentId").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "coventry-2007-11-26-apa", "stoke-on-trent-2007-11-26-apa", "coventry-2011-05-12-slac-inspection" }, titles);
        foreach (var h in hits)
        {
            Assert.Contains("<mark>", h.GetProperty("snippet").GetString());
            var citation = h.GetProperty("citation");
            Assert.Contains(h.GetProperty("documentTitle").GetString()!, citation.GetProperty("text").GetString());
            Assert.Contains($"para. {h.GetProperty("paragraph").GetString()}", citation.GetProperty("text").GetString());
            Assert.StartsWith(server.BaseAddress.ToString().TrimEnd('/') + "/p/", citation.GetProperty("url").GetString());
            Assert.Matches("^[A-Za-z0-9._~-]+$", h.GetProperty("id").GetString());
        }
        int total = r.GetProperty("total").GetInt32();
        foreach (var facet in new[] { "authority", "year", "documentType" })
            Assert.Equal(total, r.GetProperty("facets").GetProperty(facet).EnumerateArray().Sum(v => v.GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task A_hit_carries_every_field_of_the_contract()
    {
        var r = await server.GetJson("/api/search?q=stable%20placements&authority=Coventry&year=2011");
        var hit = r.GetProperty("hits")[0];
        foreach (var field in new[] { "id", "documentId", "documentTitle", "documentType", "authority", "date", "year", "sectionPath", "outcomeArea", "grade", "paragraph", "snippet", "score", "citation" })
            Assert.True(hit.TryGetProperty(field, out _), $"hit has no '{field}'");
        Assert.Equal("2011-05-12", hit.GetProperty("date").GetString());
        Assert.Equal(JsonValueKind.Array, hit.GetProperty("sectionPath").ValueKind);
        var grade = hit.GetProperty("grade");
        Assert.Equal("good", grade.GetProperty("label").GetString());
        Assert.Equal("Grade 2 (Good)", grade.GetProperty("raw").GetString());
    }

    [Fact]
    public async Task Repeated_outcome_areas_widen_the_results()
    {
        var one = await server.GetJson("/api/search?q=children&outcomeArea=Staying%20safe");
        var two = await server.GetJson("/api/search?q=children&outcomeArea=Staying%20safe&outcomeArea=Being%20healthy");
        Assert.True(two.GetProperty("total").GetInt32() > one.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/api/search?q=(")]
    [InlineData("/api/search?q=%22%22")]
    [InlineData("/api/search?q=x&page=0")]
    [InlineData("/api/search?q=x&page=abc")]
    [InlineData("/api/search?q=x&pageSize=101")]
    [InlineData("/api/search?q=x&year=twenty")]
    [InlineData("/api/search?q=x&yearFrom=2015&yearTo=2010")]
    [InlineData("/api/search?q=x&sort=sideways")]
    [InlineData("/api/trends?q=x&by=colour")]
    [InlineData("/api/paragraphs/coventry-2011-05-12-slac-inspection~86/citation?style=apa7")]
    public async Task Bad_input_is_a_400_problem_with_a_readable_detail(string path)
    {
        var (status, body, type) = await server.Get(path);
        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", type);
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("detail").GetString()));
        Assert.Equal(400, body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task An_unclosed_quote_falls_back_to_plain_words_with_a_warning()
    {
        var r = await server.GetJson("/api/search?q=%22placement%20stability");
        Assert.Contains("never closed", r.GetProperty("warning").GetString());
        Assert.True(r.GetProperty("total").GetInt32() > 0);
    }

    [Theory]
    [InlineData("/api/paragraphs/nope")]
    [InlineData("/api/documents/nope")]
    [InlineData("/api/paragraphs/nope/citation")]
    public async Task Unknown_ids_are_404_problems(string path)
    {
        var (status, body, type) = await server.Get(path);
        Assert.Equal(404, status);
        Assert.Equal("application/problem+json", type);
        Assert.Contains("nope", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_paragraph_comes_whole_with_its_neighbours()
    {
        var p = await server.GetJson("/api/paragraphs/coventry-2011-05-12-slac-inspection~86");
        Assert.StartsWith("Looked after children live in stable placements", p.GetProperty("text").GetString());
        Assert.Equal("coventry-2011-05-12-slac-inspection~85", p.GetProperty("previousId").GetString());
        Assert.Equal("coventry-2011-05-12-slac-inspection~87", p.GetProperty("nextId").GetString());
        Assert.Equal("Ofsted (2011) Inspection of safeguarding and looked after children services: Coventry, para. 86.", p.GetProperty("citation").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Documents_list_and_outline()
    {
        var list = await server.GetJson("/api/documents");
        Assert.Equal(9, list.GetArrayLength());
        var outline = await server.GetJson("/api/documents/coventry-2011-05-12-slac-inspection");
        var sections = outline.GetProperty("sections").EnumerateArray().ToList();
        var staying = sections.Single(s => s.GetProperty("path").EnumerateArray().Last().GetString() == "Staying safe");
        Assert.Equal("good", staying.GetProperty("grade").GetProperty("label").GetString());
        Assert.Contains("coventry-2011-05-12-slac-inspection~86", staying.GetProperty("paragraphIds").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Judgements_for_Coventry_are_ordered_by_date_with_normalised_labels()
    {
        var list = (await server.GetJson("/api/judgements?authority=Coventry")).EnumerateArray().ToList();
        Assert.NotEmpty(list);
        Assert.All(list, j => Assert.Equal("Coventry", j.GetProperty("authority").GetString()));
        var dates = list.Select(j => j.GetProperty("date").GetString()).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        Assert.All(list, j => Assert.Contains(j.GetProperty("grade").GetProperty("label").GetString(), new[] { "outstanding", "good", "requires improvement", "inadequate" }));
        Assert.Contains(list, j => j.GetProperty("area").GetString() == "Making a positive contribution" && j.GetProperty("grade").GetProperty("label").GetString() == "outstanding" && j.GetProperty("year").GetInt32() == 2007);
        var staying = (await server.GetJson("/api/judgements?authority=Stoke&outcomeArea=staying%20safe")).EnumerateArray().Single();
        Assert.Equal(("inadequate", "Grade 1"), (staying.GetProperty("grade").GetProperty("label").GetString(), staying.GetProperty("grade").GetProperty("raw").GetString()));
    }

    [Fact]
    public async Task Trends_by_year()
    {
        var r = await server.GetJson("/api/trends?q=%22placement%20stability%22&by=year");
        var buckets = r.GetProperty("buckets").EnumerateArray().ToList();
        Assert.Contains(buckets, b => b.GetProperty("value").GetString() == "2007" && b.GetProperty("documents").GetInt32() == 2);
    }

    [Fact]
    public async Task Ask_answers_a_judgement_question_with_a_citation()
    {
        var r = await server.GetJson("/api/ask?q=What%20grade%20did%20Stoke-on-Trent%20get%20for%20staying%20safe%20in%202007%3F");
        var answer = r.GetProperty("answer");
        Assert.Equal(("judgement", "inadequate", "Grade 1"), (answer.GetProperty("type").GetString(), answer.GetProperty("value").GetString(), answer.GetProperty("text").GetString()));
        var citation = r.GetProperty("citations")[0];
        Assert.Equal("stoke-on-trent-2007-11-26-apa~7", citation.GetProperty("paragraphId").GetString());
        Assert.Contains("/p/stoke-on-trent-2007-11-26-apa~7", citation.GetProperty("citation").GetProperty("url").GetString());
        Assert.InRange(r.GetProperty("confidence").GetDouble(), 0.6, 1.0);
        Assert.Equal(r.GetProperty("confidence").GetDouble() >= 0.8 ? "answer" : "possible answer", r.GetProperty("band").GetString());
        Assert.Equal(("Stoke-on-Trent", "7", "2007-11-26"), (citation.GetProperty("authority").GetString(), citation.GetProperty("paragraph").GetString(), citation.GetProperty("date").GetString()));
        Assert.False(string.IsNullOrEmpty(citation.GetProperty("documentTitle").GetString()));
    }

    [Fact]
    public async Task Ask_answers_front_matter_from_the_front_page_with_the_printed_words()
    {
        var r = await server.GetJson("/api/ask?q=Who%20led%20Coventry%27s%202011%20inspection%3F");
        Assert.Equal("person", r.GetProperty("answer").GetProperty("type").GetString());
        var citation = r.GetProperty("citations")[0];
        Assert.Contains(r.GetProperty("answer").GetProperty("text").GetString()!, citation.GetProperty("quote").GetString());
        Assert.Equal("Coventry", citation.GetProperty("authority").GetString());
    }

    [Fact]
    public async Task Ask_says_honestly_when_there_is_no_answer()
    {
        var r = await server.GetJson("/api/ask?q=What%20grade%20did%20Birmingham%20get%20for%20staying%20safe%20in%202007%3F");
        Assert.Equal(JsonValueKind.Null, r.GetProperty("answer").ValueKind);
        Assert.Equal("none", r.GetProperty("band").GetString());
        Assert.Contains("Birmingham", r.GetProperty("reason").GetString());
        var (status, _, _) = await server.Get("/api/ask?q=");
        Assert.Equal(400, status);
    }

    [Fact]
    public async Task OpenApi_document_is_served()
    {
        var doc = await server.GetJson("/openapi/v1.json");
        Assert.StartsWith("3.", doc.GetProperty("openapi").GetString());
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/search", out _));
    }

    [Fact]
    public async Task Health_and_readiness()
    {
        Assert.Equal("ok", (await server.GetJson("/health")).GetProperty("status").GetString());
        var ready = await server.GetJson("/ready");
        Assert.Equal(9, ready.GetProperty("documents").GetInt32());
    }
}

/// <summary>Counts over HTTP: search, trends and export agree; limits and the filter cache; synonyms in the open.</summary>
public class SearchCountsApiTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Theory]
    [InlineData("q=placement%20stability")]
    [InlineData("q=looked%20after%20children&authority=Coventry&match=any")]
    [InlineData("q=-care")]
    [InlineData("q=placement%20stability%20xyzzyq")]
    public async Task Search_trends_and_export_count_the_same_paragraphs(string query)
    {
        var search = await server.GetJson("/api/search?" + query);
        int total = search.GetProperty("total").GetInt32();
        Assert.True(total > 0);
        var trends = await server.GetJson("/api/trends?by=year&" + query);
        Assert.Equal(total, trends.GetProperty("total").GetInt32());
        Assert.Equal(total, trends.GetProperty("buckets").EnumerateArray().Sum(b => b.GetProperty("paragraphs").GetInt32()) + trends.GetProperty("unbucketed").GetInt32());
        Assert.Equal(search.GetProperty("documents").GetInt32(), trends.GetProperty("documents").GetInt32());
        Assert.Equal(search.GetProperty("relaxed").GetBoolean(), trends.GetProperty("relaxed").GetBoolean());

        var csv = await server.Client.GetAsync("/api/export?format=csv&" + query);
        Assert.Equal(200, (int)csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(total.ToString(System.Globalization.CultureInfo.InvariantCulture), csv.Headers.GetValues("X-Total-Count").Single());
        var jsonl = (await server.Client.GetStringAsync("/api/export?format=jsonl&" + query)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(total, jsonl.Length);
        var ids = jsonl.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToList();
        Assert.Equal(search.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()), ids.Take(search.GetProperty("hits").GetArrayLength()));
    }

    [Fact]
    public async Task A_relaxed_search_says_which_words_it_dropped_and_lists_the_synonyms_it_searched()
    {
        var r = await server.GetJson("/api/search?q=%22placement%20stability%22%20xyzzyq");
        Assert.True(r.GetProperty("relaxed").GetBoolean());
        Assert.Equal("xyzzyq", r.GetProperty("relaxation").GetProperty("dropped")[0].GetString());
        var expansion = r.GetProperty("expansions")[0];
        Assert.Equal("placement stability", expansion.GetProperty("typed").GetString());
        Assert.Contains("stable placements", expansion.GetProperty("alternatives").EnumerateArray().Select(a => a.GetString()));
        var hit = r.GetProperty("hits").EnumerateArray().Single(h => h.GetProperty("id").GetString() == "coventry-2011-05-12-slac-inspection~86");
        Assert.Equal("stable placements", hit.GetProperty("alsoMatched")[0].GetString());
        var exact = await server.GetJson("/api/search?q=%22placement%20stability%22&exact=true");
        Assert.Equal(0, exact.GetProperty("expansions").GetArrayLength());
        Assert.False(exact.GetProperty("relaxed").GetBoolean());
    }

    [Fact]
    public async Task Facets_false_leaves_out_the_facet_counts_and_nothing_else()
    {
        var with = await server.GetJson("/api/search?q=children&authority=Coventry&year=2011");
        var without = await server.GetJson("/api/search?q=children&authority=Coventry&year=2011&facets=false");
        Assert.True(with.GetProperty("facets").EnumerateObject().Any());
        Assert.False(without.GetProperty("facets").EnumerateObject().Any());
        Assert.Equal(with.GetProperty("total").GetInt32(), without.GetProperty("total").GetInt32());
        Assert.Equal(with.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()),
            without.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task More_filter_values_than_the_limit_is_a_400_naming_it_not_a_500()
    {
        // 1,025 values, "|"-separated to keep under the request-line limit (each "authority=…" repeated would pass 8 KB).
        var values = "authority=" + string.Join("%7C", Enumerable.Range(0, 1025).Select(i => "A" + i));
        foreach (var path in new[] { "/api/search?q=care&", "/api/trends?q=care&", "/api/export?q=care&" })
        {
            var (status, body, type) = await server.Get(path + values);
            Assert.Equal(400, status);
            Assert.Equal("application/problem+json", type);
            Assert.Equal("maxFilterValues", body.GetProperty("limit").GetString());
        }
    }

    [Fact]
    public async Task The_filter_cache_cannot_be_poisoned_by_a_value_that_prints_like_two()
    {
        var poison = await server.GetJson("/api/search?q=children&authority=" + Uri.EscapeDataString("Coventry authority:Stoke-on-Trent"));
        Assert.Equal(0, poison.GetProperty("total").GetInt32());
        var both = await server.GetJson("/api/search?q=children&authority=Coventry&authority=Stoke-on-Trent");
        var coventry = await server.GetJson("/api/search?q=children&authority=Coventry");
        var stoke = await server.GetJson("/api/search?q=children&authority=Stoke-on-Trent");
        Assert.Equal(coventry.GetProperty("total").GetInt32() + stoke.GetProperty("total").GetInt32(), both.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/api/search?q=x&match=most")]
    [InlineData("/api/search?q=x&exact=yes")]
    [InlineData("/api/search?q=x&facets=none")]
    [InlineData("/api/export?q=x&format=pdf")]
    public async Task Bad_search_options_are_400s_naming_the_parameter(string path)
    {
        var (status, body, _) = await server.Get(path);
        Assert.Equal(400, status);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("parameter").GetString()));
    }
}
