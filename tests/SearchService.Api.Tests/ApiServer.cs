using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using SearchService.Api;
using SearchService.Api.Infrastructure;

namespace SearchService.Api.Tests;

/// <summary>
/// The API over an index built from the seeds into a temporary folder: in memory (ASP.NET Core's
/// TestServer) by default, or the real Kestrel host on 127.0.0.1 where a socket matters (load,
/// concurrency, the fault script).
/// </summary>
public class ApiServer : IAsyncLifetime
{
    private WebApplication? _app;
    public string IndexFolder { get; init; } = Path.Combine(Path.GetTempPath(), "searchservice-api-" + Guid.NewGuid().ToString("N"));
    public HttpClient Client { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public IServiceProvider Services => _app!.Services;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The admin key the test server is configured with.</summary>
    public const string AdminKey = "test-admin-key-0123456789";

    /// <summary>More settings for a server started by hand (e.g. CORS origins); later ones win.</summary>
    public string[] ExtraArgs { get; init; } = [];

    /// <summary>Whether the server has an admin key (admin endpoints exist only then).</summary>
    public bool WithAdminKey { get; init; } = true;

    /// <summary>Kestrel on a loopback port instead of the in-memory server.</summary>
    public bool RealSockets { get; init; }

    /// <summary>Replaces services before the app is built (a fake clock, a log sink, a failing dependency).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Whether <see cref="InitializeAsync"/> returns only once the start-up warm-up has run (so /ready is 200 at once); false to watch it.</summary>
    public bool WaitForWarmUp { get; init; } = true;

    /// <summary>Whether to delete the index folder when disposed (false when a test owns the folder).</summary>
    public bool OwnsFolder { get; init; } = true;

    public async ValueTask InitializeAsync()
    {
        string[] admin = WithAdminKey ? ["--Admin:ApiKey", AdminKey] : [];
        var url = RealSockets ? $"http://127.0.0.1:{FreePort()}" : "http://localhost";
        _app = SearchApp.Create(["--urls", url, "--PublicBaseUrl", url, "--index", IndexFolder, "--Index:Sources:0", ProjectPaths.Seeds,
            "--Logging:LogLevel:Default", "Warning",
            "--RateLimits:AskPerMinute", "0", "--RateLimits:SearchPerMinute", "0", "--RateLimits:BriefingsPerMinute", "0", "--RateLimits:AdminPerMinute", "0",
            .. admin, .. ExtraArgs], builder =>
        {
            if (!RealSockets) builder.WebHost.UseTestServer();
            ConfigureServices?.Invoke(builder.Services);
        });
        await _app.StartAsync();
        if (WaitForWarmUp) await _app.Services.GetRequiredService<IndexWarmUp>().Completion.WaitAsync(TimeSpan.FromMinutes(2));
        BaseAddress = new Uri(url + "/");
        Client = RealSockets ? new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) } : _app.GetTestClient();
        Client.Timeout = TimeSpan.FromSeconds(60);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task<JsonElement> GetJson(string path)
    {
        var response = await Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} → {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public async Task<(int Status, JsonElement Body, string? ContentType)> Get(string path)
    {
        var response = await Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, body.Length == 0 ? default : JsonDocument.Parse(body).RootElement, response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A POST to an admin endpoint with the key.</summary>
    public async Task<(int Status, JsonElement Body)> Admin(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Add("X-Api-Key", AdminKey);
        using var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, body.Length == 0 ? default : JsonDocument.Parse(body).RootElement);
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (OwnsFolder)
        {
            try { Directory.Delete(IndexFolder, recursive: true); } catch (IOException) { }
        }
        GC.SuppressFinalize(this);
    }
}

/// <summary>The API on Kestrel at a loopback port, for clients that need a real socket (a browser).</summary>
public sealed class KestrelApiServer : ApiServer
{
    public KestrelApiServer() => RealSockets = true;
}
