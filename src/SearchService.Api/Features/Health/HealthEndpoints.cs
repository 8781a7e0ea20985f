
namespace SearchService.Api.Features.Health;

public sealed record HealthResponse(string Status);

/// <summary>The served index: its generation (null for an index folder in the older single-index layout) and counts.</summary>
public sealed record ReadyResponse(string Status, int Documents, int Paragraphs, string? Generation);

/// <summary>
/// GET /health: the process answers (for a liveness probe; never touches the index).
/// GET /ready: the index opens, answers a search and has been warmed up (<see cref="IndexWarmUp"/>;
/// for a readiness probe or load balancer); a 503 problem with the reason, never a path, when not.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => TypedResults.Ok(new HealthResponse("ok"))).WithTags("Health").WithSummary("Liveness: the process answers");
        app.MapGet("/ready", Ready).WithTags("Health").WithSummary("Readiness: the index opens, answers a search and has been warmed up");
        return app;
    }

    internal static Results<Ok<ReadyResponse>, ProblemHttpResult> Ready(ServedIndex served, IndexWarmUp warmUp, HttpResponse response)
    {
        var health = served.Health();
        ProblemHttpResult NotReady(string detail, string retryAfterSeconds)
        {
            response.Headers.RetryAfter = retryAfterSeconds;
            return TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready",
                extensions: new Dictionary<string, object?> { ["generation"] = health.Generation });
        }
        if (!health.Ok) return NotReady($"The index is not usable: {health.Problem}.", "30");
        if (!warmUp.Done) return NotReady("The index is open and warming up (one search and one question); ready in a moment.", "1");
        return TypedResults.Ok(new ReadyResponse("ready", health.Documents, health.Paragraphs, health.Generation));
    }
}
