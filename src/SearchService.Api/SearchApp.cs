using Microsoft.Extensions.DependencyInjection.Extensions;
using Scalar.AspNetCore;
using SearchService.Api.Features.Accessibility;
using SearchService.Api.Features.Admin;
using SearchService.Api.Features.Ask;
using SearchService.Api.Features.Authorities;
using SearchService.Api.Features.Briefings;
using SearchService.Api.Features.Documents;
using SearchService.Api.Features.England;
using SearchService.Api.Features.Export;
using SearchService.Api.Features.Health;
using SearchService.Api.Features.Judgements;
using SearchService.Api.Features.Paragraphs;
using SearchService.Api.Features.Permalinks;
using SearchService.Api.Features.Quality;
using SearchService.Api.Features.Search;
using SearchService.Api.Features.Vocabulary;
using SearchService.Search.Answering;

namespace SearchService.Api;

/// <summary>Builds the web application: settings, the served index (built from the sources when missing), the middleware and the feature endpoints.</summary>
public static class SearchApp
{
    public const string DefaultUrl = "http://localhost:5080";

    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
            builder.WebHost.UseUrls(DefaultUrl);
        AddSettings(builder.Services, builder.Configuration);
        AddServices(builder.Services);
        configure?.Invoke(builder);
        // Kestrel cuts a request line over its limit with an empty 414; keep its limit well above
        // Http:MaxUrlLength so that UrlLengthLimit can answer with a readable one.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestLineSize = Math.Max(k.Limits.MaxRequestLineSize, UrlLengthLimit.Max(builder.Configuration) * 4 + 1024));

        var app = builder.Build();
        // Every setting is checked now, as ValidateOnStart would at start, but before the middleware reads them or anything is built.
        app.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
        // Outermost first: the request log sees the real status and every response gets its id and headers.
        app.UseMiddleware<RequestLogging>();
        app.UseMiddleware<SecurityHeaders>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<UrlLengthLimit>();
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HostingOptions>>().Value.CorsOrigins.Count > 0) app.UseCors();
        app.UseRateLimiter();
        // Scripts, styles and images as files; the HTML pages are endpoints (HtmlPage.StaticPage) that add the one footer.
        app.UseStaticFiles(new StaticFileOptions { ContentTypeProvider = AssetTypes() });

        // The index is opened, or built when missing, before the first request.
        app.Services.GetRequiredService<ServedIndex>().Start();

        app.MapOpenApi();
        // Interactive API docs at /scalar, served from the package (nothing fetched from other sites).
        app.MapScalarApiReference(o => o.WithTitle("SearchService API").DisableDefaultFonts()); // no fonts from fonts.scalar.com
        app.MapSearch();
        app.MapExport();
        app.MapParagraphs();
        app.MapDocuments();
        app.MapQuality();
        app.MapJudgements();
        app.MapVocabulary();
        app.MapAuthorities();
        app.MapEngland();
        app.MapAsk();
        app.MapBriefings();
        app.MapPermalinks();
        app.MapAccessibility();
        app.MapAdmin(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AdminOptions>>().Value);
        app.MapHealth();
        return app;
    }

    /// <summary>Every setting through the Options pattern, validated at start-up: a bad one stops the app with a message naming it.</summary>
    private static void AddSettings(IServiceCollection services, ConfigurationManager c)
    {
        services.AddOptions<IndexOptions>().Bind(c.GetSection(IndexOptions.Section))
            .PostConfigure(o =>
            {
                // The command line's short forms: --index DIR, --seeds DIR.
                if (!string.IsNullOrEmpty(c["index"])) o.Path = c["index"];
                if (!string.IsNullOrEmpty(c["seeds"])) o.SeedsPath = c["seeds"];
            })
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SearchOptions>().Bind(c.GetSection(SearchOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IngestOptions>().Bind(c.GetSection(IngestOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RateLimitOptions>().Bind(c.GetSection(RateLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AdminOptions>().Bind(c.GetSection(AdminOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ExportOptions>().Bind(c.GetSection(ExportOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RequestLoggingOptions>().Bind(c.GetSection(RequestLoggingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HostingOptions>()
            .Configure(o =>
            {
                o.PublicBaseUrl = string.IsNullOrWhiteSpace(c["PublicBaseUrl"]) ? null : c["PublicBaseUrl"];
                o.CorsOrigins = c.GetSection("Cors:Origins").Get<List<string>>() ?? [];
            })
            .ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<HostingOptions>, HostingOptionsValidator>();
    }

    /// <summary>The file types served as they are: every usual one but HTML, whose pages are served with their footer filled in.</summary>
    private static Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider AssetTypes()
    {
        var types = new Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider();
        foreach (var html in types.Mappings.Where(m => m.Value == "text/html").Select(m => m.Key).ToList()) types.Mappings.Remove(html);
        return types;
    }

    private static void AddServices(IServiceCollection services)
    {
        // Asked before the default (JSON) writer: browsers get an HTML page, API clients problem+json.
        services.AddSingleton<Microsoft.AspNetCore.Http.IProblemDetailsWriter, HtmlProblemWriter>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions.TryAdd("requestId", context.HttpContext.TraceIdentifier));
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Bodies and parameters that cannot be bound reach the exception handler as a 400, in every environment.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi(o => o.Describe());
        // Responses through source-generated writers (camelCase enums, nulls written), reflection for the rest.
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.AddSingleton<GeneratedJsonWriters>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddVocabulary();
        services.AddSingleton<ServedIndex>();
        // Resolved per request; while there is no usable index this throws IndexUnavailableException (a 503), and the next request tries again.
        services.AddSingleton(sp => sp.GetRequiredService<ServedIndex>().Current);
        services.AddSingleton<LinkBuilder>();
        services.AddSingleton(sp => new QuestionAnswerer(sp.GetRequiredService<ReportIndex>()));
        services.AddSearchRateLimits();
        services.AddHostedService<IndexRefresher>();
        services.AddSingleton<IndexWarmUp>();
        services.AddHostedService(sp => sp.GetRequiredService<IndexWarmUp>());
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<HostingOptions>>((o, hosting) =>
                o.AddDefaultPolicy(p => p.WithOrigins([.. hosting.Value.CorsOrigins]).WithMethods("GET", "POST").AllowAnyHeader()));
    }
}
