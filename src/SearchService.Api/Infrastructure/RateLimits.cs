using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace SearchService.Api.Infrastructure;

/// <summary>Rate limits (ASP.NET Core's limiter), per client address: /api/ask and the admin endpoints.</summary>
public static class RateLimits
{
    public const string Ask = "ask";
    public const string Admin = "admin";

    public static IServiceCollection AddSearchRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        int askPerMinute = configuration.GetValue("RateLimits:AskPerMinute", 600);
        int adminPerMinute = configuration.GetValue("RateLimits:AdminPerMinute", 10);
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, token) =>
            {
                await context.HttpContext.Response.WriteAsJsonAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Status = 429,
                    Title = "Too many requests",
                    Detail = "This client has made too many requests; wait a minute and try again.",
                }, options: null, contentType: "application/problem+json", cancellationToken: token);
            };
            o.AddPolicy(Ask, http => RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = askPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(Admin, http => RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = adminPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }
}
