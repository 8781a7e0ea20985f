using System.Diagnostics;
using System.Text.Json;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using SearchService.Search.Analysis;

namespace SearchService.Benchmarks;

/// <summary>
/// Measurements behind the library swaps of issue 19 (README, "Libraries"): Analysis.Common's
/// MappingCharFilter against our SpellingFoldingCharFilter over every paragraph of a corpus,
/// alternating A and B so both see the same machine.
/// </summary>
internal static class Swaps
{
    public static void CharFilters(string jsonl)
    {
        var texts = File.ReadLines(jsonl).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString() ?? "").ToList();
        using var ours = new Folding(r => ReportAnalyzer.FoldingFilter(r));
        using var mapping = new Folding(r => new MappingCharFilter(ReportAnalyzer.Foldings, r));
        // Same terms and offsets on every paragraph, or the swap is not a swap.
        int differ = texts.Count(t => !ours.Tokens(t).SequenceEqual(mapping.Tokens(t)));
        Console.WriteLine($"{texts.Count:N0} paragraphs; token streams (terms and offsets) that differ: {differ}");
        var times = new Dictionary<string, List<double>> { ["ours"] = [], ["mapping"] = [] };
        for (int round = 0; round < 6; round++)
            foreach (var (name, analyzer) in new[] { ("ours", ours), ("mapping", mapping) })
            {
                var clock = Stopwatch.StartNew();
                long n = 0;
                foreach (var t in texts) n += analyzer.Count(t);
                if (round > 0) times[name].Add(clock.Elapsed.TotalMilliseconds);
                _ = n;
            }
        foreach (var (name, list) in times)
            Console.WriteLine($"{name}: analyse every paragraph, median of 5 rounds {list.Order().ElementAt(list.Count / 2):0} ms ({texts.Count / list.Order().ElementAt(list.Count / 2) * 1000:N0} paragraphs/s)");
    }

    /// <summary>The report analysis (tokenizer, possessives, lower case, KStem) behind a given char filter.</summary>
    private sealed class Folding(Func<TextReader, TextReader> filter) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(ReportAnalyzer.Version, reader) { MaxTokenLength = 60 };
            TokenStream stream = new EnglishPossessiveFilter(ReportAnalyzer.Version, tokenizer);
            stream = new LowerCaseFilter(ReportAnalyzer.Version, stream);
            return new TokenStreamComponents(tokenizer, new KStemFilter(stream));
        }

        protected override TextReader InitReader(string fieldName, TextReader reader) => filter(reader);

        public List<(string, int, int)> Tokens(string text)
        {
            var list = new List<(string, int, int)>();
            using var ts = GetTokenStream("f", text);
            var term = ts.AddAttribute<ICharTermAttribute>();
            var offset = ts.AddAttribute<IOffsetAttribute>();
            ts.Reset();
            while (ts.IncrementToken()) list.Add((term.ToString(), offset.StartOffset, offset.EndOffset));
            ts.End();
            return list;
        }

        public int Count(string text)
        {
            using var ts = GetTokenStream("f", text);
            ts.Reset();
            int n = 0;
            while (ts.IncrementToken()) n++;
            ts.End();
            return n;
        }
    }
}

/// <summary>
/// Lucene.Net.Highlighter (Highlighter + QueryScorer + SimpleSpanFragmenter, the standard
/// combination) against our SnippetBuilder, on the top ten hits of every query of the mix: time
/// per page of ten snippets, and what a reader gets (a match shown, a whole sentence, a phrase
/// marked as one, length).
/// </summary>
internal static class SnippetComparison
{
    public static void Run(string indexPath, string examplesPath)
    {
        using var index = SearchService.Search.Searching.ReportIndex.Open(indexPath, SearchService.Search.Searching.Synonyms.Load(SearchService.ProjectPaths.VocabularyFile));
        using var analyzer = new ReportAnalyzer();
        var synonyms = index.Synonyms;
        var snippets = new SearchService.Search.Searching.SnippetBuilder(analyzer);
        var rows = new List<(string Query, string Ours, string Theirs)>();
        var pagesOfQueries = new List<(List<string> Texts, SearchService.Search.Searching.HighlightTerms Highlights, Func<string, string> Theirs)>();
        foreach (var (_, q, _, authority) in Bench.Queries)
        {
            var request = new SearchService.Search.Searching.SearchRequest { Query = q, PageSize = 10, Filters = authority is null ? SearchService.Search.Searching.SearchFilters.None : new() { Authority = [authority] } };
            var texts = index.Search(request).Hits.Select(h => h.Paragraph.Text).ToList();
            var (query, highlights) = new SearchService.Search.Searching.QueryBuilder(analyzer, synonyms).Build(SearchService.Search.Searching.UserQuery.Parse(q));
            var scorer = new Lucene.Net.Search.Highlight.QueryScorer(query, SearchService.Search.Indexing.IndexSchema.Text);
            var highlighter = new Lucene.Net.Search.Highlight.Highlighter(new Lucene.Net.Search.Highlight.SimpleHTMLFormatter("<mark>", "</mark>"), new Lucene.Net.Search.Highlight.SimpleHTMLEncoder(), scorer)
            {
                TextFragmenter = new Lucene.Net.Search.Highlight.SimpleSpanFragmenter(scorer, 260),
            };
            string Theirs(string t) => highlighter.GetBestFragments(analyzer.GetTokenStream(SearchService.Search.Indexing.IndexSchema.Text, t), t, 1, " … ") is { Length: > 0 } f ? f : System.Net.WebUtility.HtmlEncode(t[..Math.Min(260, t.Length)]);
            foreach (var t in texts) rows.Add((q, snippets.Build(t, highlights), Theirs(t)));
            pagesOfQueries.Add((texts, highlights, Theirs));
        }
        // Warm both ways over every page for at least 3 s, so that both are timed on tiered-up code
        // (timed straight after one page each, most of the time went to code the JIT had not optimised yet).
        for (var warm = Stopwatch.StartNew(); warm.Elapsed < TimeSpan.FromSeconds(3);)
            foreach (var (texts, highlights, theirs) in pagesOfQueries)
                foreach (var t in texts) { snippets.Build(t, highlights); theirs(t); }
        double oursMs = 0, theirsMs = 0;
        int pages = 0;
        foreach (var (texts, highlights, theirs) in pagesOfQueries)
        {
            // Time a page of snippets each way, 20 times.
            for (int round = 0; round < 20; round++)
            {
                var clock = Stopwatch.StartNew();
                foreach (var t in texts) snippets.Build(t, highlights);
                oursMs += clock.Elapsed.TotalMilliseconds;
                clock.Restart();
                foreach (var t in texts) theirs(t);
                theirsMs += clock.Elapsed.TotalMilliseconds;
                pages++;
            }
        }
        static bool Marked(string s) => s.Contains("<mark>", StringComparison.Ordinal);
        // Ends where a sentence (or the paragraph) ends, or with an ellipsis after one: no word or sentence cut off.
        static bool Sentence(string s) => s.TrimEnd().TrimEnd('…').TrimEnd() is { Length: > 0 } t && (t.EndsWith("</mark>", StringComparison.Ordinal) ? t[..^7] : t)[^1] is '.' or '!' or '?' or ':' or ';' or ')';
        static int Adjacent(string s) => System.Text.RegularExpressions.Regex.Count(s, "</mark> <mark>");
        Console.WriteLine($"{rows.Count} snippets (top 10 of each of the {Bench.Queries.Length} queries):");
        Console.WriteLine();
        Console.WriteLine("| | SnippetBuilder (ours) | Lucene.Net.Highlighter |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine($"| time for a page of 10 snippets (mean of {pages}) | {oursMs / pages:0.000} ms | {theirsMs / pages:0.000} ms |");
        Console.WriteLine($"| snippets showing a match | {rows.Count(r => Marked(r.Ours))} | {rows.Count(r => Marked(r.Theirs))} |");
        Console.WriteLine($"| snippets ending at the end of a sentence (nothing cut off mid-sentence) | {rows.Count(r => Sentence(r.Ours))} | {rows.Count(r => Sentence(r.Theirs))} |");
        Console.WriteLine($"| a phrase marked word by word (`</mark> <mark>`) | {rows.Sum(r => Adjacent(r.Ours))} | {rows.Sum(r => Adjacent(r.Theirs))} |");
        Console.WriteLine($"| mean length (characters) | {rows.Average(r => r.Ours.Length):0} | {rows.Average(r => r.Theirs.Length):0} |");
        using var examples = new StreamWriter(examplesPath);
        examples.WriteLine("# Snippets side by side: ours, then Lucene.Net.Highlighter's (first two hits of each query)\n");
        foreach (var g in rows.GroupBy(r => r.Query))
        {
            examples.WriteLine($"## `{g.Key}`\n");
            foreach (var r in g.Take(2)) examples.WriteLine($"- ours: {r.Ours}\n- highlighter: {r.Theirs}\n");
        }
        Console.WriteLine();
        Console.WriteLine($"Examples side by side: {examplesPath}");
    }
}
