using System.Globalization;
using SearchService.Core.Model;

namespace SearchService.Core;

/// <summary>Citation styles for a paragraph, built from its document's metadata.</summary>
public static class Citations
{
    public static readonly IReadOnlyList<string> Styles = ["plain", "markdown", "harvard", "oscola"];

    /// <summary>The document part of a citation: "Ofsted (2011) Inspection of …: Coventry".</summary>
    public static string Source(ReportDocument d) => $"{d.Publisher} ({Year(d)}) {FullTitle(d)}";

    private static string Year(ReportDocument d) => d.Date?.Year.ToString(CultureInfo.InvariantCulture) ?? "n.d.";

    /// <summary>The title, with the meeting pack it belongs to for a sub-document.</summary>
    private static string FullTitle(ReportDocument d) => d.PartOf is null ? d.Title : $"{d.PartOf}: {d.Title}";

    /// <summary>Plain style: "Ofsted (2011) Inspection of safeguarding and looked after children services: Coventry, para. 86."</summary>
    public static string Plain(ReportDocument d, string label) => $"{Source(d)}, para. {label}.";

    public static string Format(ReportDocument d, string label, string style, string url)
    {
        var year = Year(d);
        var title = FullTitle(d);
        var date = d.Date?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        return style switch
        {
            "markdown" => $"{d.Publisher} ({year}) [{title}, para. {label}]({url}).",
            "harvard" => $"{d.Publisher} ({year}) *{title}*, para. {label}. Available at: {url}.",
            "oscola" => $"{d.Publisher}, *{title}* ({(date ?? year)}) para {label} <{url}>.",
            _ => Plain(d, label),
        };
    }
}
