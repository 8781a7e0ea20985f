using Microsoft.AspNetCore.Http.HttpResults;
using SearchService.Search.Searching;

namespace SearchService.Api.Features.Health;

public sealed record HealthResponse(string Status);

public sealed record ReadyResponse(string Status, int Documents, int Paragraphs, string Index);

/// <summary>GET /health (the process answers) and GET /ready (the index is loaded).</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => TypedResults.Ok(new HealthResponse("ok"))).WithTags("Health");
        app.MapGet("/ready", Ready).WithTags("Health");
        return app;
    }

    internal static Results<Ok<ReadyResponse>, ProblemHttpResult> Ready(ReportIndex index)
    {
        var documents = index.Documents.Count;
        if (documents == 0)
            return TypedResults.Problem(detail: "The index holds no documents.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready");
        return TypedResults.Ok(new ReadyResponse("ready", documents, index.ParagraphCount, index.Path));
    }
}
