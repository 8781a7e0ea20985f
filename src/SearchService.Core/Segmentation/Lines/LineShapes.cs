using System.Text.RegularExpressions;

namespace SearchService.Core.Segmentation.Lines;

/// <summary>The shapes of printed lines the layout rules share: headings, sentence ends, numbers, captions, furniture.</summary>
public static partial class LineShapes
{
    /// <summary>Short, capitalised, few words, not a sentence: the shape of a heading.</summary>
    public static bool LooksLikeHeading(string text)
    {
        if (text.Length == 0 || text.Length > 120) return false;
        if (LabelValue().IsMatch(text) || ClockTime().IsMatch(text) || text.Count(c => c == ',') >= 2 || text.Contains('@')) return false;
        if (!(char.IsUpper(text[0]) || char.IsDigit(text[0]) || text[0] is '\'' or '‘' or '"' or '“')) return false;
        int words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return words <= 16 && !text.EndsWith(',') && !text.EndsWith(';');
    }

    /// <summary>"50. The quality of provision is inadequate.": a printed paragraph number, a full stop, then text.</summary>
    public static bool StartsNumberedParagraph(string text) => NumberedParagraph().IsMatch(text);

    public static bool EndsSentence(string text) => text.EndsWith('.') || text.EndsWith('!') || (text.EndsWith(')') && text.Contains(". "));

    /// <summary>Lines that are never content: page furniture, signatures, blank-page notices.</summary>
    public static bool IsFurniture(string text) => Furniture().IsMatch(text) || PageNumber().IsMatch(text);

    public static bool IsPipeRow(string raw) => PipeRow().IsMatch(raw);

    /// <summary>A Markdown table's rule line ("|---|---|").</summary>
    public static bool IsTableRule(string raw) => TableRule().IsMatch(raw);

    public static bool IsTableCaption(string text) => TableCaption().IsMatch(text);

    /// <summary>"Table 1" from "Table 1: Percentage of …".</summary>
    public static string? TableCaptionLabel(string caption) =>
        TableCaption().Match(caption) is { Success: true } m ? m.Value.TrimEnd(':', '.', ' ') : null;

    /// <summary>A contents entry without its page number, for comparison.</summary>
    public static string ContentsKey(string s) => TrailingPage().Replace(s, "").Trim().ToLowerInvariant();

    /// <summary>A line ending in a page number ("Summary of findings 3").</summary>
    public static bool EndsWithPageNumber(string s) => TrailingPage().IsMatch(s);

    public static string WithoutPageNumber(string s) => TrailingPage().Replace(s, "");

    /// <summary>"2 Recommendations" → ("2", "Recommendations"); a line with no printed number → (null, line).</summary>
    public static (string? Number, string Remainder) SplitNumber(string text)
    {
        var m = Numbered().Match(text);
        return m.Success ? (m.Groups["n"].Value.TrimEnd('.'), m.Groups["rest"].Value.Trim()) : (null, text);
    }

    /// <summary>An agenda item's page reference removed: "Minutes (Pages 3 - 8)" → "Minutes".</summary>
    public static string WithoutPages(string heading) => Pages().Replace(heading, "").Trim();

    [GeneratedRegex(@"^(this page is intentionally left blank|a handwritten signature\b.*|page \d+( of \d+)?|-+ ?\d+ ?-+|yours sincerely|yours faithfully|© crown copyright.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Furniture();

    [GeneratedRegex(@"^\d{1,3}\.\s")]
    private static partial Regex NumberedParagraph();

    [GeneratedRegex(@"^\d{1,3}$")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^[A-Z][\w/ ()'-]{1,30}:\s+\S")]
    private static partial Regex LabelValue();

    [GeneratedRegex(@"\b\d{1,2}[.:]\d{2}\s*(am|pm|a\.m\.|p\.m\.)", RegexOptions.IgnoreCase)]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"\s+\d{1,3}$")]
    private static partial Regex TrailingPage();

    [GeneratedRegex(@"^\s*[-|: ]{3,}\s*$")]
    private static partial Regex TableRule();

    [GeneratedRegex(@"^\s*\|.*\|\s*$")]
    private static partial Regex PipeRow();

    [GeneratedRegex(@"^(Table|Figure|Chart)\s+\d+[a-z]?\b", RegexOptions.IgnoreCase)]
    private static partial Regex TableCaption();

    [GeneratedRegex(@"\s*\(Pages?\s+\d+(\s*-\s*\d+)?\)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Pages();

    /// <summary>A printed number and what follows: "86. Looked after…", "3.1 The…", "2 Recommendations", "4) Item".</summary>
    [GeneratedRegex(@"^(?<n>\d{1,3}(?:\.\d{1,2})*)(?<dot>[.)])?\s+(?<rest>.+)$")]
    public static partial Regex Numbered();
}
