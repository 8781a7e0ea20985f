using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using SearchService.Api.Infrastructure;
using SearchService.Search.Indexing;
using SearchService.Search.Searching;

namespace SearchService.Api.Features.Admin;

public sealed record ReindexResponse(int Files, int Indexed, int Skipped, int Failed, int Documents, int Paragraphs, double Seconds, IReadOnlyList<string> Problems);

/// <summary>
/// POST /api/admin/reindex: rebuilds the index from the configured sources while serving. The new
/// contents become visible in one Lucene commit and readers switch atomically; searches during
/// the rebuild keep the reader they started with. Needs Admin:ApiKey (X-Api-Key header or
/// "Authorization: Bearer"); without a configured key the admin endpoints do not exist.
/// </summary>
public static class AdminEndpoints
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        var key = configuration["Admin:ApiKey"];
        if (string.IsNullOrWhiteSpace(key)) return app; // disabled
        var group = app.MapGroup("/api/admin").WithTags("Admin").RequireRateLimiting(RateLimits.Admin)
            .AddEndpointFilter(async (context, next) =>
            {
                var http = context.HttpContext;
                var given = http.Request.Headers["X-Api-Key"].FirstOrDefault()
                    ?? (http.Request.Headers.Authorization.FirstOrDefault() is { } auth && auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth[7..] : null);
                if (string.IsNullOrEmpty(given))
                    return TypedResults.Problem(statusCode: 401, title: "API key required", detail: "Send the admin API key in the X-Api-Key header.");
                if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key)))
                    return TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: "The API key is not valid.");
                return await next(context);
            });
        group.MapPost("/reindex", Reindex).WithSummary("Rebuild the index from the configured sources and switch to it atomically");
        return app;
    }

    internal static async Task<Results<Ok<ReindexResponse>, ProblemHttpResult>> Reindex(ReportIndex index, IndexSettings settings, ILoggerFactory logs)
    {
        if (!await OneAtATime.WaitAsync(0))
            return TypedResults.Problem(statusCode: 409, title: "Reindex in progress", detail: "Another reindex is running; try again when it has finished.");
        try
        {
            var problems = new List<string>();
            var summary = await Task.Run(() => IndexBuilder.Build(settings.Sources, settings.IndexPath, onFile: f =>
            {
                if (f.Error is not null) lock (problems) problems.Add($"{Path.GetFileName(f.Path)}: {f.Error}");
            }));
            index.Refresh();
            logs.CreateLogger("SearchService.Admin").LogInformation("Reindexed {Documents} documents, {Paragraphs} paragraphs", summary.Documents, summary.Paragraphs);
            return TypedResults.Ok(new ReindexResponse(summary.Files, summary.Indexed, summary.Skipped, summary.Failed, summary.Documents, summary.Paragraphs,
                Math.Round(summary.Elapsed.TotalSeconds, 2), problems));
        }
        finally
        {
            OneAtATime.Release();
        }
    }
}

/// <summary>Picks up new commits written by another process (the CLI indexing into the served folder).</summary>
public sealed class IndexRefresher(ReportIndex index, ILogger<IndexRefresher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try { index.Refresh(); }
            catch (Exception e) when (e is IOException or ObjectDisposedException) { log.LogWarning(e, "Index refresh failed; still serving the previous commit"); }
        }
    }
}
