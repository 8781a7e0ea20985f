using System.Net;

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
        <a class="skip" href="#main">Skip to content</a>
        <header class="bar"><a class="brand" href="/">SearchService</a><span class="tag">children's services evidence</span></header>
        <main id="main" class="page">
        {{body}}
        </main>
        <script src="/page.js"></script>
        </body>
        </html>
        """;

    public static string GradeBadge(Core.Model.Grade? g) =>
        g is null ? "" : $"<span class=\"grade grade-{E(g.Label.Replace(' ', '-'))}\" title=\"level: {E(g.Label)}\">{E(g.Raw)}</span>";
}
