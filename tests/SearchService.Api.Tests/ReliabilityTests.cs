using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;

namespace SearchService.Api.Tests;

/// <summary>Bad input, admin access, and reindexing while serving, against the real server.</summary>
public class ReliabilityTests(ApiServer server, ITestOutputHelper output) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task Cors_is_off_unless_origins_are_configured()
    {
        using var plain = new HttpRequestMessage(HttpMethod.Get, "/api/documents");
        plain.Headers.Add("Origin", "http://council.example");
        var response = await server.Client.SendAsync(plain);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));

        var withCors = new ApiServer { ExtraArgs = ["--Cors:Origins:0", "http://council.example"] };
        await withCors.InitializeAsync();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/documents");
            request.Headers.Add("Origin", "http://council.example");
            var allowed = await withCors.Client.SendAsync(request);
            Assert.Equal("http://council.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
            using var other = new HttpRequestMessage(HttpMethod.Get, "/api/documents");
            other.Headers.Add("Origin", "http://elsewhere.example");
            Assert.False((await withCors.Client.SendAsync(other)).Headers.Contains("Access-Control-Allow-Origin"));
        }
        finally
        {
            await withCors.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_server_picks_up_an_index_written_by_another_process_within_seconds()
    {
        var isolated = new ApiServer();
        await isolated.InitializeAsync();
        try
        {
            Assert.Equal(9, (await isolated.GetJson("/ready")).GetProperty("documents").GetInt32());
            // What the CLI's `index` does against a running server's folder: a new commit beside the live one.
            // One document where nine are served: a shrink the guard refuses unless forced.
            Search.Indexing.IndexBuilder.Build([Path.Combine(ProjectPaths.Seeds, "004_6dc884be81250f76.txt")], isolated.IndexFolder,
                options: new Search.Indexing.BuildOptions { Force = true });
            int documents = 9;
            for (int i = 0; i < 50 && documents != 1; i++)
            {
                await Task.Delay(200);
                documents = (await isolated.GetJson("/ready")).GetProperty("documents").GetInt32();
            }
            Assert.Equal(1, documents);
        }
        finally
        {
            await isolated.DisposeAsync();
        }
    }

    [Fact]
    public async Task Without_a_key_admin_is_disabled_asks_are_rate_limited_and_requests_carry_an_id()
    {
        var limited = new ApiServer { WithAdminKey = false, ExtraArgs = ["--RateLimits:AskPerMinute", "3"] };
        await limited.InitializeAsync();
        try
        {
            Assert.Equal(404, (int)(await limited.Client.PostAsync("/api/admin/reindex", null)).StatusCode);
            var statuses = new List<int>();
            for (int i = 0; i < 4; i++) statuses.Add((int)(await limited.Client.GetAsync("/api/ask?q=Who%20led%20Coventry%27s%202011%20inspection%3F")).StatusCode);
            Assert.Equal([200, 200, 200, 429], statuses);
            var rejected = await limited.Client.GetAsync("/api/ask?q=x");
            Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
            var search = await limited.Client.GetAsync("/api/search?q=children");
            Assert.Equal(200, (int)search.StatusCode); // reads stay open
            Assert.False(string.IsNullOrEmpty(search.Headers.GetValues("X-Request-Id").Single()));
        }
        finally
        {
            await limited.DisposeAsync();
        }
    }

    [Fact]
    public async Task Repeated_words_collapse_and_too_many_different_words_is_a_400_naming_the_limit()
    {
        // "LAC" 60 times is one word (it used to expand 60 times, past the clause limit).
        var (repeated, _, _) = await server.Get("/api/search?q=" + Uri.EscapeDataString(string.Join(" ", Enumerable.Repeat("LAC", 60))));
        Assert.Equal(200, repeated);
        var q = string.Join(" ", Enumerable.Range(0, 33).Select(i => "word" + i));
        var (status, body, _) = await server.Get("/api/search?q=" + Uri.EscapeDataString(q));
        Assert.Equal(400, status);
        Assert.Equal("maxQueryTerms", body.GetProperty("limit").GetString());
        Assert.Equal(32, body.GetProperty("value").GetInt32());
    }

    [Fact]
    public async Task Admin_needs_the_key_401_without_403_with_a_wrong_one()
    {
        Assert.Equal(401, (int)(await server.Client.PostAsync("/api/admin/reindex", null)).StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/admin/reindex");
        wrong.Headers.Add("X-Api-Key", "nope");
        Assert.Equal(403, (int)(await server.Client.SendAsync(wrong)).StatusCode);
    }

    [Fact]
    public async Task Reindexing_while_searching_never_fails_a_search()
    {
        var failures = new ConcurrentBag<string>();
        int searches = 0;
        using var stop = new CancellationTokenSource();
        var loop = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var r = await server.Client.GetAsync("/api/search?q=%22placement%20stability%22");
                Interlocked.Increment(ref searches);
                var body = await r.Content.ReadAsStringAsync();
                if (!r.IsSuccessStatusCode || !body.Contains("\"total\":")) failures.Add($"{(int)r.StatusCode}: {body[..Math.Min(200, body.Length)]}");
                else if (body.Contains("\"total\":0")) failures.Add("a search saw an empty index");
            }
        });
        // Reindex at least three times, and until a good number of searches have run alongside.
        int reindexes = 0;
        while (reindexes < 3 || (Volatile.Read(ref searches) < 30 && reindexes < 30))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/reindex");
            request.Headers.Add("X-Api-Key", ApiServer.AdminKey);
            using var response = await server.Client.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            reindexes++;
        }
        stop.Cancel();
        await loop;
        output.WriteLine($"{searches} searches during {reindexes} reindexes");
        Assert.True(searches >= 30, $"only {searches} searches ran during {reindexes} reindexes");
        Assert.Empty(failures);
        // Permalinks from the re-indexed corpus still resolve.
        Assert.Equal(200, (int)(await server.Client.GetAsync("/p/coventry-2011-05-12-slac-inspection~86")).StatusCode);
    }
}
