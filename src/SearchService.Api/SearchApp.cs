using System.Text.Json.Serialization;
using SearchService.Api.Features.Admin;
using SearchService.Api.Features.Ask;
using SearchService.Api.Features.Authorities;
using SearchService.Api.Features.Briefings;
using SearchService.Api.Features.Documents;
using SearchService.Api.Features.England;
using SearchService.Api.Features.Health;
using SearchService.Api.Features.Judgements;
using SearchService.Api.Features.Paragraphs;
using SearchService.Api.Features.Permalinks;
using SearchService.Api.Features.Search;
using SearchService.Api.Features.Spreadsheets;
using SearchService.Api.Infrastructure;
using SearchService.Search;
using SearchService.Search.Answering;
using SearchService.Search.Indexing;
using SearchService.Search.Searching;

namespace SearchService.Api;

/// <summary>Builds the web application: configuration, the index (built from the seeds when missing), and the feature endpoints.</summary>
public static class SearchApp
{
    public const string DefaultUrl = "http://localhost:5080";

    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
            builder.WebHost.UseUrls(DefaultUrl);
        configure?.Invoke(builder);
        // Kestrel cuts a request line over its limit with an empty 414; keep its limit well above
        // Http:MaxUrlLength so that UrlLengthLimit can answer with a readable one.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestLineSize = Math.Max(k.Limits.MaxRequestLineSize, UrlLengthLimit.Max(builder.Configuration) * 4 + 1024));

        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });

        var settings = IndexSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(sp => OpenIndex(settings, sp.GetRequiredService<ILoggerFactory>().CreateLogger("SearchService.Index")));
        builder.Services.AddSingleton<LinkBuilder>();
        builder.Services.AddSingleton(ExportSettings.From(builder.Configuration));
        builder.Services.AddSingleton(sp => new QuestionAnswerer(sp.GetRequiredService<ReportIndex>()));
        builder.Services.AddSearchRateLimits(builder.Configuration);
        builder.Services.AddHostedService<IndexRefresher>();
        // CORS is off unless origins are configured.
        var origins = builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? [];
        if (origins.Length > 0) builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(origins).WithMethods("GET", "POST").AllowAnyHeader()));

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestLogging>();
        app.UseMiddleware<UrlLengthLimit>();
        if (app.Configuration.GetSection("Cors:Origins").Get<string[]>() is { Length: > 0 }) app.UseCors();
        app.UseRateLimiter();
        app.UseDefaultFiles();
        app.UseStaticFiles();

        // Open (and if need be build) the index before taking requests.
        app.Services.GetRequiredService<ReportIndex>();

        app.MapOpenApi();
        app.MapSearch();
        app.MapParagraphs();
        app.MapDocuments();
        app.MapJudgements();
        app.MapAuthorities();
        app.MapEngland();
        app.MapSpreadsheets();
        app.MapAsk();
        app.MapBriefings();
        app.MapPermalinks();
        app.MapAdmin(app.Configuration);
        app.MapHealth();
        return app;
    }

    private static ReportIndex OpenIndex(IndexSettings settings, ILogger log)
    {
        if (!ReportIndex.Exists(settings.IndexPath))
        {
            log.LogInformation("No index in {Index}: building it from {Sources}", settings.IndexPath, string.Join(", ", settings.Sources));
            var summary = IndexBuilder.Build(settings.Sources, settings.IndexPath, onFile: f =>
            {
                if (f.Error is not null) log.LogWarning("{File}: {Reason}", f.Path, f.Error);
            });
            log.LogInformation("Indexed {Documents} documents, {Paragraphs} paragraphs from {Files} files in {Seconds:0.0} s ({Failed} failed)",
                summary.Documents, summary.Paragraphs, summary.Files, summary.Elapsed.TotalSeconds, summary.Failed);
        }
        var synonyms = File.Exists(settings.SynonymsPath) ? Synonyms.Load(settings.SynonymsPath) : Synonyms.Empty;
        log.LogInformation("Serving index {Index} with {Synonyms} synonym terms", settings.IndexPath, synonyms.Count);
        return ReportIndex.Open(settings.IndexPath, synonyms, settings.Limits);
    }
}

/// <summary>Where the index, seeds and synonyms are, and the search limits; from configuration with repository defaults.</summary>
public sealed record IndexSettings(string IndexPath, IReadOnlyList<string> Sources, string SynonymsPath, SearchLimits Limits)
{
    public static IndexSettings From(IConfiguration c)
    {
        var defaults = new SearchLimits();
        var limits = new SearchLimits
        {
            MaxQueryLength = c.GetValue("Search:MaxQueryLength", defaults.MaxQueryLength),
            MaxPageSize = c.GetValue("Search:MaxPageSize", defaults.MaxPageSize),
            MaxResultWindow = c.GetValue("Search:MaxResultWindow", defaults.MaxResultWindow),
            MaxClauses = c.GetValue("Search:MaxClauses", defaults.MaxClauses),
            TimeLimitMs = c.GetValue("Search:TimeLimitMs", defaults.TimeLimitMs),
            RecordCacheSize = c.GetValue("Search:RecordCacheSize", defaults.RecordCacheSize),
        };
        // What to index when there is no index yet: the seeds, or the folders and files configured.
        var sources = c.GetSection("Index:Sources").Get<string[]>() is { Length: > 0 } configured ? configured
            : [c["seeds"] ?? c["Index:SeedsPath"] ?? ProjectPaths.Seeds];
        return new IndexSettings(
            Path.GetFullPath(c["index"] ?? c["Index:Path"] ?? ProjectPaths.Index),
            sources.Select(Path.GetFullPath).ToList(),
            Path.GetFullPath(c["Index:SynonymsPath"] ?? ProjectPaths.SynonymsFile),
            limits);
    }
}
