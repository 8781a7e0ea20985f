using System.Text;
using SearchService.Core;
using SearchService.Search.Indexing;
using static SearchService.Api.Features.Permalinks.HtmlPage;

namespace SearchService.Api.Features.Permalinks;

/// <summary>GET /p/{paragraphId} (a paragraph in context) and GET /d/{documentId} (a document's outline): readable HTML pages.</summary>
public static class PermalinkEndpoints
{
    public static IEndpointRouteBuilder MapPermalinks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Pages");
        group.MapGet("/p/{id}", Paragraph).WithSummary("A paragraph's permanent page");
        group.MapGet("/d/{id}", Outline).WithSummary("A document's outline page");
        return app;
    }

    internal static Results<ContentHttpResult, ProblemHttpResult> Paragraph(string id, ReportIndex index, LinkBuilder links, HttpRequest http)
    {
        var p = index.GetParagraph(id);
        if (p is null)
        {
            // A paragraph id is its document's id, '~' and a label: when the document is known, offer it.
            var documentId = id.Split('~')[0];
            (string, string)[] ways = index.GetDocument(documentId) is { } known
                ? [($"/d/{Uri.EscapeDataString(known.Id)}", $"The outline of {known.Title} ({known.Authority}, {known.Date:d MMMM yyyy})")]
                : [];
            return Error(http, StatusCodes.Status404NotFound, "Paragraph not found",
                $"No paragraph has the id '{Clip(id)}'. The link may be mistyped or cut short, or the paragraph's document is no longer indexed.", ways);
        }
        var (previousId, nextId) = p.Neighbours();
        var previous = previousId is null ? null : index.GetParagraph(previousId);
        var next = nextId is null ? null : index.GetParagraph(nextId);
        var url = links.Permalink(p.Id);
        var markdown = Citations.Format(p.Document.ToModel(), p.Label, "markdown", url);
        var sb = new StringBuilder();
        sb.Append($"<nav class=\"crumbs\" aria-label=\"Document\"><a href=\"/d/{Uri.EscapeDataString(p.DocumentId)}\">{E(p.Document.Title)}</a></nav>");
        sb.Append($"<p class=\"meta\">{E(p.Document.DocumentType)} · {E(p.Document.Authority)} · {E(p.Document.Date?.ToString("d MMMM yyyy"))}{(p.Document.PartOf is null ? "" : " · " + E(p.Document.PartOf))}</p>");
        if (p.SectionPath.Count > 0) sb.Append($"<p class=\"path\">{string.Join(" › ", p.SectionPath.Select(E))}</p>");
        sb.Append($"<h1>Paragraph {E(p.Label)} {GradeBadge(p.Grade)}</h1>");
        if (p.OutcomeArea is not null) sb.Append($"<p class=\"meta\">Outcome area: {E(p.OutcomeArea)}</p>");
        if (previous is not null) sb.Append($"<p class=\"context\"><a href=\"/p/{Uri.EscapeDataString(previous.Id)}\" rel=\"prev\">← Paragraph {E(previous.Label)}</a> {E(Clip(previous.Text))}</p>");
        sb.Append($"<blockquote class=\"focus\">{E(p.Text).Replace("\n", "<br>")}</blockquote>");
        if (next is not null) sb.Append($"<p class=\"context\"><a href=\"/p/{Uri.EscapeDataString(next.Id)}\" rel=\"next\">Paragraph {E(next.Label)} →</a> {E(Clip(next.Text))}</p>");
        sb.Append("<section class=\"cite\" aria-label=\"Citation\"><h2>Cite this paragraph</h2>");
        sb.Append($"<p id=\"citation\">{E(p.Citation)}</p>");
        sb.Append($"<button type=\"button\" data-copy=\"{E(p.Citation + " " + url)}\">Copy citation</button> ");
        sb.Append($"<button type=\"button\" data-copy=\"{E(markdown)}\">Copy as Markdown</button>");
        sb.Append($"<p class=\"meta\">Permanent link: <a href=\"{E(url)}\">{E(url)}</a></p></section>");
        // The briefing basket lives in the browser (page.js adds to it); its export is on the search page.
        sb.Append("<section class=\"add-briefing\" aria-labelledby=\"briefingTitle\"><h2 id=\"briefingTitle\">Briefing</h2>");
        sb.Append($"<button type=\"button\" class=\"primary\" data-add-to-briefing data-id=\"{E(p.Id)}\" data-title=\"{E(p.Document.Title)}\" data-paragraph=\"{E(p.Label)}\" data-citation=\"{E(p.Citation)}\">Add to briefing</button>");
        sb.Append("<p id=\"briefingStatus\" role=\"status\"></p></section>");
        sb.Append($"<p><a href=\"/d/{Uri.EscapeDataString(p.DocumentId)}\">Whole document outline</a> · <a href=\"/\">Search</a></p>");
        return TypedResults.Content(Render($"{p.Document.Title}, {Citations.Locator(p.Label)}", sb.ToString()), "text/html; charset=utf-8");
    }

    /// <summary>The publication date, saying how it is known ("published 8 September 2014", "PDF produced 12 July 2019").</summary>
    private static string DateText(DocumentRecord d) => d.Date is not { } date ? "undated" : d.DateBasis switch
    {
        Core.Model.DateBasis.PdfProduced => $"PDF produced {date:d MMMM yyyy} (publication date not printed)",
        Core.Model.DateBasis.LetterDate => $"letter dated {date:d MMMM yyyy}",
        Core.Model.DateBasis.MeetingDate => $"meeting of {date:d MMMM yyyy}",
        _ => $"published {date:d MMMM yyyy}",
    };

    internal static Results<ContentHttpResult, ProblemHttpResult> Outline(string id, ReportIndex index, HttpRequest http)
    {
        var d = index.GetDocument(id);
        if (d is null)
            return Error(http, StatusCodes.Status404NotFound, "Document not found",
                $"No document has the id '{Clip(id)}'. The link may be mistyped or cut short, or the document is no longer indexed.");
        var paragraphs = index.GetParagraphs(d.ParagraphIds).ToDictionary(p => p.Id);
        var sb = new StringBuilder();
        sb.Append($"<h1>{E(d.Title)}</h1>");
        sb.Append($"<p class=\"meta\">{E(d.DocumentType)} · {E(d.Publisher)} · {E(d.Authority)}{(d.Region is null ? "" : $" ({E(d.Region)})")} · {E(DateText(d))}");
        if (d.InspectionStart is not null) sb.Append($" · inspected {E(d.InspectionStart?.ToString("d MMMM yyyy"))} to {E(d.InspectionEnd?.ToString("d MMMM yyyy"))}");
        if (d.LeadInspector is not null) sb.Append($" · lead inspector {E(d.LeadInspector)}");
        sb.Append("</p>");
        if (d.Judgements.Count > 0)
        {
            sb.Append("<h2>Judgements</h2><table><thead><tr><th scope=\"col\">Judgement</th><th scope=\"col\">Level</th><th scope=\"col\">As printed</th></tr></thead><tbody>");
            foreach (var j in d.Judgements)
                sb.Append($"<tr><td>{E(j.Area)}</td><td>{LevelBadge(j.Grade)}</td><td>{(j.ParagraphId is null ? E(j.Grade.Raw) : $"<a href=\"/p/{Uri.EscapeDataString(j.ParagraphId)}\">{E(j.Grade.Raw)}</a>")}</td></tr>");
            sb.Append("</tbody></table>");
        }
        sb.Append("<h2>Outline</h2>");
        foreach (var s in d.Sections)
        {
            int depth = Math.Max(1, s.Path.Count);
            sb.Append($"<section class=\"outline depth-{Math.Min(depth, 4)}\"><h3>{(s.Path.Count == 0 ? "(opening)" : E(s.Path[^1]))} {GradeBadge(s.Grade)}</h3><ul>");
            foreach (var pid in s.ParagraphIds)
                if (paragraphs.TryGetValue(pid, out var p))
                    sb.Append($"<li><a href=\"/p/{Uri.EscapeDataString(pid)}\">{E(p.Label)}</a> {E(Clip(p.Text))}</li>");
            sb.Append("</ul></section>");
        }
        return TypedResults.Content(Render(d.Title, sb.ToString()), "text/html; charset=utf-8");
    }

    private static string Clip(string text)
    {
        var t = text.Replace('\n', ' ');
        return t.Length <= 140 ? t : t[..140].TrimEnd() + "…";
    }
}
