using System.Net.Http.Headers;

namespace SearchService.Api.Tests;

/// <summary>Error pages people can read, links that are too long, did-you-mean and date sorting over HTTP, and the England pages served.</summary>
public class EverydayFinishingTests(ApiServer server) : IClassFixture<ApiServer>
{
    private async Task<(int Status, string Body, string? Type)> GetPage(string path, string accept = "text/html,application/xhtml+xml")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd(accept);
        using var response = await server.Client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/p/nope", "Paragraph not found")]
    [InlineData("/p/coventry-2011-05-12-slac-inspection~9999", "Paragraph not found")]
    [InlineData("/d/nope", "Document not found")]
    [InlineData("/england/narnia", "Authority not found")]
    public async Task A_bad_link_is_an_html_page_with_a_way_back(string path, string title)
    {
        var (status, body, type) = await GetPage(path);
        Assert.Equal((404, "text/html"), (status, type));
        Assert.Contains($"<h1>{title}</h1>", body, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\">Search the reports</a>", body, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/england\">", body, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en-GB\">", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_paragraph_of_a_known_document_offers_the_document()
    {
        var (_, body, _) = await GetPage("/p/coventry-2011-05-12-slac-inspection~9999");
        Assert.Contains("href=\"/d/coventry-2011-05-12-slac-inspection\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_that_asks_for_json_still_gets_a_problem()
    {
        var (status, body, type) = await GetPage("/p/nope", "application/json");
        Assert.Equal((404, "application/problem+json"), (status, type));
        Assert.Contains("nope", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_longer_than_the_limit_fails_with_a_readable_message()
    {
        var longQuery = string.Join("&", Enumerable.Range(0, 700).Select(i => $"authority=Authority{i}"));
        var (status, body, type) = await GetPage("/?" + longQuery);
        Assert.Equal((414, "text/html"), (status, type));
        Assert.Contains("<h1>Link too long</h1>", body, StringComparison.Ordinal);
        Assert.Contains("the server accepts links of at most 8,000", body, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\">Search the reports</a>", body, StringComparison.Ordinal);
        var (apiStatus, problem, apiType) = await server.Get("/api/search?" + longQuery);
        Assert.Equal((414, "application/problem+json"), (apiStatus, apiType));
        Assert.Contains("characters long", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // Just under the limit is served as usual.
        var underLimit = "/api/search?q=placement" + string.Concat(Enumerable.Repeat("&authority=Coventry", 400));
        Assert.InRange(underLimit.Length, 7_000, 8_000);
        Assert.Equal(200, (await GetPage(underLimit, "application/json")).Status);
    }

    [Fact]
    public async Task A_query_with_words_the_reports_never_use_suggests_the_closest_ones()
    {
        var r = await server.GetJson("/api/search?q=placment%20stabilty");
        Assert.Equal(0, r.GetProperty("total").GetInt32());
        Assert.Equal("placement stability", r.GetProperty("suggestion").GetString());
        var fine = await server.GetJson("/api/search?q=placement%20stability");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, fine.GetProperty("suggestion").ValueKind);
    }

    [Fact]
    public async Task Results_sort_by_date_both_ways()
    {
        var oldest = (await server.GetJson("/api/search?q=placement&sort=oldest&pageSize=100")).GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("date").GetString()!).ToList();
        var newest = (await server.GetJson("/api/search?q=placement&sort=date&pageSize=100")).GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("date").GetString()!).ToList();
        Assert.Equal(oldest.Order(StringComparer.Ordinal), oldest);
        Assert.Equal(newest.OrderDescending(StringComparer.Ordinal), newest);
        Assert.NotEqual(oldest[0], newest[0]);
    }

    [Theory]
    [InlineData("/england", "england.js")]
    [InlineData("/england/331", "england.js")]
    [InlineData("/england/Coventry", "england.js")]
    public async Task The_england_pages_are_served(string path, string script)
    {
        var (status, body, type) = await GetPage(path);
        Assert.Equal((200, "text/html"), (status, type));
        Assert.Contains($"<script src=\"/{script}\"></script>", body, StringComparison.Ordinal);
    }
}
