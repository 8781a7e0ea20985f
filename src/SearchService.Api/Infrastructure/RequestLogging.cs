using Microsoft.Extensions.Options;

namespace SearchService.Api.Infrastructure;

/// <summary>
/// The outermost middleware: every response carries <c>X-Request-Id</c> (500s and 429s included,
/// as the header is added when the response starts, after any handler cleared it), and at most
/// one structured line per request records its real status, written after the response through
/// the logger's own queue. Mode <c>Problems</c> (the production setting) logs only server errors
/// and slow requests, so hostile load cannot fill the disk.
/// </summary>
public sealed partial class RequestLogging(RequestDelegate next, ILogger<RequestLogging> log, IOptionsMonitor<RequestLoggingOptions> options, TimeProvider clock)
{
    public const string Header = "X-Request-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        long started = clock.GetTimestamp();
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            http.Response.Headers[Header] = http.TraceIdentifier;
            return Task.CompletedTask;
        }, context);
        try
        {
            await next(context);
        }
        finally
        {
            Write(context, clock.GetElapsedTime(started));
        }
    }

    private void Write(HttpContext context, TimeSpan elapsed)
    {
        var settings = options.CurrentValue;
        int status = context.Response.StatusCode;
        bool slow = elapsed.TotalMilliseconds >= settings.SlowMs;
        bool wanted = settings.Mode switch
        {
            RequestLogMode.All => true,
            RequestLogMode.Problems => status >= 500 || slow,
            _ => false,
        };
        if (!wanted) return;
        var level = status >= 500 ? LogLevel.Error : slow ? LogLevel.Warning : LogLevel.Information;
        LogRequest(log, level, context.TraceIdentifier, context.Request.Method, context.Request.Path.Value, status, elapsed.TotalMilliseconds);
    }

    [LoggerMessage(Message = "{RequestId} {Method} {Path} → {Status} in {ElapsedMs:0.0} ms")]
    private static partial void LogRequest(ILogger logger, LogLevel level, string requestId, string method, string? path, int status, double elapsedMs);
}

/// <summary>
/// Headers for every response: a strict Content-Security-Policy (the page's own scripts and
/// styles only, no framing), no MIME sniffing, no referrer sent to other sites.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The interactive API docs (Scalar, under /scalar) start from an inline module script and
    /// inject their own styles: allowed there only, still nothing from other sites.
    /// </summary>
    public const string ApiDocsContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/scalar") ? ApiDocsContentSecurityPolicy : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
