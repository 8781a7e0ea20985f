using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CommonGrams;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace SearchService.Search.Analysis;

/// <summary>
/// English analysis for report text, the same at index and query time:
/// curly quotes folded to straight, hyphens inside words removed ("well-being" = "wellbeing"),
/// Unicode word tokens, possessives removed, lower case, and KStem, which joins plural and
/// singular and common derivations (placement/placements) without the over-stemming of Porter.
/// Stop words are kept, so phrases such as "children in care" match exactly.
/// <para>
/// Phrases with very common words are the costliest queries ("looked after children" reads the
/// positions of "after" and "children", which most paragraphs hold), so the indexed text field
/// also holds common grams (Lucene's CommonGramsFilter): each common word joined with its
/// neighbour ("looked_after", "after_child"), and a phrase is searched as its grams
/// (<see cref="PhraseField"/>, CommonGramsQueryFilter), whose postings are short. Every other use
/// of the analyzer (single terms, snippets, questions) sees the plain words.
/// </para>
/// </summary>
public sealed class ReportAnalyzer : Analyzer
{
    public static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Components per field: the indexed text, phrases and plain words are analysed differently.</summary>
    public ReportAnalyzer() : this(Stemmer.KStem) { }

    /// <summary>
    /// With another of Analysis.Common's English stemmers: for measuring them against each other
    /// (an index must be searched with the stemmer it was built with; the shipped one is KStem).
    /// </summary>
    internal ReportAnalyzer(Stemmer stemmer) : base(PER_FIELD_REUSE_STRATEGY) => Stemmer = stemmer;

    internal Stemmer Stemmer { get; }

    /// <summary>The field name a phrase is analysed under to get its common grams (never indexed).</summary>
    public const string PhraseField = "text.phrase";

    /// <summary>The field name of plain analysis: the words alone, no grams (never indexed).</summary>
    public const string PlainField = "plain";

    /// <summary>Plain analysis that stems only words that could be one of the words sought (see <see cref="VisitTerms(string, TermVisitor, IReadOnlyCollection{string})"/>).</summary>
    private const string SnippetField = "snippet";

    /// <summary>The first two letters of the words a snippet looks for, on this thread, while it analyses (see <see cref="PrefixGate"/>).</summary>
    [ThreadStatic] private static HashSet<int>? _soughtPrefixes;

    /// <summary>
    /// Words so frequent in the reports that a phrase holding them is slow without grams: English
    /// function words and the sector's own most frequent words (each in over about a tenth of the
    /// published reports' paragraphs), as KStem leaves them. Changing the list needs a re-index.
    /// </summary>
    internal static readonly CharArraySet CommonWords = new(Version,
    [
        "a", "about", "after", "all", "an", "and", "are", "as", "at", "authority", "be", "been", "being", "by", "care", "child",
        "children", "do", "for", "from", "has", "have", "in", "is", "it", "local", "look", "need", "needs", "not", "of", "on",
        "or", "people", "service", "social", "some", "support", "that", "the", "their", "them", "there", "these", "they",
        "this", "to", "well", "when", "which", "who", "with", "work", "worker", "young",
    ], ignoreCase: false);

    /// <summary>Whether an analysed term is one of the <see cref="CommonWords"/>.</summary>
    public static bool IsCommon(string term) => CommonWords.Contains(term);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader) { MaxTokenLength = 60 };
        TokenStream stream = new EnglishPossessiveFilter(Version, tokenizer);
        stream = new AsciiFirstLowerCaseFilter(stream);
        if (fieldName == SnippetField) stream = new PrefixGate(stream);
        stream = Stemmer switch
        {
            Stemmer.Minimal => new EnglishMinimalStemFilter(stream),
            Stemmer.Porter => new PorterStemFilter(stream),
            _ => new KStemFilter(stream),
        };
        if (fieldName == Indexing.IndexSchema.Text) stream = new CommonGramsFilter(Version, stream, CommonWords);
        else if (fieldName == PhraseField) stream = new CommonGramsQueryFilter(new CommonGramsFilter(Version, stream, CommonWords));
        return new TokenStreamComponents(tokenizer, stream);
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) => FoldingFilter(reader);

    /// <summary>The char filter in use (see <see cref="SpellingFoldingCharFilter"/>; the benchmarks compare it with <see cref="Foldings"/>).</summary>
    internal static TextReader FoldingFilter(TextReader reader) => new SpellingFoldingCharFilter(reader);

    /// <summary>The same foldings as a map for Analysis.Common's MappingCharFilter.</summary>
    internal static readonly Lucene.Net.Analysis.CharFilters.NormalizeCharMap Foldings = BuildFoldings();

    private static Lucene.Net.Analysis.CharFilters.NormalizeCharMap BuildFoldings()
    {
        var map = new Lucene.Net.Analysis.CharFilters.NormalizeCharMap.Builder();
        foreach (var (from, to) in new[] { ("\u00AD", ""), ("\u200B", ""), ("’", "'"), ("‘", "'"), ("`", "'"), ("“", "\""), ("”", "\""), ("‐", "-"), ("‑", "-"), ("–", "-") })
            map.Add(from, to);
        return map.Build();
    }

    /// <summary>The terms of a text, in order (for query building and tests): the plain words unless another field is named.</summary>
    public IReadOnlyList<string> Terms(string text, string field = PlainField)
    {
        var terms = new List<string>();
        if (string.IsNullOrEmpty(text)) return terms;
        using var ts = GetTokenStream(field, text);
        var term = ts.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        ts.Reset();
        while (ts.IncrementToken()) terms.Add(term.ToString());
        ts.End();
        return terms;
    }

    /// <summary>Terms with their character offsets in <paramref name="text"/>.</summary>
    public IReadOnlyList<(string Term, int Start, int End)> TermsWithOffsets(string text, string field = PlainField)
    {
        var terms = new List<(string, int, int)>();
        VisitTerms(text, (term, start, end) => terms.Add((term.ToString(), start, end)), field);
        return terms;
    }

    /// <summary>
    /// The plain terms of a query's text (a typed word or phrase, a synonym or a variant of one),
    /// remembered: planning one query analyses the same few texts many times over (every synonym of
    /// "looked after children", for its key, its highlights and its query), and each analysis
    /// captures and clones Lucene's token states. Texts are short and the vocabulary is fixed, so
    /// the memory stays small; it is bounded all the same, and starts again when full.
    /// </summary>
    public IReadOnlyList<string> QueryTerms(string text) => Remembered(_queryTerms, text, t => Terms(t).ToArray());

    /// <summary>A phrase's terms with their positions: its common grams where it has common words (see <see cref="PhraseField"/>). Remembered as <see cref="QueryTerms"/> is.</summary>
    public IReadOnlyList<(string Term, int Position)> PhraseTerms(string text) => Remembered(_phraseTerms, text, AnalysePhrase);

    internal const int MaxRemembered = 8192;
    private readonly ConcurrentDictionary<string, string[]> _queryTerms = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string, int)[]> _phraseTerms = new(StringComparer.Ordinal);

    private static T[] Remembered<T>(ConcurrentDictionary<string, T[]> memory, string text, Func<string, T[]> analyse)
    {
        if (memory.TryGetValue(text, out var terms)) return terms;
        terms = analyse(text);
        if (memory.Count >= MaxRemembered) memory.Clear();
        memory[text] = terms;
        return terms;
    }

    private (string, int)[] AnalysePhrase(string text)
    {
        var terms = new List<(string, int)>();
        if (string.IsNullOrEmpty(text)) return [];
        using var ts = GetTokenStream(PhraseField, text);
        var term = ts.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        var increment = ts.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute>();
        ts.Reset();
        int position = -1;
        while (ts.IncrementToken())
        {
            position += increment.PositionIncrement;
            terms.Add((term.ToString(), position));
        }
        ts.End();
        return [.. terms];
    }

    /// <summary>
    /// As <see cref="VisitTerms(string, TermVisitor, string)"/>, for marking <paramref name="sought"/>
    /// terms in a snippet: a word whose first two letters begin none of them is passed on
    /// unstemmed (KStem only takes endings off, so it could not become one of them). Stemming
    /// was most of the time a page of snippets took.
    /// </summary>
    public void VisitTerms(string text, TermVisitor visit, IReadOnlyCollection<string> sought)
    {
        var prefixes = new HashSet<int>();
        foreach (var t in sought)
        {
            if (t.Length < 2) { VisitTerms(text, visit); return; }
            prefixes.Add(t[0] << 16 | t[1]);
        }
        _soughtPrefixes = prefixes;
        try { VisitTerms(text, visit, SnippetField); }
        finally { _soughtPrefixes = null; }
    }

    /// <summary>Marks a token as a keyword (KStem leaves keywords alone) unless it may stem to a sought word.</summary>
    private sealed class PrefixGate(TokenStream input) : TokenFilter(input)
    {
        private readonly Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute _term = input.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        private readonly Lucene.Net.Analysis.TokenAttributes.IKeywordAttribute _keyword = input.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IKeywordAttribute>();

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken()) return false;
            var prefixes = _soughtPrefixes;
            if (prefixes is not null && _term.Length >= 2 && !prefixes.Contains(_term.Buffer[0] << 16 | _term.Buffer[1])) _keyword.IsKeyword = true;
            return true;
        }
    }

    /// <summary>
    /// Calls <paramref name="visit"/> with each term and its character offsets, without making a
    /// string per term: snippets analyse every hit on every page, and most terms are not looked at.
    /// </summary>
    public void VisitTerms(string text, TermVisitor visit, string field = PlainField)
    {
        if (string.IsNullOrEmpty(text)) return;
        using var ts = GetTokenStream(field, text);
        var term = ts.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        var offset = ts.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IOffsetAttribute>();
        ts.Reset();
        while (ts.IncrementToken()) visit(term.Buffer.AsSpan(0, term.Length), offset.StartOffset, offset.EndOffset);
        ts.End();
    }
}

/// <summary>Receives one analysed term (valid only during the call) and its offsets in the original text.</summary>
public delegate void TermVisitor(ReadOnlySpan<char> term, int start, int end);

/// <summary>Analysis.Common's English stemmers (measured on the relevance sets: BENCHMARKS.md).</summary>
internal enum Stemmer
{
    /// <summary>KStem: plurals and common derivations by a dictionary, without Porter's over-stemming (shipped).</summary>
    KStem,

    /// <summary>EnglishMinimalStemFilter: plurals only ("placements" → "placement").</summary>
    Minimal,

    /// <summary>Porter: the classic suffix stripper ("assessment" → "assess").</summary>
    Porter,
}
