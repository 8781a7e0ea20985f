using System.Text.RegularExpressions;

namespace SearchService.Core.Prose;

/// <summary>
/// Markdown and markup understood for structure and stripped from text: "## heading" gives a
/// heading level, "**bold**", "\*", links and autolinks become their plain text.
/// </summary>
public static partial class Markup
{
    /// <summary>The Markdown heading level of a line (0 when it is not one) and its text without the hashes.</summary>
    public static int HeadingLevel(string line, out string text)
    {
        var m = AtxHeading().Match(line);
        if (!m.Success) { text = line; return 0; }
        text = m.Groups[2].Value;
        return m.Groups[1].Value.Length;
    }

    /// <summary>Plain text of a line: emphasis, escapes, links and HTML tags removed; white space folded.</summary>
    public static string Strip(string line)
    {
        var t = line;
        t = Image().Replace(t, "$1");
        t = Link().Replace(t, "$1");
        t = AutoLink().Replace(t, "$1");
        t = Bold().Replace(t, "$2");
        t = t.Replace("**", "").Replace("__", "");
        t = Italic().Replace(t, "$1$2");
        t = Escape().Replace(t, "$1");
        t = Tag().Replace(t, "");
        t = t.Replace('\u00A0', ' ').Replace("\u200B", "");
        return Spaces().Replace(t, " ").Trim();
    }

    /// <summary>Whether the line is emphasised as a whole ("**Quality Assurance**").</summary>
    public static bool IsBold(string line)
    {
        var t = line.Trim();
        return t.Length > 4 && t.StartsWith("**", StringComparison.Ordinal) && t.EndsWith("**", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"!\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]+)\]\((?:[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"<((?:https?|mailto):[^>\s]+)>")]
    private static partial Regex AutoLink();

    [GeneratedRegex(@"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")]
    private static partial Regex Bold();

    [GeneratedRegex(@"(?<![\w*\\])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])|(?<![\w_\\])_(?=\S)([^_]+?)(?<=\S)_(?![\w_])")]
    private static partial Regex Italic();

    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!|>~])")]
    private static partial Regex Escape();

    [GeneratedRegex(@"</?(?:b|i|u|em|strong|span|br|sup|sub|p|div)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \u00A0]{2,}")]
    private static partial Regex Spaces();
}
