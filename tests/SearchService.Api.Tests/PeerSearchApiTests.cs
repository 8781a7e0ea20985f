using System.Text.Json;
using SearchService.Search.England;
using SearchService.Search.Searching;

namespace SearchService.Api.Tests;

/// <summary>
/// Over HTTP on the seeds and the published reports: a search among Coventry's statistical
/// neighbours, the trend by authority over that group, and /api/authorities saying exactly what the
/// England table of the same index holds (the table itself is checked against judgements.csv in
/// the library's tests).
/// </summary>
[Collection(CorpusApiCollection.Name)]
public class PeerSearchApiTests(CorpusApiServer corpus)
{
    private ApiServer Server => corpus.Server;

    private static readonly string[] CoventryGroup =
        ["Coventry", "Derby", "Southampton", "Peterborough", "Bolton", "Wolverhampton", "Hillingdon", "Rochdale", "Walsall", "Luton", "Stoke-on-Trent"];

    [Fact]
    public async Task Placement_stability_among_coventrys_neighbours_comes_only_from_the_group()
    {
        var r = await Server.GetJson("/api/search?q=%22placement%20stability%22&neighboursOf=Coventry&pageSize=100");
        var hits = r.GetProperty("hits").EnumerateArray().ToList();
        Assert.Equal(r.GetProperty("total").GetInt32(), hits.Count);
        Assert.True(hits.Count >= 5);
        Assert.All(hits, h => Assert.Contains(h.GetProperty("authority").GetString(), CoventryGroup));
        Assert.True(hits.Select(h => h.GetProperty("authority").GetString()).Distinct().Count() >= 3);
        var everywhere = await Server.GetJson("/api/search?q=%22placement%20stability%22");
        Assert.True(everywhere.GetProperty("total").GetInt32() > hits.Count);
        Assert.Contains(everywhere.GetProperty("facets").GetProperty("authority").EnumerateArray(), f => !CoventryGroup.Contains(f.GetProperty("value").GetString()));
    }

    [Fact]
    public async Task Trends_by_authority_over_coventrys_neighbours_compare_every_member()
    {
        var search = await Server.GetJson("/api/search?q=%22placement%20stability%22&neighboursOf=331");
        var t = await Server.GetJson("/api/trends?q=%22placement%20stability%22&neighboursOf=331&by=authority");
        var buckets = t.GetProperty("buckets").EnumerateArray().ToList();
        Assert.Equal(CoventryGroup.Order(StringComparer.Ordinal), buckets.Select(b => b.GetProperty("value").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(search.GetProperty("total").GetInt32(), buckets.Sum(b => b.GetProperty("paragraphs").GetInt32()));
        foreach (var b in buckets.Where(b => b.GetProperty("totalParagraphs").GetInt32() > 0))
        {
            var own = await Server.GetJson($"/api/search?q=%22placement%20stability%22&authority={Uri.EscapeDataString(b.GetProperty("value").GetString()!)}");
            Assert.Equal(own.GetProperty("total").GetInt32(), b.GetProperty("paragraphs").GetInt32());
            Assert.Equal(Math.Round((double)b.GetProperty("paragraphs").GetInt32() / b.GetProperty("totalParagraphs").GetInt32(), 4), b.GetProperty("share").GetDouble());
        }
    }

    [Fact]
    public async Task The_authorities_api_says_what_the_england_table_holds()
    {
        var api = await Server.GetJson("/api/authorities");
        Assert.Equal(156, api.GetProperty("total").GetInt32());
        Assert.Equal(153, api.GetProperty("current").GetInt32());
        Assert.Equal(92, api.GetProperty("withInspection").GetInt32());
        using var index = ReportIndex.Open(Server.IndexFolder);
        var table = AuthorityTable.Rows(index, AuthorityFilters.None).ToDictionary(r => r.Authority.Name);
        foreach (var a in api.GetProperty("authorities").EnumerateArray())
        {
            var row = table[a.GetProperty("name").GetString()!];
            var latest = a.GetProperty("latest");
            if (row.Latest is null) { Assert.Equal(JsonValueKind.Null, latest.ValueKind); continue; }
            Assert.Equal(row.Latest.DocumentId, latest.GetProperty("documentId").GetString());
            Assert.Equal(row.Latest.Judgements.Select(j => (j.Area, j.Grade.Raw, j.Grade.Label, j.ParagraphId)),
                latest.GetProperty("judgements").EnumerateArray().Select(j => (j.GetProperty("area").GetString()!, j.GetProperty("printed").GetString()!, j.GetProperty("grade").GetString()!, j.GetProperty("paragraphId").GetString())));
        }
    }

    [Fact]
    public async Task Latest_true_searches_each_authoritys_latest_inspection_report_only()
    {
        var authorities = (await Server.GetJson("/api/authorities")).GetProperty("authorities").EnumerateArray()
            .Where(a => a.GetProperty("latest").ValueKind != JsonValueKind.Null)
            .ToDictionary(a => a.GetProperty("name").GetString()!, a => a.GetProperty("latest").GetProperty("documentId").GetString());
        var r = await Server.GetJson("/api/search?q=leaders&latest=true&groupBy=document&pageSize=100");
        var hits = r.GetProperty("hits").EnumerateArray().ToList();
        Assert.True(hits.Count > 50);
        Assert.All(hits, h => Assert.Equal(authorities[h.GetProperty("authority").GetString()!], h.GetProperty("documentId").GetString()));
    }
}
