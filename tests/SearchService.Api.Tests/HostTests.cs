using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SearchService.Api.Infrastructure;

namespace SearchService.Api.Tests;

/// <summary>The thin host: problems for every error, ids and real statuses in the log, limits, headers, links and settings.</summary>
public class HostTests(ApiServer server) : IClassFixture<ApiServer>
{
    private const string Paragraph = "coventry-2011-05-12-slac-inspection~86";

    [Fact]
    public async Task A_500_carries_its_request_id_and_is_logged_as_a_500()
    {
        var log = new LogSink();
        // A dependency that fails: the paragraph endpoint cannot get its link builder.
        await using var failing = new ApiServer
        {
            ConfigureServices = s =>
            {
                s.AddSingleton<ILoggerProvider>(log);
                s.AddSingleton<LinkBuilder>(_ => throw new InvalidOperationException("broken on purpose"));
            },
            ExtraArgs = ["--Logging:LogLevel:SearchService", "Information"],
        };
        await failing.InitializeAsync();
        var response = await failing.Client.GetAsync($"/api/paragraphs/{Paragraph}");
        Assert.Equal(500, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var id = response.Headers.GetValues(RequestLogging.Header).Single();
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(id, body.GetProperty("requestId").GetString());
        Assert.DoesNotContain("broken on purpose", body.ToString()); // details stay in the log
        var line = log.Lines.Single(l => l.Contains($"{id} GET /api/paragraphs/", StringComparison.Ordinal) && l.Contains('→'));
        Assert.Contains("→ 500", line);
        Assert.Contains(log.Lines, l => l.Contains(id, StringComparison.Ordinal) && l.Contains("broken on purpose", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Over_a_per_client_limit_is_a_429_with_retry_after_and_a_request_id()
    {
        await using var limited = new ApiServer { ExtraArgs = ["--RateLimits:SearchPerMinute", "3", "--RateLimits:BriefingsPerMinute", "1"] };
        await limited.InitializeAsync();
        var statuses = new List<int>();
        for (int i = 0; i < 4; i++) statuses.Add((int)(await limited.Client.GetAsync("/api/trends?q=children")).StatusCode);
        Assert.Equal([200, 200, 200, 429], statuses);
        var rejected = await limited.Client.GetAsync("/api/search?q=children");
        Assert.Equal(429, (int)rejected.StatusCode);
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
        Assert.InRange(rejected.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.False(string.IsNullOrEmpty(rejected.Headers.GetValues(RequestLogging.Header).Single()));
        Assert.Equal(200, (int)(await limited.Client.GetAsync($"/api/paragraphs/{Paragraph}")).StatusCode); // cheap reads stay open

        var briefing = new { title = "x", items = new[] { new { paragraphId = Paragraph } } };
        Assert.Equal(200, (int)(await limited.Client.PostAsJsonAsync("/api/briefings", briefing)).StatusCode);
        var second = await limited.Client.PostAsJsonAsync("/api/briefings", briefing);
        Assert.Equal(429, (int)second.StatusCode);
        Assert.NotNull(second.Headers.RetryAfter);
    }

    [Fact]
    public async Task Past_the_concurrency_limit_and_its_queue_searches_are_429s_with_retry_after()
    {
        await using var narrow = new ApiServer { ExtraArgs = ["--RateLimits:ConcurrentRequests", "1", "--RateLimits:QueueLength", "0"] };
        await narrow.InitializeAsync();
        var statuses = new ConcurrentBag<(int Status, bool RetryAfter)>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 48), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, token) =>
        {
            using var r = await narrow.Client.GetAsync($"/api/search?q=children%20{i}&groupBy=document&pageSize=100", token);
            statuses.Add(((int)r.StatusCode, r.Headers.RetryAfter is not null));
        });
        Assert.All(statuses, s => Assert.Contains(s.Status, new[] { 200, 429 }));
        Assert.Contains(statuses, s => s.Status == 200);
        Assert.Contains(statuses, s => s.Status == 429);
        Assert.All(statuses.Where(s => s.Status == 429), s => Assert.True(s.RetryAfter));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("12")]
    [InlineData("{\"items\":[null]}")]
    [InlineData("{\"items\":[{\"paragraphId\":null}]}")]
    [InlineData("{\"items\":\"x\"}")]
    public async Task Bodies_that_are_not_a_briefing_are_400_problems_even_in_development(string body)
    {
        await using var development = new ApiServer { ExtraArgs = ["--environment", "Development"] };
        await development.InitializeAsync();
        var response = await development.Client.PostAsync("/api/briefings", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task A_briefing_with_control_characters_in_its_note_is_a_docx_that_opens_dated_by_the_servers_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 2, 3, 10, 0, 0, TimeSpan.Zero));
        await using var dated = new ApiServer { ConfigureServices = s => s.AddSingleton<TimeProvider>(clock) };
        await dated.InitializeAsync();
        var response = await dated.Client.PostAsJsonAsync("/api/briefings", new { title = "Controls\u0001", format = "docx", items = new[] { new { paragraphId = Paragraph, note = "Esc \u001B nul \u0000 bell \u0007" } } });
        Assert.Equal(200, (int)response.StatusCode);
        using var doc = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
        Assert.Contains("3 February 2031", doc.MainDocumentPart!.Document!.Body!.InnerText);
        var markdown = await dated.Client.PostAsJsonAsync("/api/briefings", new { title = "x", format = "markdown", items = new[] { new { paragraphId = Paragraph } } });
        Assert.Contains("*3 February 2031*", await markdown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_response_has_the_security_headers_and_pages_load_no_inline_script()
    {
        foreach (var path in new[] { "/", "/api/documents", $"/p/{Paragraph}", "/api/nope" })
        {
            var response = await server.Client.GetAsync(path);
            Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        }
        foreach (var page in new[] { "/", $"/p/{Paragraph}", "/d/coventry-2011-05-12-slac-inspection" })
        {
            var html = await server.Client.GetStringAsync(page);
            Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)", html); // every script is a file the policy allows
            Assert.DoesNotMatch("<style|\\sstyle=", html);
        }
    }

    [Fact]
    public async Task Permalinks_come_from_the_configured_base_url_or_are_relative_never_from_the_host_header()
    {
        await using var relative = new ApiServer { ExtraArgs = ["--PublicBaseUrl", ""] };
        await relative.InitializeAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/paragraphs/{Paragraph}/citation");
        request.Headers.Host = "evil.example";
        var citation = JsonDocument.Parse(await (await relative.Client.SendAsync(request)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal($"/p/{Paragraph}", citation.GetProperty("url").GetString());

        using var configured = new HttpRequestMessage(HttpMethod.Get, $"/api/paragraphs/{Paragraph}/citation");
        configured.Headers.Host = "evil.example";
        var absolute = JsonDocument.Parse(await (await server.Client.SendAsync(configured)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal($"http://localhost/p/{Paragraph}", absolute.GetProperty("url").GetString());
    }

    [Theory]
    [InlineData("--Search:MaxPageSize", "0", "Search:MaxPageSize")]
    [InlineData("--RateLimits:ConcurrentRequests", "0", "RateLimits:ConcurrentRequests")]
    [InlineData("--Index:MinDocumentRatio", "2", "Index:MinDocumentRatio")]
    [InlineData("--Admin:ApiKey", "short", "Admin:ApiKey")]
    [InlineData("--PublicBaseUrl", "not a url", "PublicBaseUrl")]
    [InlineData("--Ingest:MaxPages", "lots", "Ingest:MaxPages")]
    public void A_bad_setting_stops_the_app_with_a_message_naming_it(string key, string value, string named)
    {
        var folder = Path.Combine(Path.GetTempPath(), "searchservice-settings-" + Guid.NewGuid().ToString("N"));
        var e = Assert.ThrowsAny<Exception>(() =>
        {
            using var app = SearchApp.Create(["--urls", "http://127.0.0.1:0", "--index", folder, key, value]);
        });
        Assert.True(e is OptionsValidationException or InvalidOperationException, e.GetType().Name);
        Assert.Contains(named, e.Message);
        Assert.False(Directory.Exists(folder), "a bad setting must stop the app before it builds anything");
    }

    [Fact]
    public async Task Past_lucenes_clause_limit_a_request_is_a_400_not_a_500()
    {
        // 1,025 values make a link of some 14,000 characters: allow it past the link length limit (8,000 by default) to reach the clause limit.
        await using var longLinks = new ApiServer { ExtraArgs = ["--Http:MaxUrlLength", "20000"] };
        await longLinks.InitializeAsync();
        var values = string.Join("&", Enumerable.Range(0, 1025).Select(i => $"authority=a{i}"));
        var (status, body, type) = await longLinks.Get($"/api/search?q=children&{values}");
        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", type);
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task In_problems_mode_the_request_log_keeps_only_server_errors_and_slow_requests()
    {
        var log = new LogSink();
        await using var quiet = new ApiServer
        {
            ConfigureServices = s => s.AddSingleton<ILoggerProvider>(log),
            ExtraArgs = ["--RequestLogging:Mode", "Problems", "--Logging:LogLevel:SearchService", "Information"],
        };
        await quiet.InitializeAsync();
        for (int i = 0; i < 20; i++) await quiet.Client.GetAsync($"/api/search?q=children%20{i}");
        await quiet.Client.GetAsync("/api/search?q=%22%22"); // a 400: the client's mistake, not logged either
        Assert.DoesNotContain(log.Lines, l => l.Contains("/api/search", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Health_endpoints_say_live_and_ready_without_paths()
    {
        Assert.Equal("ok", (await server.GetJson("/health")).GetProperty("status").GetString());
        var ready = await server.GetJson("/ready");
        Assert.Equal(("ready", 9), (ready.GetProperty("status").GetString(), ready.GetProperty("documents").GetInt32()));
        Assert.Equal("0001", ready.GetProperty("generation").GetString());
        Assert.DoesNotContain(server.IndexFolder, ready.ToString());
    }

    [Fact]
    public async Task The_start_up_warm_up_runs_a_search_and_a_question_before_ready_and_liveness_does_not_wait_for_it()
    {
        var log = new LogSink();
        using var hold = new ManualResetEventSlim();
        await using var warming = new ApiServer
        {
            WaitForWarmUp = false,
            ConfigureServices = s =>
            {
                s.AddSingleton<ILoggerProvider>(log);
                // The warm-up's first step is taking the served index: held here until the test has looked.
                s.AddSingleton(sp =>
                {
                    hold.Wait(TimeSpan.FromMinutes(1));
                    return sp.GetRequiredService<ServedIndex>().Current;
                });
            },
            ExtraArgs = ["--Logging:LogLevel:SearchService", "Information"],
        };
        await warming.InitializeAsync();
        var warmUp = warming.Services.GetRequiredService<IndexWarmUp>();
        try
        {
            Assert.Equal("ok", (await warming.GetJson("/health")).GetProperty("status").GetString());
            var (status, body, _) = await warming.Get("/ready");
            Assert.Equal(503, status);
            Assert.Contains("warming up", body.GetProperty("detail").GetString());
            Assert.False(warmUp.Done);
        }
        finally
        {
            hold.Set(); // stopping the server waits for its warm-up
        }
        await warmUp.Completion.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal("ready", (await warming.GetJson("/ready")).GetProperty("status").GetString());
        var line = Assert.Single(log.Lines, l => l.Contains("Warmed up", StringComparison.Ordinal));
        Assert.Contains("one search", line);
        Assert.Contains("one question (answered: True)", line);
    }

    [Fact]
    public async Task Without_a_usable_index_at_start_there_is_nothing_to_warm_and_readiness_is_the_index_s_alone()
    {
        var log = new LogSink();
        await using var empty = new ApiServer
        {
            ConfigureServices = s => s.AddSingleton<ILoggerProvider>(log),
            ExtraArgs = ["--Index:Sources:0", "/nonexistent/no-reports-here", "--Logging:LogLevel:SearchService", "Information"],
        };
        await empty.InitializeAsync();
        Assert.Contains(log.Lines, l => l.Contains("nothing to warm up", StringComparison.Ordinal));
        var (status, body, _) = await empty.Get("/ready");
        Assert.Equal(503, status);
        Assert.DoesNotContain("warming up", body.GetProperty("detail").GetString());
    }

    /// <summary>Collects formatted log lines.</summary>
    private sealed class LogSink : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();
        public ILogger CreateLogger(string categoryName) => new Logger(this);
        public void Dispose() { }

        private sealed class Logger(LogSink sink) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                sink.Lines.Enqueue($"{logLevel}: {formatter(state, exception)}{(exception is null ? "" : " " + exception.Message)}");
        }
    }
}
