using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace SearchService.Api.Infrastructure;

/// <summary>
/// ASP.NET Core's rate limiter, in one table: each costly kind of request has a per-client limit
/// per minute (by client address), and searches, asks, trends, exports and briefings together share
/// a concurrency limit with a short queue, so a few expensive clients cannot starve everyone else.
/// A rejection is a 429 problem with <c>Retry-After</c>.
/// </summary>
public static class RateLimits
{
    /// <summary>Which limit a request path falls under; null for cheap reads (documents, paragraphs, pages, health).</summary>
    internal static (string Kind, bool Expensive)? Classify(PathString path)
    {
        if (path.StartsWithSegments("/api/search") || path.StartsWithSegments("/api/trends")) return ("search", true);
        if (path.StartsWithSegments("/api/ask")) return ("ask", true);
        if (path.StartsWithSegments("/api/briefings")) return ("briefings", true);
        if (path.StartsWithSegments("/api/exports") || path.StartsWithSegments("/api/export")) return ("exports", true);
        if (path.StartsWithSegments("/api/admin")) return ("admin", false);
        return null;
    }

    private static int PerMinute(RateLimitOptions o, string kind) => kind switch
    {
        "search" => o.SearchPerMinute,
        "ask" => o.AskPerMinute,
        "briefings" => o.BriefingsPerMinute,
        "exports" => o.ExportsPerMinute,
        _ => o.AdminPerMinute,
    };

    public static IServiceCollection AddSearchRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((o, settings) =>
        {
            var limits = settings.Value;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            var perClient = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (Classify(http.Request.Path) is not { } c || PerMinute(limits, c.Kind) <= 0) return RateLimitPartition.GetNoLimiter("");
                var client = http.Connection.RemoteIpAddress is { } ip ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString() : IPAddress.None.ToString();
                return RateLimitPartition.GetFixedWindowLimiter($"{c.Kind} {client}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = PerMinute(limits, c.Kind),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            var concurrency = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                Classify(http.Request.Path) is { Expensive: true }
                    ? RateLimitPartition.GetConcurrencyLimiter("expensive", _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = limits.ConcurrentRequests,
                        QueueLimit = limits.QueueLength,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    })
                    : RateLimitPartition.GetNoLimiter("cheap"));
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(perClient, concurrency);
            o.OnRejected = OnRejected;
        });
        return services.AddRateLimiter(_ => { });
    }

    private static async ValueTask OnRejected(OnRejectedContext context, CancellationToken token)
    {
        var http = context.HttpContext;
        // A per-client window says when it reopens; a full queue has no such date, so a second is a fair guess.
        int seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 1;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var kind = Classify(http.Request.Path)?.Kind ?? "request";
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out _)
                    ? $"This client has made too many {kind} requests this minute; try again in {seconds} s."
                    : $"The server is busy with other searches; try again in {seconds} s.",
                Extensions = { ["retryAfterSeconds"] = seconds },
            },
        });
    }
}
