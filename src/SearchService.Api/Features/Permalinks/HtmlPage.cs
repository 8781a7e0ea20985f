using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SearchService.Api.Features.Permalinks;

/// <summary>The frame of the server-rendered pages: accessible, self-contained (no downloads from other sites).</summary>
internal static class HtmlPage
{
    public static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    public static string Render(string title, string body) => $$"""
        <!doctype html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{E(title)}} — SearchService</title>
        <link rel="icon" href="data:,">
        <link rel="stylesheet" href="/app.css">
        </head>
        <body>
        <a class="skip" href="#main">Skip to main content</a>
        <header class="bar"><a class="brand" href="/">SearchService</a><span class="tag">children's services evidence</span>
          <nav class="site" aria-label="Site"><a href="/">Search</a> <a href="/england">England</a></nav></header>
        <main id="main" class="page" tabindex="-1">
        {{body}}
        </main>
        {{Footer}}
        <script src="/page.js"></script>
        </body>
        </html>
        """;

    /// <summary>
    /// The footer of every page, the static ones in wwwroot too (<see cref="StaticPage"/> puts it in
    /// their <see cref="FooterSlot"/>): the accessibility statement public bodies must link from every
    /// page, and the API's documentation.
    /// </summary>
    public const string Footer = """
        <footer class="site-footer"><nav aria-label="Support links"><ul>
          <li><a href="/accessibility">Accessibility statement</a></li>
          <li><a href="/scalar/">API documentation</a></li>
          <li><a href="/openapi/v1.json">OpenAPI document</a></li>
        </ul></nav></footer>
        """;

    /// <summary>Where a static page in wwwroot has its footer: the page is served with <see cref="Footer"/> in its place.</summary>
    public const string FooterSlot = "<!-- site footer -->";

    /// <summary>A page of wwwroot (the search and England pages), its footer filled in; the static-file middleware serves no .html file itself.</summary>
    public static Results<ContentHttpResult, ProblemHttpResult> StaticPage(IWebHostEnvironment env, string file)
    {
        var info = env.WebRootFileProvider.GetFileInfo(file);
        if (!info.Exists) return TypedResults.Problem(detail: $"The page {file} is missing from wwwroot.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        using var reader = new StreamReader(info.CreateReadStream());
        return TypedResults.Content(reader.ReadToEnd().Replace(FooterSlot, Footer, StringComparison.Ordinal), "text/html; charset=utf-8");
    }

    /// <summary>
    /// An error as a page a person can read, with a way back (the search page, the England page,
    /// and any <paramref name="ways"/> that fit the case), unless the client asked for JSON only:
    /// then the usual RFC 7807 problem.
    /// </summary>
    public static Results<ContentHttpResult, ProblemHttpResult> Error(HttpRequest request, int status, string title, string detail, params (string Href, string Text)[] ways)
    {
        if (!Infrastructure.HtmlProblemWriter.PrefersHtml(request)) return TypedResults.Problem(detail: detail, statusCode: status, title: title);
        return TypedResults.Content(ErrorPage(title, detail, status, request.HttpContext.TraceIdentifier, ways), "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary>The page of every error a person sees: what went wrong, the request id to quote, and ways on.</summary>
    public static string ErrorPage(string title, string detail, int status, string requestId, params (string Href, string Text)[] ways)
    {
        var links = ways.Concat<(string Href, string Text)>([("/", "Search the reports"), ("/england", "Every authority's judgements")])
            .Select(w => $"<li><a href=\"{E(w.Href)}\">{E(w.Text)}</a></li>");
        var body = $"<h1>{E(title)}</h1><p>{E(detail)}</p><p>Status {status}. Request id: <code>{E(requestId)}</code> (quote it if you report this).</p>" +
            $"<h2>Where next</h2><ul class=\"ways\">{string.Concat(links)}</ul>";
        return Render(title, body);
    }

    /// <summary>
    /// A grade as the words the report printed; when those words name no level ("Grade 2") the level
    /// follows in words, so the grade is never told by the badge's colour alone.
    /// </summary>
    public static string GradeBadge(Core.Model.Grade? g) =>
        g is null ? "" : $"<span class=\"grade grade-{E(g.Label.Replace(' ', '-'))}\">{E(GradeText(g.Raw, g.Label))}</span>";

    /// <summary>A grade's level in words ("requires improvement"), for a table whose next column holds the printed words.</summary>
    public static string LevelBadge(Core.Model.Grade g) => $"<span class=\"grade grade-{E(g.Label.Replace(' ', '-'))}\">{E(g.Label)}</span>";

    /// <summary>The printed words, with the level added when they do not say it (the same rule as the pages' scripts).</summary>
    public static string GradeText(string raw, string label) =>
        LevelWords.Any(w => raw.Contains(w, StringComparison.OrdinalIgnoreCase)) ? raw : $"{raw} ({label})";

    private static readonly string[] LevelWords = ["outstanding", "good", "adequate", "requires improvement", "inadequate", "not judged", "satisfactory", "poor", "excellent"];
}
