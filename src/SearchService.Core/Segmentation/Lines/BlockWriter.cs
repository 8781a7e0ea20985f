using System.Text;
using SearchService.Core.Metadata;
using SearchService.Core.Model;

namespace SearchService.Core.Segmentation.Lines;

/// <summary>
/// The blocks being built from a body's lines and the little state the layout rules share: the
/// paragraph still open (and whether it takes a list), the table being gathered, the contents
/// list being skipped, the last printed paragraph number. Rules decide; the writer only records.
/// </summary>
public sealed class BlockWriter(GradeScale numericScale, bool headingsMarked)
{
    private readonly List<Block> _blocks = [];
    private OpenParagraph? _open;
    private List<string[]>? _table;
    private string? _caption;

    private sealed class OpenParagraph(string? label, ParagraphKind kind)
    {
        public readonly StringBuilder Text = new();
        public readonly string? Label = label;
        public readonly ParagraphKind Kind = kind;
    }

    /// <summary>The scale a bare "Grade 3" is read on.</summary>
    public GradeScale NumericScale { get; } = numericScale;

    /// <summary>The source marks its headings (a PDF's type sizes and weights), so a short unmarked line is text.</summary>
    public bool HeadingsMarked { get; } = headingsMarked;

    public IReadOnlyList<Block> Blocks => _blocks;

    /// <summary>The open paragraph ended with ':' so the bullets and lead-ins after it belong to it.</summary>
    public bool OpenTakesList { get; private set; }

    /// <summary>A blank line came after the open paragraph's last line.</summary>
    public bool BlankSinceOpen { get; set; }

    /// <summary>Blank lines since the table's last row (a table may have one between rows).</summary>
    public int TableGap { get; set; }

    public bool TableOpen => _table is not null;

    /// <summary>Inside a contents list, whose entries are remembered so the body's first heading ends it.</summary>
    public bool InContents { get; set; }

    public HashSet<string> ContentsEntries { get; } = new(StringComparer.Ordinal);

    /// <summary>The last printed paragraph number, so that the next one is a paragraph however short.</summary>
    public int LastParagraphNumber { get; set; }

    public bool HasOpenParagraph => _open is not null;

    public ParagraphKind? OpenKind => _open?.Kind;

    public string OpenText => _open?.Text.ToString() ?? "";

    public void AddHeading(HeadingBlock heading)
    {
        Close();
        _blocks.Add(heading);
    }

    /// <summary>The heading just added, when nothing has followed it yet (a heading may go on over the next line).</summary>
    public HeadingBlock? HeadingJustAdded => _open is null && _table is null && _blocks.Count > 0 && _blocks[^1] is HeadingBlock h ? h : null;

    /// <summary>Replaces the heading just added (with itself continued).</summary>
    public void ReplaceHeadingJustAdded(HeadingBlock heading)
    {
        if (HeadingJustAdded is null) throw new InvalidOperationException("no heading to continue");
        _blocks[^1] = heading;
    }

    /// <summary>A grade on its own line; the open paragraph stays open, as the grade may sit mid-paragraph.</summary>
    public void AddGrade(Grade grade) => _blocks.Add(new GradeBlock(grade));

    public void StartParagraph(string? label, string text, ParagraphKind kind)
    {
        Close();
        _open = new OpenParagraph(label, kind);
        _open.Text.Append(text);
        OpenTakesList = text.EndsWith(':');
        BlankSinceOpen = false;
    }

    public void Append(string text, bool newLine = false)
    {
        var sb = _open!.Text;
        if (newLine) sb.Append('\n');
        else if (sb.Length > 1 && sb[^1] == '-' && char.IsLetter(sb[^2]) && text.Length > 0 && char.IsLower(text[0]))
        {
            sb.Length--; // "well-\nbeing" printed across a break: join the word
            sb.Append(text);
            BlankSinceOpen = false;
            return;
        }
        else sb.Append(' ');
        sb.Append(text);
        if (text.EndsWith(':')) OpenTakesList = true;
        BlankSinceOpen = false;
    }

    /// <summary>A line of a run of short lines (an attendance list, a work programme): one list paragraph.</summary>
    public void AddListLine(string text, bool continuesRun)
    {
        if (continuesRun && _open is { Kind: ParagraphKind.List } && !BlankSinceOpen)
        {
            _open.Text.Append('\n').Append(text);
            return;
        }
        if (_open is not null && OpenTakesList)
        {
            Append(text, newLine: true);
            return;
        }
        Close();
        _open = new OpenParagraph(null, ParagraphKind.List);
        _open.Text.Append(text);
        BlankSinceOpen = false;
        OpenTakesList = false;
    }

    /// <summary>A bullet: part of the open paragraph's list when it took one, else a list paragraph of its own.</summary>
    public void AddBullet(string item)
    {
        if (_open is not null && (OpenTakesList || (!BlankSinceOpen && _open.Kind == ParagraphKind.List)))
        {
            if (_open.Kind == ParagraphKind.Text) OpenTakesList = true;
            Append("• " + item, newLine: true);
            if (_open.Kind == ParagraphKind.List) BlankSinceOpen = false;
            return;
        }
        Close();
        _open = new OpenParagraph(null, ParagraphKind.List);
        _open.Text.Append("• ").Append(item);
        OpenTakesList = item.EndsWith(':');
        BlankSinceOpen = false;
    }

    /// <summary>
    /// A row of a table; the first row takes the caption ("Table 1: …", or a short lead-in ending
    /// with ':' that then also heads the table) from the paragraph or heading just before it.
    /// </summary>
    public void AddTableRow(string[] cells)
    {
        if (_table is null)
        {
            _caption = null;
            if (_open is not null && LineShapes.IsTableCaption(_open.Text.ToString()))
            {
                _caption = _open.Text.ToString();
                _open = null;
            }
            else if (_open is not null && _open.Text.Length < 120 && _open.Text[^1] == ':' && !_open.Text.ToString().Contains('\n'))
            {
                _caption = _open.Text.ToString().TrimEnd(':');
                _open = null;
                _blocks.Add(new HeadingBlock(_caption, 0, null, null));
            }
            else if (_blocks.Count > 0 && _blocks[^1] is HeadingBlock h && LineShapes.IsTableCaption(h.Text) && _open is null)
            {
                _caption = h.Text;
                _blocks.RemoveAt(_blocks.Count - 1);
            }
            Close();
            _table = [];
        }
        if (cells.Any(c => c.Length > 0)) _table.Add(cells);
    }

    public void CloseTable()
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
        var label = caption is null ? null : LineShapes.TableCaptionLabel(caption);
        _blocks.Add(new TextBlock(sb.ToString().TrimEnd(), label, ParagraphKind.Table) { Rows = rows });
    }

    /// <summary>Closes the open table and paragraph.</summary>
    public void Close()
    {
        CloseTable();
        if (_open is null) return;
        var text = _open.Text.ToString().Trim();
        if (text.Length > 0) _blocks.Add(new TextBlock(text, _open.Label, _open.Kind));
        _open = null;
        OpenTakesList = false;
    }

    /// <summary>
    /// Whether a line continues the open paragraph: the paragraph stopped mid-sentence and the
    /// line is not a heading; or the line starts in lower case.
    /// </summary>
    public bool Continues(string text)
    {
        if (_open is null) return false;
        var current = _open.Text;
        if (current.Length == 0) return false;
        // Closing brackets and quotes do not end a sentence by themselves: "(PA’s)" may go on.
        int end = current.Length - 1;
        while (end > 0 && current[end] is ')' or '"' or '”' or '’' or '\'' or ']') end--;
        char last = current[end];
        bool midSentence = !(last is '.' or '!' or '?' or ':' or ';');
        if (char.IsLower(text[0]) && (midSentence || !BlankSinceOpen)) return true;
        if (!midSentence) return false;
        // Lists of short lines only continue as list lines.
        if (_open.Kind == ParagraphKind.List && current.ToString().Contains('\n')) return false;
        return !LineShapes.LooksLikeHeading(text) || text.Length > 90 || !BlankSinceOpen;
    }
}
