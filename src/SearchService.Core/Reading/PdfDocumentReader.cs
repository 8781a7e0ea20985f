using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace SearchService.Core.Reading;

/// <summary>
/// Reads a published PDF report into text the segmenter understands: lines re-flowed into
/// paragraphs (blank line between paragraphs), headings marked as Markdown headings by their
/// type size or weight, running headers and footers, page numbers, footnote markers and
/// footnote bodies removed, hyphenation at line ends repaired.
/// </summary>
public sealed partial class PdfDocumentReader : IDocumentReader
{
    public bool CanRead(string path, ReadOnlySpan<byte> head) =>
        System.IO.Path.GetExtension(path).Equals(".pdf", StringComparison.OrdinalIgnoreCase)
        || (head.Length >= 5 && head[..5].SequenceEqual("%PDF-"u8));

    internal sealed record Line(string Text, double Top, double Bottom, double Left, double Size, bool Bold, int Page, double PageHeight, bool AfterMarker = false)
    {
        /// <summary>In the top or bottom margin, where running headers, footers and page numbers are printed.</summary>
        public bool InMargin => Bottom < PageHeight * 0.1 || Top > PageHeight * 0.92;
    }

    public SourceText Read(string path, byte[] content) => Read(path, content, ReadLimits.Default, CancellationToken.None);

    public SourceText Read(string path, byte[] content, ReadLimits limits, CancellationToken cancellation)
    {
        if (content.Length == 0) throw new UnreadableSourceException(path, "the file is empty");
        if (content.AsSpan(0, Math.Min(content.Length, 1024)).IndexOf("%PDF-"u8) < 0)
        {
            var start = Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, 40)).Trim();
            var what = start.StartsWith('<') ? "it is an HTML page, not a PDF" : "it does not start with a PDF header";
            throw new UnreadableSourceException(path, $"not a PDF: {what}");
        }
        // Opening walks the whole page tree, so a file that declares more pages than the limit is refused unread.
        if (DeclaredPages(content) > limits.MaxPages)
            throw new UnreadableSourceException(path, $"the PDF declares {DeclaredPages(content):N0} pages, over the limit of {limits.MaxPages:N0}");
        var pages = new List<List<Line>>();
        DateOnly? produced;
        try
        {
            using var pdf = PdfDocument.Open(content);
            if (pdf.NumberOfPages > limits.MaxPages)
                throw new UnreadableSourceException(path, $"the PDF has {pdf.NumberOfPages:N0} pages, over the limit of {limits.MaxPages:N0}");
            foreach (var page in pdf.GetPages())
            {
                cancellation.ThrowIfCancellationRequested();
                pages.Add(ReadLines(page, path, limits, cancellation));
            }
            produced = Produced(pdf);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new UnreadableSourceException(path, "the PDF is encrypted");
        }
        catch (Exception e) when (e is not UnreadableSourceException)
        {
            throw new UnreadableSourceException(path, $"corrupt PDF ({e.GetType().Name}: {e.Message})");
        }
        if (pages.Sum(p => p.Count) == 0) throw new UnreadableSourceException(path, "the PDF has no extractable text (scanned images?)");
        return new SourceText(path, Reflow(pages), SourceFormat.Pdf, produced);
    }

    /// <summary>The date the PDF says it was created (its document information), if it says and the date is sane.</summary>
    private static DateOnly? Produced(PdfDocument pdf)
    {
        var created = pdf.Information.GetCreatedDateTimeOffset() ?? pdf.Information.GetModifiedDateTimeOffset();
        return created is { Year: >= 1990 and <= 2100 } c ? DateOnly.FromDateTime(c.Date) : null;
    }

    /// <summary>The largest page count the file's page-tree nodes declare (0 when they are compressed out of sight).</summary>
    private static long DeclaredPages(byte[] content)
    {
        long most = 0;
        var rest = content.AsSpan();
        for (int at; (at = rest.IndexOf("/Count"u8)) >= 0;)
        {
            rest = rest[(at + 6)..];
            int i = 0;
            while (i < rest.Length && rest[i] is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t') i++;
            long n = 0;
            for (int digits = 0; i < rest.Length && rest[i] is >= (byte)'0' and <= (byte)'9' && digits < 12; i++, digits++) n = n * 10 + (rest[i] - '0');
            most = Math.Max(most, n);
        }
        return most;
    }

    private static List<Line> ReadLines(Page page, string path, ReadLimits limits, CancellationToken cancellation)
    {
        var words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
        var lines = new List<Line>();
        if (words.Count == 0) return lines;
        if (words.Count > limits.MaxWordsPerPage)
            throw new UnreadableSourceException(path, $"page {page.Number} has {words.Count:N0} words, over the limit of {limits.MaxWordsPerPage:N0} a page");
        cancellation.ThrowIfCancellationRequested();
        double bodySize = Median(words.Select(w => w.Letters[0].PointSize));
        double width = page.Width;
        foreach (var group in Rows(words))
        {
            var ws = group.OrderBy(w => w.BoundingBox.Left).ToList();
            // Footnote markers: small raised digits after a word ("improve?1").
            var kept = ws.Where(w => !(FootnoteMarker().IsMatch(w.Text) && w.Letters[0].PointSize < bodySize * 0.8 && ws.Count > 1)).ToList();
            if (kept.Count == 0) continue;
            bool afterMarker = kept[0] != ws[0]; // the line began with a small footnote number
            var sb = new StringBuilder();
            // A line that starts in the right-hand column of a table is marked with a leading tab,
            // and a wide gap between words (a column boundary) becomes a tab.
            if (kept[0].BoundingBox.Left > width * 0.45 && kept[^1].BoundingBox.Right < width * 0.98 && kept.Sum(w => w.Text.Length) < 40) sb.Append('\t');
            for (int i = 0; i < kept.Count; i++)
            {
                if (i > 0)
                {
                    double gap = kept[i].BoundingBox.Left - kept[i - 1].BoundingBox.Right;
                    // A superscript set tight against its word ("18th") joins it; other words are spaced.
                    bool superscript = gap < 0.6 && kept[i].Letters[0].PointSize < kept[i - 1].Letters[^1].PointSize * 0.85;
                    if (!superscript) sb.Append(gap > Math.Max(kept[i].Letters[0].PointSize, bodySize) * 2.2 ? '\t' : ' ');
                }
                sb.Append(kept[i].Text);
            }
            double size = Median(kept.SelectMany(w => w.Letters).Select(l => l.PointSize));
            bool bold = kept.All(w => (w.FontName ?? "").Contains("Bold", StringComparison.OrdinalIgnoreCase));
            lines.Add(new Line(sb.ToString(), kept.Max(w => w.BoundingBox.Top), kept.Min(w => w.BoundingBox.Bottom),
                kept.Min(w => w.BoundingBox.Left), size, bold, page.Number, page.Height, afterMarker));
        }
        return lines;
    }

    /// <summary>
    /// Words grouped into printed lines, top to bottom: a word belongs to the line its vertical
    /// middle falls within, so raised superscripts ("18th", footnote markers) stay on their line.
    /// </summary>
    private static List<List<Word>> Rows(List<Word> words)
    {
        var rows = new List<(double Bottom, double Top, List<Word> Words)>();
        foreach (var w in words.OrderByDescending(w => w.BoundingBox.Height).ThenByDescending(w => w.BoundingBox.Bottom))
        {
            double middle = (w.BoundingBox.Bottom + w.BoundingBox.Top) / 2;
            int at = rows.FindIndex(r => middle >= r.Bottom - 0.5 && middle <= r.Top + 0.5
                && Math.Abs(r.Bottom - w.BoundingBox.Bottom) < Math.Max(4, w.BoundingBox.Height));
            if (at >= 0) rows[at].Words.Add(w);
            else rows.Add((w.BoundingBox.Bottom, w.BoundingBox.Top, [w]));
        }
        return rows.OrderByDescending(r => r.Bottom).Select(r => r.Words).ToList();
    }

    internal static string Reflow(List<List<Line>> pages)
    {
        var furniture = RunningLines(pages);
        double body = Median(pages.SelectMany(p => p).Select(l => l.Size));
        var sb = new StringBuilder();
        foreach (var all in pages)
        {
            // Page furniture: running headers and footers, page numbers, footnote markers standing
            // alone, and the footnote bodies in small type at the foot of the page.
            var page = all.Where(l => !(l.InMargin && (furniture.Contains(FurnitureKey(l.Text)) || PageNumberLine().IsMatch(l.Text)))).ToList();
            // Footnote bodies: the run of small-type lines at the foot of a page that starts with its
            // number (or right under a small number standing alone). Not on a cover page.
            int keep = page.Count;
            while (keep > 0 && page[keep - 1].Size < body * 0.9 && page[keep - 1].Bottom < page[keep - 1].PageHeight * 0.3) keep--;
            if (keep < page.Count)
            {
                var first = page[keep];
                bool numbered = FootnoteStart().IsMatch(first.Text) || first.AfterMarker || (keep > 0 && FootnoteMarker().IsMatch(page[keep - 1].Text.Trim()) && page[keep - 1].Size < body * 0.8);
                if (numbered && first.Page > 1) page = page.Take(keep).ToList();
            }
            var lines = page;
            page = lines.Where((l, i) => !(FootnoteMarker().IsMatch(l.Text.Trim())
                && (l.Size < body * 0.8 || (i > 0 && RaisedOver(l, lines[i - 1])) || (i + 1 < lines.Count && RaisedOver(l, lines[i + 1]))))).ToList();
            if (page.Count == 0) continue;
            Line? prev = null;
            foreach (var line in page)
            {
                bool tabbed = line.Text.Contains('\t');
                bool heading = !tabbed && IsHeading(line, body);
                double gap = prev is null ? double.MaxValue : prev.Bottom - line.Top;
                bool newBlock = prev is null || gap > body * 0.9 || heading != IsHeading(prev, body)
                    || Math.Abs(line.Size - prev.Size) > 1.5;
                if (newBlock)
                {
                    sb.Append("\n\n");
                    if (heading) sb.Append(line.Size > body * 1.6 ? "# " : "## ");
                }
                else if (BulletStart().IsMatch(line.Text) || tabbed || prev!.Text.Contains('\t'))
                {
                    sb.Append('\n'); // table rows and bullets keep their own lines
                }
                else if (sb.Length > 1 && sb[^1] == '-' && char.IsLetter(sb[^2]) && line.Text.Length > 0 && char.IsLower(line.Text[0]))
                {
                    sb.Length--; // hyphenation at the line end
                }
                else sb.Append(' ');
                sb.Append(BulletStart().Replace(line.Text, "- "));
                prev = line;
            }
            sb.Append("\n\n");
        }
        // A paragraph number standing alone on its line belongs to the text after it.
        var text = LoneNumber().Replace(sb.ToString(), "$1 ");
        return MultipleBlank().Replace(text, "\n\n").Trim() + "\n";
    }

    /// <summary>
    /// A footnote marker set after a line in larger type than the body (a heading's "area²"): smaller
    /// than that line, raised above its baseline and overlapping it, so it was read as a line of its own.
    /// </summary>
    private static bool RaisedOver(Line marker, Line line) =>
        marker.Size < line.Size * 0.8 && marker.Bottom > line.Bottom && marker.Bottom < line.Top && marker.Page == line.Page;

    private static bool IsHeading(Line l, double body) =>
        (l.Size > body * 1.15 || l.Bold) && l.Text.Length < 150 && !BulletStart().IsMatch(l.Text) && !l.Text.Contains('\t');

    /// <summary>Lines repeated in the page margins of many pages: running headers and footers.</summary>
    private static HashSet<string> RunningLines(List<List<Line>> pages)
    {
        var counts = new Dictionary<string, int>();
        foreach (var page in pages)
            foreach (var key in page.Where(l => l.InMargin).Select(l => FurnitureKey(l.Text)).Distinct())
                counts[key] = counts.GetValueOrDefault(key) + 1;
        int threshold = Math.Max(2, pages.Count / 3);
        return counts.Where(kv => kv.Value >= threshold && kv.Key.Length > 0).Select(kv => kv.Key).ToHashSet();
    }

    private static string FurnitureKey(string text) => Digits().Replace(text.Trim().ToLowerInvariant(), "#");

    private static double Median(IEnumerable<double> values)
    {
        var v = values.OrderBy(x => x).ToList();
        return v.Count == 0 ? 0 : v[v.Count / 2];
    }

    [GeneratedRegex(@"^\d{1,2}$")]
    private static partial Regex FootnoteMarker();

    [GeneratedRegex(@"^\d{1,2}\s*\S")]
    private static partial Regex FootnoteStart();

    [GeneratedRegex(@"^(page\s+)?\d{1,3}(\s+of\s+\d{1,3})?$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumberLine();

    [GeneratedRegex(@"^\s*[◼•▪●■\uE000-\uF8FF]\s*")]
    private static partial Regex BulletStart();

    [GeneratedRegex(@"(?m)^(\d{1,3}\.)\s*\n+(?=[A-Z])")]
    private static partial Regex LoneNumber();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex MultipleBlank();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
