using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using SearchService.Search.Analysis;

namespace SearchService.Search.Searching;

/// <summary>
/// Builds the passage shown for a hit from analyser offsets (no highlighter package): the
/// sentence(s) with the most distinct matches, about 200–300 characters, an ellipsis where
/// cut, the text HTML-escaped first and every match (a whole phrase as one) in &lt;mark&gt;.
/// </summary>
public sealed partial class SnippetBuilder(ReportAnalyzer analyzer)
{
    public int TargetLength { get; init; } = 260;

    public string Build(string text, HighlightTerms highlights)
    {
        var marks = Matches(text, highlights);
        var (start, end) = Window(text, marks);
        var sb = new StringBuilder();
        if (start > 0) sb.Append("… ");
        int at = start;
        foreach (var (s, e) in marks)
        {
            if (e <= start || s >= end) continue;
            int ms = Math.Max(s, start), me = Math.Min(e, end);
            sb.Append(WebUtility.HtmlEncode(text[at..ms]));
            sb.Append("<mark>").Append(WebUtility.HtmlEncode(text[ms..me])).Append("</mark>");
            at = me;
        }
        sb.Append(WebUtility.HtmlEncode(text[at..end]));
        if (end < text.Length) sb.Append(" …");
        return Newlines().Replace(sb.ToString(), " ").Trim();
    }

    /// <summary>Character ranges to mark: phrase occurrences as one range, then single terms, merged and ordered.</summary>
    public List<(int Start, int End)> Matches(string text, HighlightTerms highlights)
    {
        var ranges = new List<(int Start, int End)>();
        if (highlights.IsEmpty) return ranges;
        var tokens = analyzer.TermsWithOffsets(text);
        for (int i = 0; i < tokens.Count; i++)
        {
            foreach (var phrase in highlights.Phrases)
            {
                if (i + phrase.Count > tokens.Count) continue;
                bool match = true;
                for (int k = 0; k < phrase.Count && match; k++) match = tokens[i + k].Term == phrase[k];
                if (match) ranges.Add((tokens[i].Start, tokens[i + phrase.Count - 1].End));
            }
            if (highlights.Terms.Contains(tokens[i].Term)) ranges.Add((tokens[i].Start, tokens[i].End));
        }
        ranges.Sort();
        var merged = new List<(int Start, int End)>();
        foreach (var r in ranges)
        {
            if (merged.Count > 0 && r.Start <= merged[^1].End) merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, r.End));
            else merged.Add(r);
        }
        return merged;
    }

    /// <summary>The best window: whole sentences around the densest cluster of distinct matches.</summary>
    private (int Start, int End) Window(string text, List<(int Start, int End)> marks)
    {
        if (text.Length <= TargetLength + 40) return (0, text.Length);
        var sentences = Sentences(text);
        int best = 0;
        double bestScore = -1;
        for (int i = 0; i < sentences.Count; i++)
        {
            var (s, e) = sentences[i];
            var inside = marks.Where(m => m.Start >= s && m.End <= e).Select(m => text[m.Start..m.End].ToLowerInvariant()).ToList();
            double score = inside.Distinct().Count() * 10 + inside.Count - (e - s) / 1000.0;
            if (score > bestScore) { bestScore = score; best = i; }
        }
        int start = sentences[best].Start, end = sentences[best].End;
        // Grow by whole sentences while there is room, preferring the next one.
        for (int next = best + 1, prev = best - 1; ;)
        {
            if (next < sentences.Count && sentences[next].End - start <= TargetLength) { end = sentences[next++].End; continue; }
            if (prev >= 0 && end - sentences[prev].Start <= TargetLength) { start = sentences[prev--].Start; continue; }
            break;
        }
        if (end - start > TargetLength + 60)
        {
            // One long sentence: cut around its first match at word boundaries.
            var first = marks.FirstOrDefault(m => m.Start >= start && m.End <= end);
            int centre = first == default ? start : first.Start;
            int s = Math.Max(start, centre - TargetLength / 3);
            int e = Math.Min(end, s + TargetLength);
            if (s > start) { int sp = text.IndexOf(' ', s); if (sp > 0 && sp < centre) s = sp + 1; }
            if (e < end) { int sp = text.LastIndexOf(' ', e); if (sp > s) e = sp; }
            start = s;
            end = e;
        }
        return (start, end);
    }

    private static List<(int Start, int End)> Sentences(string text)
    {
        var result = new List<(int, int)>();
        int start = 0;
        foreach (Match m in SentenceEnd().Matches(text))
        {
            int end = m.Index + 1;
            if (end - start > 0) result.Add((start, end));
            start = m.Index + m.Length;
        }
        if (start < text.Length) result.Add((start, text.Length));
        return result;
    }

    [GeneratedRegex(@"(?<=[a-z0-9%)\]’'""”])[.!?](\s+|\n)(?=[A-Z0-9“""'‘•(])|\n")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\s*\n\s*")]
    private static partial Regex Newlines();
}
