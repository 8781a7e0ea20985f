using System.Text.Json;

namespace SearchService.Api.Tests;

/// <summary>GET /api/authorities and /api/authorities/{code or name} over HTTP (seeds: Coventry and Stoke-on-Trent), and the judgements filters.</summary>
public class AuthorityApiTests(ApiServer server) : IClassFixture<ApiServer>
{
    private static List<JsonElement> Authorities(JsonElement list) => list.GetProperty("authorities").EnumerateArray().ToList();

    [Fact]
    public async Task Every_authority_of_the_gazetteer_is_listed_with_codes_region_type_and_the_replaced_ones_flagged()
    {
        var r = await server.GetJson("/api/authorities");
        var all = Authorities(r);
        Assert.Equal((156, 153, 3), (r.GetProperty("total").GetInt32(), r.GetProperty("current").GetInt32(), r.GetProperty("replaced").GetInt32()));
        Assert.Equal(156, all.Count);
        Assert.Equal(["Cumbria", "Northamptonshire", "Poole"], all.Where(a => a.GetProperty("replaced").GetBoolean()).Select(a => a.GetProperty("name").GetString()!));
        var coventry = all.Single(a => a.GetProperty("name").GetString() == "Coventry");
        Assert.Equal(("331", "E08000026", "West Midlands", "Metropolitan District"),
            (coventry.GetProperty("laCode").GetString(), coventry.GetProperty("onsCode").GetString(), coventry.GetProperty("region").GetString(), coventry.GetProperty("type").GetString()));
        Assert.Equal(["831", "852", "874", "350", "336", "312", "354", "335", "821", "861"], coventry.GetProperty("statisticalNeighbours").EnumerateArray().Select(x => x.GetString()!));
        Assert.True(coventry.GetProperty("documents").GetInt32() >= 2);
        Assert.EndsWith("/england/331", coventry.GetProperty("page").GetString());

        // Its latest inspection in the seeds is the 2011 safeguarding and looked after children inspection; each judgement cites its paragraph.
        var latest = coventry.GetProperty("latest");
        Assert.Equal("coventry-2011-05-12-slac-inspection", latest.GetProperty("documentId").GetString());
        Assert.Equal("Safeguarding and looked after children inspection", latest.GetProperty("framework").GetString());
        var judgements = latest.GetProperty("judgements").EnumerateArray().ToList();
        Assert.NotEmpty(judgements);
        foreach (var j in judgements)
        {
            Assert.False(string.IsNullOrEmpty(j.GetProperty("printed").GetString()));
            Assert.Contains(j.GetProperty("grade").GetString(), new[] { "outstanding", "good", "requires improvement", "adequate", "inadequate" });
            var url = j.GetProperty("url").GetString()!;
            Assert.Equal(200, (int)(await server.Client.GetAsync(url)).StatusCode);
            Assert.EndsWith("/p/" + Uri.EscapeDataString(j.GetProperty("paragraphId").GetString()!), url);
        }
        // An authority with no inspection indexed has none (Stoke-on-Trent has only an assessment letter in the seeds).
        Assert.Equal(JsonValueKind.Null, all.Single(a => a.GetProperty("name").GetString() == "Stoke-on-Trent").GetProperty("latest").ValueKind);
        // Counts per grade cover the listed authorities' latest inspections.
        var overall = r.GetProperty("counts").EnumerateArray().Single(c => c.GetProperty("area").GetString() == "Overall effectiveness");
        int judged = overall.GetProperty("grades").EnumerateObject().Sum(g => g.Value.GetInt32()) + overall.GetProperty("notJudged").GetInt32();
        Assert.Equal(r.GetProperty("withInspection").GetInt32(), judged);
    }

    [Theory]
    [InlineData("331")]
    [InlineData("Coventry")]
    [InlineData("E08000026")]
    [InlineData("coventry%20city%20council")]
    public async Task One_authority_by_code_or_name_has_its_timeline_neighbours_in_order_and_region(string key)
    {
        var r = await server.GetJson("/api/authorities/" + key);
        Assert.Equal("Coventry", r.GetProperty("authority").GetProperty("name").GetString());
        var neighbours = r.GetProperty("neighbours").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 10), neighbours.Select(n => n.GetProperty("rank").GetInt32()));
        Assert.Equal(["Derby", "Southampton", "Peterborough", "Bolton", "Wolverhampton", "Hillingdon", "Rochdale", "Walsall", "Luton", "Stoke-on-Trent"],
            neighbours.Select(n => n.GetProperty("authority").GetProperty("name").GetString()!));
        var timeline = r.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Contains(timeline, t => t.GetProperty("documentId").GetString() == "coventry-2007-11-26-apa" && t.GetProperty("judgements").GetArrayLength() > 0);
        Assert.Contains(timeline, t => t.GetProperty("documentId").GetString() == "coventry-2011-05-12-slac-inspection");
        var dates = timeline.Select(t => t.GetProperty("published").GetString()).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        Assert.Equal("West Midlands", r.GetProperty("region").GetString());
        Assert.All(r.GetProperty("regionAuthorities").EnumerateArray(), a => Assert.Equal("West Midlands", a.GetProperty("region").GetString()));
        Assert.Equal(5, r.GetProperty("areas").GetArrayLength());
    }

    [Fact]
    public async Task An_unknown_authority_is_a_404_problem()
    {
        var (status, body, type) = await server.Get("/api/authorities/narnia");
        Assert.Equal((404, "application/problem+json"), (status, type));
        Assert.Contains("narnia", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Filters_narrow_the_list()
    {
        var wm = Authorities(await server.GetJson("/api/authorities?region=West%20Midlands"));
        Assert.Equal(14, wm.Count);
        Assert.All(wm, a => Assert.Equal("West Midlands", a.GetProperty("region").GetString()));
        var types = Authorities(await server.GetJson("/api/authorities?type=London%20Borough&type=County"));
        Assert.Equal(33 + 25, types.Count);
        var group = Authorities(await server.GetJson("/api/authorities?neighboursOf=331"));
        Assert.Equal(11, group.Count);
        // Filters about the latest inspection leave out authorities with none indexed.
        var good = Authorities(await server.GetJson("/api/authorities?area=Overall%20effectiveness&grade=good"));
        Assert.Equal(["Coventry"], good.Select(a => a.GetProperty("name").GetString()!));
        Assert.Empty(Authorities(await server.GetJson("/api/authorities?area=Overall%20effectiveness&grade=inadequate")));
        Assert.Single(Authorities(await server.GetJson("/api/authorities?inspectedFrom=2011-01-01&inspectedTo=2011")));
        Assert.Empty(Authorities(await server.GetJson("/api/authorities?inspectedFrom=2012")));
        Assert.Single(Authorities(await server.GetJson("/api/authorities?framework=Safeguarding%20and%20looked%20after%20children%20inspection")));
    }

    [Theory]
    [InlineData("/api/authorities?region=Atlantis", "region")]
    [InlineData("/api/authorities?type=Parish", "type")]
    [InlineData("/api/authorities?grade=brilliant", "grade")]
    [InlineData("/api/authorities?area=Happiness", "area")]
    [InlineData("/api/authorities?framework=Audit", "framework")]
    [InlineData("/api/authorities?inspectedFrom=12/05/2011", "inspectedFrom")]
    [InlineData("/api/authorities?inspectedFrom=2020&inspectedTo=2019", "inspectedFrom")]
    [InlineData("/api/authorities?neighboursOf=Narnia", "neighboursOf")]
    [InlineData("/api/search?q=x&neighboursOf=Narnia", "neighboursOf")]
    [InlineData("/api/search?q=x&latest=maybe", "latest")]
    [InlineData("/api/trends?q=x&neighboursOf=Narnia", "neighboursOf")]
    [InlineData("/api/judgements?neighboursOf=Narnia", "neighboursOf")]
    [InlineData("/api/judgements?year=twenty", "year")]
    [InlineData("/api/ask?q=what&latest=yes", "latest")]
    public async Task A_filter_that_names_nothing_is_a_400_naming_the_parameter(string path, string parameter)
    {
        var (status, body, type) = await server.Get(path);
        Assert.Equal((400, "application/problem+json"), (status, type));
        Assert.Equal(parameter, body.GetProperty("parameter").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Judgements_honour_every_filter_they_document_year_included()
    {
        var all = (await server.GetJson("/api/judgements")).EnumerateArray().ToList();
        Assert.Contains(all, j => j.GetProperty("year").GetInt32() == 2007);
        Assert.Contains(all, j => j.GetProperty("year").GetInt32() == 2011);
        var y2011 = (await server.GetJson("/api/judgements?year=2011")).EnumerateArray().ToList();
        Assert.NotEmpty(y2011);
        Assert.All(y2011, j => Assert.Equal(2011, j.GetProperty("year").GetInt32()));
        Assert.Equal(all.Count(j => j.GetProperty("year").GetInt32() == 2011), y2011.Count);
        var stokeSafe = (await server.GetJson("/api/judgements?authority=Stoke&outcomeArea=staying%20safe&documentType=Annual%20performance%20assessment")).EnumerateArray().ToList();
        Assert.All(stokeSafe, j => Assert.Equal(("Stoke-on-Trent", "Staying safe"), (j.GetProperty("authority").GetString(), j.GetProperty("area").GetString())));
        var group = (await server.GetJson("/api/judgements?neighboursOf=Coventry&region=West%20Midlands&framework=Annual%20performance%20assessment")).EnumerateArray().ToList();
        Assert.Equal(["Coventry", "Stoke-on-Trent"], group.Select(j => j.GetProperty("authority").GetString()!).Distinct().Order());
        Assert.All(group, j => Assert.Equal("Annual performance assessment", j.GetProperty("framework").GetString()));
        var latest = (await server.GetJson("/api/judgements?latest=true")).EnumerateArray().ToList();
        Assert.NotEmpty(latest);
        Assert.All(latest, j => Assert.Equal("coventry-2011-05-12-slac-inspection", j.GetProperty("documentId").GetString()));
        var good = (await server.GetJson("/api/judgements?grade=good&yearFrom=2011&yearTo=2011")).EnumerateArray().ToList();
        Assert.All(good, j => Assert.Equal(("good", 2011), (j.GetProperty("grade").GetProperty("label").GetString(), j.GetProperty("year").GetInt32())));
    }

    [Fact]
    public async Task Search_trends_and_ask_take_the_peer_filters()
    {
        var group = await server.GetJson("/api/search?q=placement&neighboursOf=Coventry&pageSize=100");
        Assert.True(group.GetProperty("total").GetInt32() > 0);
        var everywhere = await server.GetJson("/api/search?q=placement&pageSize=100");
        // In the seeds every authority is Coventry or one of its neighbours (Stoke-on-Trent, the tenth).
        Assert.Equal(everywhere.GetProperty("total").GetInt32(), group.GetProperty("total").GetInt32());
        var stoke = await server.GetJson("/api/search?q=placement&neighboursOf=Stoke-on-Trent&region=West%20Midlands&authorityType=Metropolitan%20District");
        Assert.All(stoke.GetProperty("hits").EnumerateArray(), h => Assert.Equal("Coventry", h.GetProperty("authority").GetString()));
        var latest = await server.GetJson("/api/search?q=placement&latest=true&pageSize=100");
        Assert.All(latest.GetProperty("hits").EnumerateArray(), h => Assert.Equal("coventry-2011-05-12-slac-inspection", h.GetProperty("documentId").GetString()));
        var trends = await server.GetJson("/api/trends?q=placement&by=authority&neighboursOf=331");
        var buckets = trends.GetProperty("buckets").EnumerateArray().ToList();
        Assert.Equal(11, buckets.Count);
        Assert.Equal(group.GetProperty("total").GetInt32(), buckets.Sum(b => b.GetProperty("paragraphs").GetInt32()));
        var ask = await server.GetJson("/api/ask?q=How%20stable%20are%20placements%3F&neighboursOf=Coventry&latest=true");
        Assert.All(ask.GetProperty("passages").EnumerateArray(), h => Assert.Equal("coventry-2011-05-12-slac-inspection", h.GetProperty("documentId").GetString()));
    }
}
