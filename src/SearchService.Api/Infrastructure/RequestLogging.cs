using System.Diagnostics;

namespace SearchService.Api.Infrastructure;

/// <summary>One structured log line per request: request id, method, path, status and time taken.</summary>
public sealed class RequestLogging(RequestDelegate next, ILogger<RequestLogging> log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var clock = Stopwatch.StartNew();
        context.Response.Headers["X-Request-Id"] = context.TraceIdentifier;
        try
        {
            await next(context);
        }
        finally
        {
            log.LogInformation("{RequestId} {Method} {Path} → {Status} in {Elapsed:0.0} ms",
                context.TraceIdentifier, context.Request.Method, context.Request.Path.Value, context.Response.StatusCode, clock.Elapsed.TotalMilliseconds);
        }
    }
}
