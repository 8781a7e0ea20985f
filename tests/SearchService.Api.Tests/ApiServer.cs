using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SearchService.Api;

namespace SearchService.Api.Tests;

/// <summary>
/// The real Kestrel host on 127.0.0.1 with a free port, over an index built from the seeds
/// into a temporary folder. (The ASP.NET test host package is not available here.)
/// </summary>
public sealed class ApiServer : IAsyncLifetime
{
    private WebApplication? _app;
    public string IndexFolder { get; } = Path.Combine(Path.GetTempPath(), "searchservice-api-" + Guid.NewGuid().ToString("N"));
    public HttpClient Client { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The admin key the test server is configured with.</summary>
    public const string AdminKey = "test-admin-key-0123456789";

    /// <summary>More settings for a server started by hand (e.g. CORS origins).</summary>
    public string[] ExtraArgs { get; init; } = [];

    /// <summary>Whether the server has an admin key (admin endpoints exist only then).</summary>
    public bool WithAdminKey { get; init; } = true;

    public async ValueTask InitializeAsync()
    {
        string[] admin = WithAdminKey ? ["--Admin:ApiKey", AdminKey] : [];
        _app = SearchApp.Create(["--urls", "http://127.0.0.1:0", "--index", IndexFolder, "--Logging:LogLevel:Default", "Warning",
            "--RateLimits:AskPerMinute", "100000", "--RateLimits:AdminPerMinute", "1000", .. admin, .. ExtraArgs]);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
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

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        try { Directory.Delete(IndexFolder, recursive: true); } catch (IOException) { }
    }
}
