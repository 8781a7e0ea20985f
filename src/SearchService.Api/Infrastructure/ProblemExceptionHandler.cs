using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using SearchService.Search.Indexing;

namespace SearchService.Api.Infrastructure;

/// <summary>
/// Every exception that reaches the host becomes RFC 7807 problem details, in every environment:
/// what a user caused is a 4xx naming the parameter or limit, a missing or damaged index a 503 with
/// its reason (no paths), a refused build a 409, and anything else a 500 that names only the
/// request id (the log has the rest).
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var http = httpContext;
        if (exception is OperationCanceledException && http.RequestAborted.IsCancellationRequested)
        {
            http.Response.StatusCode = 499; // the client went away; nothing to write
            return true;
        }
        var problem = Describe(exception);
        if (problem.Status >= 500) LogServerError(log, http.TraceIdentifier, http.Request.Method, http.Request.Path.Value, problem.Status!.Value, exception);
        http.Response.StatusCode = problem.Status!.Value;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable) http.Response.Headers.RetryAfter = "30";
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    internal static ProblemDetails Describe(Exception exception) => exception switch
    {
        BadHttpRequestException e => Problem(e.StatusCode, e.StatusCode == 400 ? "Bad request" : "Request not accepted", Unwrap(e)),
        QuerySyntaxException e => Problem(400, "Malformed query", e.Message),
        QueryLimitException e => Problem(400, "Request over a limit", e.Message, ("limit", e.Limit), ("value", e.Value)),
        ParameterException e => Problem(400, "Invalid parameter", e.Message, ("parameter", e.Parameter)),
        // Whatever the query and filter caps miss, Lucene's own clause limit is still the user's request, never a server error.
        Lucene.Net.Search.BooleanQuery.TooManyClausesException => Problem(400, "Request over a limit",
            $"The search expands to more than {Lucene.Net.Search.BooleanQuery.MaxClauseCount:N0} clauses: use fewer words or filter values.",
            ("limit", "maxClauses"), ("value", Lucene.Net.Search.BooleanQuery.MaxClauseCount)),
        IndexBuildRefusedException e => Problem(409, "Build refused", e.Message, ("reason", e.Reason.ToString())),
        IndexStorageException e => Problem(503, "Index not written", e.Message),
        IndexUnavailableException e => Problem(503, "Index unavailable", e.Message),
        _ when IsIndexDamage(exception) => Problem(503, "Index unavailable", $"The index cannot be read: {IndexHealth.Describe(exception)}. Rebuild it or roll back to the previous generation."),
        _ => Problem(500, "Internal error", "Something went wrong on the server. The request id identifies it in the log."),
    };

    /// <summary>Errors reading the served index (Lucene reports damage as I/O and corruption exceptions).</summary>
    private static bool IsIndexDamage(Exception e) => e is IOException; // CorruptIndexException and EndOfStreamException included

    private static string Unwrap(BadHttpRequestException e)
    {
        var detail = e.Message;
        if (e.InnerException is System.Text.Json.JsonException json) detail += " " + json.Message.Split(" Path:")[0];
        return detail.Length <= 400 ? detail : detail[..400] + "…";
    }

    private static ProblemDetails Problem(int status, string title, string detail, params (string Key, object? Value)[] extensions)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        foreach (var (key, value) in extensions) problem.Extensions[key] = value;
        return problem;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{RequestId} {Method} {Path} failed with {Status}")]
    private static partial void LogServerError(ILogger logger, string requestId, string method, string? path, int status, Exception exception);
}

/// <summary>The served index cannot be opened now (missing, damaged, or being built for the first time).</summary>
public sealed class IndexUnavailableException(string message) : Exception(message);

/// <summary>A query-string parameter that cannot be read; names the parameter.</summary>
public sealed class ParameterException(string parameter, string message) : Exception(message)
{
    public string Parameter { get; } = parameter;
}
