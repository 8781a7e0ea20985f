using Microsoft.AspNetCore.Http.HttpResults;
using SearchService.Search.Searching;

namespace SearchService.Api.Infrastructure;

/// <summary>RFC 7807 problem details for the errors a user can cause: always 4xx with a readable detail.</summary>
public static class Problems
{
    public static ProblemHttpResult BadRequest(string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: title, extensions: extensions);

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>Runs a handler, turning query errors and limit breaches into 400s.</summary>
    public static TResult Guard<TResult>(Func<TResult> handler, Func<ProblemHttpResult, TResult> wrap)
    {
        try
        {
            return handler();
        }
        catch (QuerySyntaxException e)
        {
            return wrap(BadRequest("Malformed query", e.Message));
        }
        catch (QueryLimitException e)
        {
            return wrap(BadRequest("Request over a limit", e.Message, new Dictionary<string, object?> { ["limit"] = e.Limit, ["value"] = e.Value }));
        }
        catch (ParameterException e)
        {
            return wrap(BadRequest("Invalid parameter", e.Message, new Dictionary<string, object?> { ["parameter"] = e.Parameter }));
        }
    }
}

/// <summary>A query-string parameter that cannot be read; names the parameter.</summary>
public sealed class ParameterException(string parameter, string message) : Exception(message)
{
    public string Parameter { get; } = parameter;
}
