using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using SearchService.Search.Indexing;

namespace SearchService.Api.Features.Admin;

public sealed record ReindexResponse(int Files, int Indexed, int Skipped, int Failed, int Documents, int Paragraphs, double Seconds,
    string? Generation, string? PreviousGeneration, IReadOnlyList<string> Problems);

public sealed record GenerationDto(string Generation, bool Served, DateTimeOffset? Created, string? BuiltBy, int? Documents, int? Paragraphs, bool Forced);

public sealed record RollbackResponse(string Generation, int Documents, int Paragraphs);

/// <summary>
/// The admin endpoints (they answer only when Admin:ApiKey is set, and are a 404 otherwise; the key goes in X-Api-Key or
/// "Authorization: Bearer"). POST /api/admin/reindex builds a new generation from the configured
/// Index:Sources (never a default) and serves it once checked; POST /api/admin/rollback serves the
/// previous generation again; GET /api/admin/generations lists them. A build already running
/// (here or in the CLI) or a build the guard refuses is a 409 and the served index stays as it was.
/// </summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app, AdminOptions options)
    {
        var key = options.ApiKey;
        // Mapped even when disabled, so the API document describes them; without a key every call is a 404.
        var group = app.MapGroup("/api/admin").WithTags("Admin")
            .AddEndpointFilter(async (context, next) =>
            {
                var http = context.HttpContext;
                if (string.IsNullOrWhiteSpace(key))
                    return TypedResults.Problem(statusCode: 404, title: "Not found", detail: "The admin API is disabled: set Admin:ApiKey to enable it.");
                var given = http.Request.Headers["X-Api-Key"].FirstOrDefault()
                    ?? (http.Request.Headers.Authorization.FirstOrDefault() is { } auth && auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth[7..] : null);
                if (string.IsNullOrEmpty(given))
                    return TypedResults.Problem(statusCode: 401, title: "API key required", detail: "Send the admin API key in the X-Api-Key header.");
                if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key)))
                    return TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: "The API key is not valid.");
                return await next(context);
            });
        group.MapPost("/reindex", Reindex).WithSummary("Build a new index generation from the configured sources and serve it once checked");
        group.MapPost("/rollback", Rollback).WithSummary("Serve the previous index generation again");
        group.MapGet("/generations", Generations).WithSummary("The index generations on disk, and which is served");
        return app;
    }

    internal static async Task<Results<Ok<ReindexResponse>, ProblemHttpResult>> Reindex(ServedIndex served, [FromQuery] bool? force)
    {
        var sources = served.Settings.ConfiguredSources;
        if (sources.Count == 0)
            throw new IndexBuildRefusedException(BuildRefusal.NoSources, "No sources are configured (Index:Sources): set them to the files and folders to index. The served index is unchanged.");
        var problems = new List<string>();
        // A build takes seconds to minutes of CPU: off the request thread. Refusals and write failures become 409 and 503 problems.
        var summary = await Task.Run(() => IndexBuilder.Build(sources, served.Settings.Folder, f =>
        {
            if (f.Error is not null) lock (problems) problems.Add($"{Path.GetFileName(f.Path)}: {f.Error}");
        }, served.Readers, options: served.BuildOptions("admin API", force ?? false)));
        served.Refresh();
        return TypedResults.Ok(new ReindexResponse(summary.Files, summary.Indexed, summary.Skipped, summary.Failed, summary.Documents, summary.Paragraphs,
            Math.Round(summary.Elapsed.TotalSeconds, 2), summary.Generation, summary.PreviousGeneration, problems));
    }

    internal static Ok<RollbackResponse> Rollback(ServedIndex served)
    {
        var health = IndexBuilder.Rollback(served.Settings.Folder, served.BuildOptions("admin API", force: false));
        served.Refresh();
        return TypedResults.Ok(new RollbackResponse(health.Generation!, health.Documents, health.Paragraphs));
    }

    internal static Ok<IReadOnlyList<GenerationDto>> Generations(ServedIndex served)
    {
        var folder = served.Settings.Folder;
        var current = IndexGenerations.Current(folder);
        return TypedResults.Ok((IReadOnlyList<GenerationDto>)IndexGenerations.Complete(folder).Select(g =>
        {
            var m = IndexGenerations.Manifest(folder, g);
            return new GenerationDto(g, g == current, m?.Created, m?.BuiltBy, m?.Documents, m?.Paragraphs, m?.Forced ?? false);
        }).ToList());
    }
}
