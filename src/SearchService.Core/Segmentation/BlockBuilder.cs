using System.Text;
using System.Text.RegularExpressions;
using SearchService.Core.Metadata;
using SearchService.Core.Model;

namespace SearchService.Core.Segmentation;

/// <summary>
/// Turns the lines of a document body into blocks: headings, grade lines, paragraphs (with
/// their printed numbers), lists and tables. Page furniture is dropped here, and a paragraph
/// broken by a page break (blank lines in the middle of a sentence) is joined back together.
/// <para>
/// Bullet lists attach to their lead-in when it ends with a colon ("The evidence evaluated by
/// inspectors included:"), so a numbered paragraph keeps its list; a list with no lead-in
/// makes one paragraph per bullet. A run of short lines with no blank line between them (an
/// attendance list, a work programme) is one list paragraph, never a stack of headings.
/// </para>
/// </summary>
public sealed partial class BlockBuilder(string numericScale, bool headingsMarked)
{
    private readonly List<Block> _blocks = [];
    private Paragraph? _open;          // paragraph still accepting text
    private bool _openTakesList;       // it ended with ':' so following bullets belong to it
    private bool _blankSinceOpen;
    private List<string[]>? _table;
    private string? _caption;
    private int _tableGap;

    private sealed class Paragraph(string? label, ParagraphKind kind)
    {
        public readonly StringBuilder Text = new();
        public string? Label = label;
        public ParagraphKind Kind = kind;
    }

    /// <param name="headingsMarked">
    /// The source marks its headings (a PDF's type sizes and weights, read as Markdown headings):
    /// then a short unmarked line is text, such as the end of a paragraph at the foot of a page.
    /// </param>
    public static IReadOnlyList<Block> Build(IEnumerable<string> lines, string numericScale, bool headingsMarked = false)
    {
        var b = new BlockBuilder(numericScale, headingsMarked);
        var list = lines.ToList();
        for (int i = 0; i < list.Count; i++)
        {
            var next = i + 1 < list.Count ? list[i + 1] : "";
            b.Add(list[i], next);
        }
        b.Flush();
        return b._blocks;
    }

    private bool _inContents;
    private int _lastParagraphNumber;
    private readonly HashSet<string> _contents = new(StringComparer.Ordinal);

    private static string ContentsKey(string s) => TrailingPage().Replace(s, "").Trim().ToLowerInvariant();
    private string _previousLine = "";

    private void Add(string rawLine, string nextRaw)
    {
        var previousRaw = _previousLine;
        _previousLine = rawLine;
        var raw = rawLine.TrimEnd(' ', '\r', '\u00A0');
        if (raw.Trim().Length == 0 || TableRule().IsMatch(raw))
        {
            if (raw.Trim().Length == 0)
            {
                // A table may have a blank line between rows; it ends at the first line that is not a row.
                if (_table is not null) _tableGap++;
                _blankSinceOpen = true;
            }
            return;
        }
        if (_table is not null && (_tableGap > 1 || !(raw.Contains('\t') || PipeRow().IsMatch(raw)))) CloseTable();
        _tableGap = 0;

        int mdLevel = Markup.HeadingLevel(raw.Trim(), out var afterHashes);
        bool bold = Markup.IsBold(raw);
        bool indented = raw.Length > 0 && raw[0] == ' ' && raw.Length > 1 && raw[1] != ' ' && raw[1] != '-';

        // Tables: tab-separated or pipe rows. Cells are stripped one by one so positions survive.
        if (raw.Contains('\t') || PipeRow().IsMatch(raw))
        {
            var cells = (raw.Contains('\t') ? raw.Split('\t') : raw.Trim().Trim('|').Split('|')).Select(Markup.Strip).ToArray();
            if (_inContents)
            {
                _contents.Add(ContentsKey(cells[0]));
                return;
            }
            AddTableRow(cells);
            return;
        }
        CloseTable();

        var text = Markup.Strip(afterHashes);
        if (text.Length == 0) return;
        if (IsFurniture(text)) return;
        if (ContentsHeading().IsMatch(text)) { Close(); _inContents = true; return; }
        if (_inContents)
        {
            // A contents list ends where the body begins: at the first line that repeats one of
            // its entries without a page number, or at running prose.
            bool entry = TrailingPage().IsMatch(text);
            if (!entry && (_contents.Contains(ContentsKey(text)) || text.Length > 150)) _inContents = false;
            else
            {
                _contents.Add(ContentsKey(TrailingPage().Replace(text, "")));
                return;
            }
        }

        // A grade on its own line, or ending a heading ("Being healthy Grade 3").
        if (text.Length < 160 && GradeScales.TryParseGradeLine(text, numericScale, out var grade, out var before))
        {
            if (before.Length == 0)
            {
                _blocks.Add(new GradeBlock(grade));   // the open paragraph stays open: the grade may sit mid-paragraph
                return;
            }
            if (LooksLikeHeadingText(before))
            {
                Close();
                _blocks.Add(new HeadingBlock(before, mdLevel, null, grade));
                return;
            }
        }

        // A heading that states its judgement: "The experiences and progress of children in care: good".
        if (LooksLikeHeadingText(text) || mdLevel > 0)
        {
            var hg = HeadingWithGrade().Match(text);
            if (hg.Success && OutcomeAreas.FromHeading(hg.Groups["h"].Value) is not null && GradeScales.FromWords(hg.Groups["g"].Value) is { } printed)
            {
                Close();
                _blocks.Add(new HeadingBlock(hg.Groups["h"].Value.Trim(), mdLevel, null, printed));
                return;
            }
        }

        if (mdLevel > 0)
        {
            Close();
            var (num, rest) = SplitNumber(text);
            _blocks.Add(new HeadingBlock(num is null ? text : rest, mdLevel, num, null));
            return;
        }

        // Bullets: "- ", "• ", "◼ ", "* ", or an indented line whose bullet glyph was lost.
        var bm = Bullet().Match(raw);
        if (bm.Success || indented)
        {
            var itemText = Markup.Strip(bm.Success ? bm.Groups[1].Value : raw.Trim());
            if (itemText.Length == 0) return;
            // "- 3.1 The Ofsted Inspection…": a numbered paragraph typed as a bullet.
            var dm = DecimalNumbered().Match(itemText);
            if (dm.Success && char.IsUpper(dm.Groups[2].Value[0]))
            {
                StartParagraph(dm.Groups[1].Value, dm.Groups[2].Value, ParagraphKind.Text);
                return;
            }
            AddBullet(itemText);
            return;
        }

        // A date on its own line heads what follows it (meeting dates in a work programme).
        if (text.Length < 80 && (PrintedDates.IsDateLine(text, out _) || DateToBeFixed().IsMatch(text)))
        {
            Close();
            _blocks.Add(new HeadingBlock(text, 0, null, null));
            return;
        }

        // Numbered paragraphs and numbered headings: "86. Looked after…", "3.1 The…", "2 Recommendations", "22. Quality…".
        var nm = Numbered().Match(text);
        if (nm.Success)
        {
            var number = nm.Groups["n"].Value;
            var rest = nm.Groups["rest"].Value.Trim();
            bool hasDot = nm.Groups["dot"].Success || number.Contains('.');
            // An item whose title is set in bold ("5. **Headlines on achievement …** (Pages 9 - 26)") is a heading whatever its length.
            bool boldTitle = BoldItem().IsMatch(raw);
            // The next number in a run of numbered paragraphs is a paragraph however short ("124. Ensure young people's views …").
            bool continuesParagraphs = hasDot && int.TryParse(number.TrimEnd('.'), out var n) && n == _lastParagraphNumber + 1 && _lastParagraphNumber > 0;
            if (rest.Length > 0 && (char.IsUpper(rest[0]) || (hasDot && char.IsDigit(rest[0])) || rest[0] is '\'' or '‘' or '"' or '“' or '(') && (hasDot || LooksLikeHeadingText(rest)))
            {
                if (!continuesParagraphs && ((boldTitle && rest.Length < 300) || (LooksLikeHeadingText(rest) && !EndsSentence(rest) && (bold || !rest.EndsWith(':')))))
                {
                    Close();
                    _blocks.Add(new HeadingBlock(StripPages(rest), 0, number.TrimEnd('.'), null));
                    return;
                }
                StartParagraph(number.TrimEnd('.'), rest, ParagraphKind.Text);
                if (int.TryParse(number.TrimEnd('.'), out var printed)) _lastParagraphNumber = printed;
                return;
            }
        }

        // A continuation of a paragraph broken by a page break or hard wrap.
        if (_open is not null && IsContinuation(text))
        {
            Append(text);
            return;
        }

        bool shortLine = !headingsMarked && LooksLikeHeadingText(text) && !text.EndsWith(':') && !EndsSentence(text);
        bool previousNonBlank = previousRaw.Trim().Length > 0;
        bool nextNonBlank = nextRaw.Trim().Length > 0 && !nextRaw.Contains('\t');
        if (shortLine && (previousNonBlank || (nextNonBlank && LooksLikeHeadingText(Markup.Strip(nextRaw)) && !GradeScales.TryParseGradeLine(Markup.Strip(nextRaw), numericScale, out _, out _) && !Numbered().IsMatch(Markup.Strip(nextRaw)))))
        {
            // One line of a run of short lines: an attendance list, a work programme, an address.
            AddListLine(text, previousNonBlank);
            return;
        }
        if (shortLine)
        {
            Close();
            _blocks.Add(new HeadingBlock(text, 0, null, null));
            return;
        }

        // Lead-in lines ("Within three months:") inside a list keep attaching to its paragraph.
        if (_open is not null && _openTakesList && text.EndsWith(':') && text.Length < 120)
        {
            Append(text, newLine: true);
            return;
        }
        StartParagraph(null, text, ParagraphKind.Text);
    }

    private void AddListLine(string text, bool continuesRun)
    {
        if (continuesRun && _open is { Kind: ParagraphKind.List } && !_blankSinceOpen)
        {
            _open.Text.Append('\n').Append(text);
            return;
        }
        if (_open is not null && _openTakesList)
        {
            Append(text, newLine: true);
            return;
        }
        Close();
        _open = new Paragraph(null, ParagraphKind.List);
        _open.Text.Append(text);
        _blankSinceOpen = false;
        _openTakesList = false;
    }

    private void AddBullet(string item)
    {
        if (_open is not null && (_openTakesList || (!_blankSinceOpen && _open.Kind == ParagraphKind.List)))
        {
            if (_open.Kind == ParagraphKind.Text) _openTakesList = true;
            Append("• " + item, newLine: true);
            if (_open.Kind == ParagraphKind.List) _blankSinceOpen = false;
            return;
        }
        // A bullet continuing an item broken by a page break is text, not a new item: handled as continuation.
        Close();
        _open = new Paragraph(null, ParagraphKind.List);
        _open.Text.Append("• ").Append(item);
        _openTakesList = item.EndsWith(':');
        _blankSinceOpen = false;
    }

    private void StartParagraph(string? label, string text, ParagraphKind kind)
    {
        Close();
        _open = new Paragraph(label, kind);
        _open.Text.Append(text);
        _openTakesList = text.EndsWith(':');
        _blankSinceOpen = false;
    }

    private void Append(string text, bool newLine = false)
    {
        var sb = _open!.Text;
        if (newLine) sb.Append('\n');
        else if (sb.Length > 0 && sb[^1] == '-' && sb.Length > 1 && char.IsLetter(sb[^2]) && text.Length > 0 && char.IsLower(text[0]))
        {
            sb.Length--; // "well-\nbeing" printed across a break: join the word
            sb.Append(text);
            _blankSinceOpen = false;
            return;
        }
        else sb.Append(' ');
        sb.Append(text);
        if (text.EndsWith(':')) _openTakesList = true;
        _blankSinceOpen = false;
    }

    /// <summary>
    /// Whether a line continues the open paragraph: the paragraph stopped mid-sentence and the
    /// line is not a heading; or the line starts in lower case.
    /// </summary>
    private bool IsContinuation(string text)
    {
        var current = _open!.Text;
        if (current.Length == 0) return false;
        // Closing brackets and quotes do not end a sentence by themselves: "(PA’s)" may go on.
        int end = current.Length - 1;
        while (end > 0 && current[end] is ')' or '"' or '”' or '’' or '\'' or ']') end--;
        char last = current[end];
        bool midSentence = !(last is '.' or '!' or '?' or ':' or ';');
        if (char.IsLower(text[0]) && (midSentence || !_blankSinceOpen)) return true;
        if (!midSentence) return false;
        // Lists of short lines only continue as list lines.
        if (_open.Kind == ParagraphKind.List && current.ToString().Contains('\n')) return false;
        return !LooksLikeHeadingText(text) || text.Length > 90 || !_blankSinceOpen;
    }

    private void AddTableRow(string[] cells)
    {
        if (_table is null)
        {
            // The caption is the paragraph or heading just before ("Table 1: Percentage of …").
            _caption = null;
            if (_open is not null && TableCaption().IsMatch(_open.Text.ToString()))
            {
                _caption = _open.Text.ToString();
                _open = null;
            }
            else if (_open is not null && _open.Text.Length < 120 && _open.Text[^1] == ':' && !_open.Text.ToString().Contains('\n'))
            {
                // "Record of main findings:" introduces the table: it heads it and captions it.
                _caption = _open.Text.ToString().TrimEnd(':');
                _open = null;
                _blocks.Add(new HeadingBlock(_caption, 0, null, null));
            }
            else if (_blocks.Count > 0 && _blocks[^1] is HeadingBlock h && TableCaption().IsMatch(h.Text) && _open is null)
            {
                _caption = h.Text;
                _blocks.RemoveAt(_blocks.Count - 1);
            }
            Close();
            _table = [];
        }
        if (cells.Any(c => c.Length > 0)) _table.Add(cells);
    }

    private void CloseTable()
    {
        if (_table is null) return;
        var rows = _table;
        var caption = _caption;
        _table = null;
        _caption = null;
        if (rows.Count == 0) return;
        var sb = new StringBuilder();
        if (caption is not null) sb.Append(caption).Append('\n');
        foreach (var row in rows) sb.Append(string.Join(" ", row.Where(c => c.Length > 0))).Append('\n');
        string? label = null;
        if (caption is not null && TableCaption().Match(caption) is { Success: true } cm) label = cm.Value.TrimEnd(':', '.', ' ');
        _blocks.Add(new TextBlock(sb.ToString().TrimEnd(), label, ParagraphKind.Table) { Rows = rows });
    }

    public void Flush()
    {
        CloseTable();
        Close();
    }

    private void Close()
    {
        CloseTable();
        if (_open is null) return;
        var text = _open.Text.ToString().Trim();
        if (text.Length > 0) _blocks.Add(new TextBlock(text, _open.Label, _open.Kind));
        _open = null;
        _openTakesList = false;
    }

    private static (string? Number, string Remainder) SplitNumber(string text)
    {
        var m = Numbered().Match(text);
        return m.Success ? (m.Groups["n"].Value.TrimEnd('.'), m.Groups["rest"].Value.Trim()) : (null, text);
    }

    private static string StripPages(string heading) => Pages().Replace(heading, "").Trim();

    /// <summary>Short, capitalised, few words, not a sentence: the shape of a heading.</summary>
    internal static bool LooksLikeHeadingText(string text)
    {
        if (text.Length == 0 || text.Length > 120) return false;
        if (LabelValue().IsMatch(text) || ClockTime().IsMatch(text) || text.Count(c => c == ',') >= 2 || text.Contains('@')) return false;
        if (!(char.IsUpper(text[0]) || char.IsDigit(text[0]) || text[0] is '\'' or '‘' or '"' or '“')) return false;
        int words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return words <= 16 && !text.EndsWith(',') && !text.EndsWith(';');
    }

    private static bool EndsSentence(string text) => text.EndsWith('.') || text.EndsWith('!') || (text.EndsWith(')') && text.Contains(". "));

    /// <summary>Lines that are never content: page furniture, signatures, blank-page notices.</summary>
    internal static bool IsFurniture(string text) =>
        Furniture().IsMatch(text) || PageNumber().IsMatch(text);

    [GeneratedRegex(@"^(this page is intentionally left blank|a handwritten signature\b.*|page \d+( of \d+)?|-+ ?\d+ ?-+|yours sincerely|yours faithfully|© crown copyright.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Furniture();

    [GeneratedRegex(@"^\d{1,3}$")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^[A-Z][\w/ ()'-]{1,30}:\s+\S")]
    private static partial Regex LabelValue();

    [GeneratedRegex(@"\b\d{1,2}[.:]\d{2}\s*(am|pm|a\.m\.|p\.m\.)", RegexOptions.IgnoreCase)]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"^(?<h>.{6,140}?)(?::|\s+(?:is|are))\s+(?<g>outstanding|good|requires? improvement(?: to be good)?|inadequate|adequate)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingWithGrade();

    [GeneratedRegex(@"^\s*\d{1,3}\.?\s+\*\*[^*]+\*\*")]
    private static partial Regex BoldItem();

    [GeneratedRegex(@"^Date (to be|tbc|tba)\b.*$", RegexOptions.IgnoreCase)]
    private static partial Regex DateToBeFixed();

    [GeneratedRegex(@"\s+\d{1,3}$")]
    private static partial Regex TrailingPage();

    [GeneratedRegex(@"^(table of )?contents$", RegexOptions.IgnoreCase)]
    private static partial Regex ContentsHeading();

    [GeneratedRegex(@"^\s*[-|: ]{3,}\s*$")]
    private static partial Regex TableRule();

    [GeneratedRegex(@"^\s*\|.*\|\s*$")]
    private static partial Regex PipeRow();

    [GeneratedRegex(@"^\s*[-•◼▪●*·]\s+(.*)$")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^(?<n>\d{1,3}(?:\.\d{1,2})*)(?<dot>[.)])?\s+(?<rest>.+)$")]
    private static partial Regex Numbered();

    [GeneratedRegex(@"^(\d{1,2}\.\d{1,2})\.?\s+(.+)$")]
    private static partial Regex DecimalNumbered();

    [GeneratedRegex(@"^(Table|Figure|Chart)\s+\d+[a-z]?\b", RegexOptions.IgnoreCase)]
    private static partial Regex TableCaption();

    [GeneratedRegex(@"\s*\(Pages?\s+\d+(\s*-\s*\d+)?\)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Pages();
}
