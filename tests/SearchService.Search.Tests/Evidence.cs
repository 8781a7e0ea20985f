using System.Text;

namespace SearchService.Search.Tests;

/// <summary>
/// Judged evidence: verbatim text from a paragraph, which finds the paragraph by containment
/// rather than by id, so judgements survive re-segmentation and re-indexing.
/// </summary>
public static class Evidence
{
    /// <summary>Curly quotes and dashes folded to ASCII and whitespace collapsed, on both sides of the comparison.</summary>
    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        bool space = false;
        foreach (var ch in text)
        {
            char c = ch switch { '\u2018' or '\u2019' => '\'', '\u201c' or '\u201d' => '"', '\u2013' or '\u2014' => '-', _ => ch };
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>The ids of the paragraphs whose text holds the evidence (usually one).</summary>
    public static IReadOnlyList<string> Find(IReadOnlyDictionary<string, string> foldedTexts, string evidence)
    {
        var e = Fold(evidence);
        return foldedTexts.Where(kv => kv.Value.Contains(e, StringComparison.Ordinal)).Select(kv => kv.Key).ToList();
    }
}
