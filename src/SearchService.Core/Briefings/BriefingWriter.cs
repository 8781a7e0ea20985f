using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SearchService.Core.Briefings;

/// <summary>
/// Writes a briefing as Markdown, HTML or DOCX: the title, each note and quote with a footnote
/// marker, numbered footnotes with the full citation and link, and a list of sources that names
/// each document once. DOCX footnotes are real Word footnotes (DocumentFormat.OpenXml).
/// </summary>
public static class BriefingWriter
{
    public static byte[] Write(Briefing b, string format)
    {
        b = XmlSafe(b);
        return format switch
        {
            BriefingFormats.Markdown => Encoding.UTF8.GetBytes(Markdown(b)),
            BriefingFormats.Html => Encoding.UTF8.GetBytes(Html(b)),
            BriefingFormats.Docx => Docx(b),
            _ => throw new ArgumentException($"Unknown briefing format '{format}'."),
        };
    }

    /// <summary>
    /// The briefing with only characters XML can hold: a note typed with a control character (or
    /// text indexed before ingest removed them) would otherwise make a DOCX Word refuses to open.
    /// </summary>
    public static Briefing XmlSafe(Briefing b)
    {
        static string S(string s) => Reading.DocumentReaders.XmlSafe(s);
        return b with
        {
            Title = S(b.Title),
            Items = b.Items.Select(i => new BriefingItem(i.Note is null ? null : S(i.Note), S(i.Quote), S(i.Citation), S(i.Url), i.SourceId, S(i.SourceCitation), S(i.SourceUrl))).ToList(),
        };
    }

    private static string Date(Briefing b) => b.Created.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Markdown(Briefing b)
    {
        var sb = new StringBuilder();
        sb.Append("# ").AppendLine(EscapeMarkdown(b.Title)).AppendLine();
        sb.Append('*').Append(Date(b)).AppendLine("*").AppendLine();
        for (int i = 0; i < b.Items.Count; i++)
        {
            var item = b.Items[i];
            if (!string.IsNullOrWhiteSpace(item.Note)) sb.AppendLine(EscapeMarkdown(item.Note.Trim())).AppendLine();
            var lines = item.Quote.Split('\n');
            for (int k = 0; k < lines.Length; k++)
                sb.Append("> ").Append(EscapeMarkdown(lines[k])).AppendLine(k == lines.Length - 1 ? $"[^{i + 1}]" : "  ");
            sb.AppendLine();
        }
        sb.AppendLine("## Sources").AppendLine();
        foreach (var s in b.Sources) sb.Append("- [").Append(EscapeMarkdown(s.SourceCitation)).Append("](").Append(s.SourceUrl).AppendLine(")");
        sb.AppendLine();
        for (int i = 0; i < b.Items.Count; i++)
            sb.Append("[^").Append(i + 1).Append("]: ").Append(EscapeMarkdown(b.Items[i].Citation)).Append(" <").Append(b.Items[i].Url).AppendLine(">");
        return sb.ToString();
    }

    public static string Html(Briefing b)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var sb = new StringBuilder();
        sb.AppendLine("<!doctype html>").AppendLine("<html lang=\"en-GB\"><head><meta charset=\"utf-8\">");
        sb.Append("<title>").Append(E(b.Title)).AppendLine("</title>");
        sb.AppendLine("<style>body{font-family:Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}blockquote{border-left:4px solid #1d70b8;margin:1rem 0;padding:.25rem 1rem;background:#f3f7fb}sup a{text-decoration:none}.footnotes{font-size:.9rem;border-top:1px solid #ccc;margin-top:2rem}</style>");
        sb.AppendLine("</head><body>");
        sb.Append("<h1>").Append(E(b.Title)).AppendLine("</h1>");
        sb.Append("<p><em>").Append(E(Date(b))).AppendLine("</em></p>");
        for (int i = 0; i < b.Items.Count; i++)
        {
            var item = b.Items[i];
            if (!string.IsNullOrWhiteSpace(item.Note)) sb.Append("<p>").Append(E(item.Note.Trim())).AppendLine("</p>");
            sb.Append("<blockquote><p>").Append(E(item.Quote).Replace("\n", "<br>"))
              .Append($"<sup id=\"ref{i + 1}\"><a href=\"#fn{i + 1}\">[{i + 1}]</a></sup>").AppendLine("</p></blockquote>");
        }
        sb.AppendLine("<h2>Sources</h2><ul>");
        foreach (var s in b.Sources) sb.Append("<li><a href=\"").Append(E(s.SourceUrl)).Append("\">").Append(E(s.SourceCitation)).AppendLine("</a></li>");
        sb.AppendLine("</ul><section class=\"footnotes\"><h2>Notes</h2><ol>");
        for (int i = 0; i < b.Items.Count; i++)
            sb.Append($"<li id=\"fn{i + 1}\">").Append(E(b.Items[i].Citation)).Append(" <a href=\"").Append(E(b.Items[i].Url)).Append("\">").Append(E(b.Items[i].Url))
              .Append($"</a> <a href=\"#ref{i + 1}\" aria-label=\"back to quote {i + 1}\">↩</a></li>").AppendLine();
        sb.AppendLine("</ol></section></body></html>");
        return sb.ToString();
    }

    public static byte[] Docx(Briefing b)
    {
        b = XmlSafe(b);
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            AddStyles(main);
            var footnotesPart = main.AddNewPart<FootnotesPart>();
            var footnotes = new Footnotes(
                new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
            var body = new Body();
            body.Append(StyledParagraph("Title", b.Title));
            body.Append(StyledParagraph("Subtitle", Date(b)));
            for (int i = 0; i < b.Items.Count; i++)
            {
                var item = b.Items[i];
                if (!string.IsNullOrWhiteSpace(item.Note)) body.Append(new Paragraph(new Run(new Text(item.Note.Trim()) { Space = SpaceProcessingModeValues.Preserve })));
                long id = i + 1;
                var quote = StyledParagraph("Quote", item.Quote.Replace('\n', ' '));
                quote.Append(new Run(new RunProperties(new RunStyle { Val = "FootnoteReference" }), new FootnoteReference { Id = id }));
                body.Append(quote);
                footnotes.Append(new Footnote(
                    new Paragraph(
                        new ParagraphProperties(new ParagraphStyleId { Val = "FootnoteText" }),
                        new Run(new RunProperties(new RunStyle { Val = "FootnoteReference" }), new FootnoteReferenceMark()),
                        new Run(new Text($" {item.Citation} {item.Url}") { Space = SpaceProcessingModeValues.Preserve })))
                { Id = id });
            }
            body.Append(StyledParagraph("Heading1", "Sources"));
            foreach (var s in b.Sources) body.Append(StyledParagraph("ListParagraph", $"{s.SourceCitation} {s.SourceUrl}"));
            body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 }, new PageMargin { Top = 1440, Right = 1440, Bottom = 1440, Left = 1440, Header = 708, Footer = 708, Gutter = 0 }));
            footnotesPart.Footnotes = footnotes;
            main.Document = new Document(body);
            doc.PackageProperties.Title = b.Title;
            doc.PackageProperties.Creator = "SearchService";
        }
        return stream.ToArray();
    }

    private static Paragraph StyledParagraph(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        Style Para(string id, string name, int halfPoints, bool bold = false, bool italic = false, int? indent = null) =>
            new(new StyleName { Val = name }, new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new SpacingBetweenLines { After = "160" }, indent is null ? new Indentation() : new Indentation { Left = indent.Value.ToString(CultureInfo.InvariantCulture) }),
                new StyleRunProperties(bold ? new Bold() : new Bold { Val = false }, italic ? new Italic() : new Italic { Val = false }, new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) }))
            { Type = StyleValues.Paragraph, StyleId = id };
        part.Styles = new Styles(
            new Style(new StyleName { Val = "Normal" }, new StyleRunProperties(new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri" }, new FontSize { Val = "22" }))
            { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Para("Title", "Title", 40, bold: true),
            Para("Subtitle", "Subtitle", 22, italic: true),
            Para("Heading1", "heading 1", 28, bold: true),
            Para("Quote", "Quote", 22, italic: true, indent: 720),
            Para("ListParagraph", "List Paragraph", 20, indent: 360),
            Para("FootnoteText", "footnote text", 18),
            new Style(new StyleName { Val = "footnote reference" }, new StyleRunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }))
            { Type = StyleValues.Character, StyleId = "FootnoteReference" });
    }

    private static string EscapeMarkdown(string s) => s.Replace("\\", "\\\\").Replace("[", "\\[").Replace("]", "\\]").Replace("*", "\\*").Replace("_", "\\_").Replace("<", "&lt;");
}
