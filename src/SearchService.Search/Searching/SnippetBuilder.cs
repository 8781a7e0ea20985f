using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using SearchService.Search.Analysis;

namespace SearchService.Search.Searching;

/// <summary>
/// Builds the passage shown for a hit from analyser offsets (no highlighter package): the
/// sentence(s) with the most distinct matches, about 200–300 characters, an ellipsis where
/// cut, the text HTML-escaped first and every match (a whole phrase as one) in &lt;mark&gt;.
/// It also says which synonyms of the query (not the words typed) the paragraph holds.
/// </summary>
public sealed partial class SnippetBuilder(ReportAnalyzer analyzer)
{
    public int TargetLength { get; init; } = 260;

    public string Build(string text, HighlightTerms highlights) => BuildWithForms(text, highlights).Html;

    /// <summary>The snippet, and the synonym forms found anywhere in the paragraph (in the query's order).</summary>
    public Snippet BuildWithForms(string text, HighlightTerms highlights)
    {
        var marks = Marks(text, highlights, out var synonyms);
        var (start, end) = Window(text, marks);
        var sb = new StringBuilder(end - start + 64);
        if (start > 0) sb.Append("… ");
        int at = start;
        foreach (var (s, e, _) in marks)
        {
            if (e <= start || s >= end) continue;
            int ms = Math.Max(s, start), me = Math.Min(e, end);
            AppendEncoded(sb, text.AsSpan(at, ms - at));
            sb.Append("<mark>");
            AppendEncoded(sb, text.AsSpan(ms, me - ms));
            sb.Append("</mark>");
            at = me;
        }
        AppendEncoded(sb, text.AsSpan(at, end - at));
        if (end < text.Length) sb.Append(" …");
        return new Snippet(Newlines().Replace(sb.ToString(), " ").Trim(), synonyms);
    }

    /// <summary>
    /// The character ranges to mark (a phrase occurrence as one range, single terms, merged and
    /// ordered), each with the number of what it matched (a word, or a phrase after the
    /// words), so the window can prefer sentences with more distinct matches.
    /// </summary>
    private List<(int Start, int End, int What)> Marks(string text, HighlightTerms highlights, out IReadOnlyList<string> synonyms)
    {
        synonyms = [];
        if (highlights.IsEmpty) return [];
        // Working lists kept per thread: a paragraph has hundreds of tokens, and growing new lists
        // to that size for every hit was a fifth of what a search allocated.
        var ranges = t_ranges ??= new(64);
        var tokens = t_tokens ??= new(512);
        ranges.Clear();
        tokens.Clear();
        var vocabulary = highlights.Vocabulary;
        analyzer.VisitTerms(text, (term, start, end) => tokens.Add((vocabulary.IdOf(term), start, end)), vocabulary.Words);
        int words = vocabulary.MarksAlone.Length;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Id < 0) continue;
            for (int p = 0; p < vocabulary.Phrases.Length; p++)
            {
                var phrase = vocabulary.Phrases[p];
                if (i + phrase.Length > tokens.Count) continue;
                bool match = true;
                for (int k = 0; k < phrase.Length && match; k++) match = tokens[i + k].Id == phrase[k];
                if (match) ranges.Add((tokens[i].Start, tokens[i + phrase.Length - 1].End, words + p));
            }
            if (vocabulary.MarksAlone[tokens[i].Id]) ranges.Add((tokens[i].Start, tokens[i].End, tokens[i].Id));
        }
        synonyms = SynonymsFound(ranges, vocabulary, highlights);
        ranges.Sort();
        var merged = new List<(int Start, int End, int What)>(ranges.Count);
        foreach (var r in ranges)
        {
            if (merged.Count > 0 && r.Start <= merged[^1].End) merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, r.End), merged[^1].What);
            else merged.Add(r);
        }
        return merged;
    }

    [ThreadStatic] private static List<(int Start, int End, int What)>? t_ranges;
    [ThreadStatic] private static List<(int Id, int Start, int End)>? t_tokens;

    private static List<string> SynonymsFound(List<(int Start, int End, int What)> ranges, HighlightVocabulary vocabulary, HighlightTerms highlights)
    {
        List<int>? forms = null;
        foreach (var r in ranges)
        {
            int form = vocabulary.FormOf[r.What];
            if (form < 0 || !highlights.Forms[form].Synonym) continue;
            forms ??= [];
            if (!forms.Contains(form)) forms.Add(form);
        }
        if (forms is null) return [];
        forms.Sort();
        return forms.Select(f => highlights.Forms[f].Text).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The best window: whole sentences around the densest cluster of distinct matches.</summary>
    private (int Start, int End) Window(string text, List<(int Start, int End, int What)> marks)
    {
        if (text.Length <= TargetLength + 40) return (0, text.Length);
        var sentences = Sentences(text);
        int best = 0;
        double bestScore = -1;
        for (int i = 0; i < sentences.Count; i++)
        {
            var (s, e) = sentences[i];
            int inside = 0, distinct = 0;
            for (int m = 0; m < marks.Count; m++)
            {
                if (marks[m].Start < s || marks[m].End > e) continue;
                inside++;
                bool seen = false;
                for (int k = 0; k < m && !seen; k++)
                    seen = marks[k].What == marks[m].What && marks[k].Start >= s && marks[k].End <= e;
                if (!seen) distinct++;
            }
            double score = distinct * 10 + inside - (e - s) / 1000.0;
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

    /// <summary>HTML-escapes into the builder without an intermediate string.</summary>
    private static void AppendEncoded(StringBuilder sb, ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            int i = text.IndexOfAny(HtmlSpecial);
            if (i < 0) { sb.Append(text); return; }
            sb.Append(text[..i]);
            sb.Append(text[i] switch { '<' => "&lt;", '>' => "&gt;", '&' => "&amp;", '"' => "&quot;", _ => "&#39;" });
            text = text[(i + 1)..];
        }
    }

    private static readonly System.Buffers.SearchValues<char> HtmlSpecial = System.Buffers.SearchValues.Create("<>&\"'");

    private static List<(int Start, int End)> Sentences(string text)
    {
        var result = new List<(int, int)>();
        int start = 0;
        foreach (var m in SentenceEnd().EnumerateMatches(text))
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

/// <summary>A hit's passage (HTML, matches in &lt;mark&gt;) and the synonyms of the query the paragraph holds.</summary>
public sealed record Snippet(string Html, IReadOnlyList<string> SynonymsMatched);
