using System.Globalization;
using SearchService.Api.Features.Permalinks;

namespace SearchService.Api.Infrastructure;

/// <summary>
/// A link longer than the server accepts (<c>Http:MaxUrlLength</c>, 8,000 characters by default)
/// fails with a readable 414: a page saying so, with a way back, or a problem for API clients.
/// Kestrel's own request-line limit is set well above this one, so that such a link reaches here
/// instead of being cut off with an empty response.
/// </summary>
public sealed class UrlLengthLimit(RequestDelegate next, IConfiguration configuration)
{
    public const int DefaultMaxUrlLength = 8_000;

    private readonly int _max = Max(configuration);

    public static int Max(IConfiguration c) => Math.Max(256, c.GetValue("Http:MaxUrlLength", DefaultMaxUrlLength));

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        // The link as sent (percent-encoded), as the browser counted it.
        // (An in-memory test host leaves the raw target empty: then count the path and query as ASP.NET Core holds them.)
        var raw = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget;
        int length = !string.IsNullOrEmpty(raw) ? raw.Length
            : (request.PathBase.Value?.Length ?? 0) + (request.Path.ToUriComponent().Length) + (request.QueryString.Value?.Length ?? 0);
        if (length <= _max)
        {
            await next(context);
            return;
        }
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"This link is {length:N0} characters long; the server accepts links of at most {_max:N0}. It probably holds a very long search or many filters: start a new search, or remove some filters, and share that link instead.");
        IResult result = request.Path.StartsWithSegments("/api")
            ? TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status414UriTooLong, title: "Link too long",
                extensions: new Dictionary<string, object?> { ["limit"] = "maxUrlLength", ["value"] = _max })
            : HtmlPage.Error(request, StatusCodes.Status414UriTooLong, "Link too long", detail);
        await result.ExecuteAsync(context);
    }
}
