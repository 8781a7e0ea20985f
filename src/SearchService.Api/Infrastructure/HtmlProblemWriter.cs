using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using SearchService.Api.Features.Permalinks;

namespace SearchService.Api.Infrastructure;

/// <summary>
/// Problem details by content negotiation: a browser (a request whose Accept header prefers
/// <c>text/html</c> to JSON) gets an accessible page with a heading, the reason and a way back;
/// every other client keeps <c>application/problem+json</c>, which the default writer produces.
/// Registered before the default writer, so it is asked first.
/// </summary>
public sealed class HtmlProblemWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => PrefersHtml(context.HttpContext.Request);

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var p = context.ProblemDetails;
        var status = p.Status ?? http.Response.StatusCode;
        var title = p.Title ?? ReasonPhrases(status);
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(HtmlPage.ErrorPage(title, p.Detail ?? "The request could not be completed.", status, http.TraceIdentifier), http.RequestAborted);
    }

    /// <summary>True when text/html is accepted with a higher quality than any JSON type (browsers send text/html first).</summary>
    internal static bool PrefersHtml(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)) return false;
        double html = -1, json = -1;
        foreach (var a in accepted)
        {
            var q = a.Quality ?? 1.0;
            var type = a.MediaType.Value ?? "";
            if (type is "text/html" or "application/xhtml+xml") html = Math.Max(html, q);
            else if (type.EndsWith("json", StringComparison.OrdinalIgnoreCase)) json = Math.Max(json, q);
        }
        return html > 0 && html >= json;
    }

    private static string ReasonPhrases(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } r ? r : "Error";
}
