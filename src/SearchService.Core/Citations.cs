using System.Globalization;
using SearchService.Core.Model;

namespace SearchService.Core;

/// <summary>Citation styles for a paragraph, built from its document's metadata.</summary>
public static class Citations
{
    public static readonly IReadOnlyList<string> Styles = ["plain", "markdown", "harvard", "oscola"];

    /// <summary>The document part of a citation: "Ofsted (2011) Inspection of …: Coventry", dated by the publication year.</summary>
    public static string Source(ReportDocument d) => $"{d.Publisher} ({Year(d)}) {FullTitle(d)}";

    private static string Year(ReportDocument d) => d.Date?.Year.ToString(CultureInfo.InvariantCulture) ?? "n.d.";

    /// <summary>The title, with the meeting pack it belongs to for a sub-document.</summary>
    private static string FullTitle(ReportDocument d) => d.PartOf is null ? d.Title : $"{d.PartOf}: {d.Title}";

    /// <summary>Plain style: "Ofsted (2011) Inspection of safeguarding and looked after children services: Coventry, para. 86."</summary>
    public static string Plain(ReportDocument d, string label) => $"{Source(d)}, {Locator(label)}.";

    /// <summary>
    /// Where in the document: "para. 86" for a printed or reading-order number; otherwise the
    /// label as it stands ("Table 1", "front page", "Record of main findings", "Headline summary, para. 2").
    /// </summary>
    public static string Locator(string label) => label.Length > 0 && char.IsDigit(label[0]) && label.All(c => char.IsDigit(c) || c == '.') ? $"para. {label}" : label;

    public static string Format(ReportDocument d, string label, string style, string url)
    {
        var year = Year(d);
        var title = FullTitle(d);
        var date = d.Date?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        return style switch
        {
            "markdown" => $"{d.Publisher} ({year}) [{title}, {Locator(label)}]({url}).",
            "harvard" => $"{d.Publisher} ({year}) *{title}*, {Locator(label)}. Available at: {url}.",
            "oscola" => $"{d.Publisher}, *{title}* ({(date ?? year)}) {Locator(label).Replace("para. ", "para ", StringComparison.Ordinal)} <{url}>.",
            _ => Plain(d, label),
        };
    }
}
