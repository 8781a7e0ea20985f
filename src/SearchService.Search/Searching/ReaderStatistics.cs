using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Search.Indexing;

namespace SearchService.Search.Searching;

/// <summary>
/// Term and phrase frequencies of one index reader, remembered for as long as the reader is
/// served. Planning a query asks for them again and again — to weigh common grams as their words
/// (<see cref="QueryBuilder"/>), to keep only the synonyms the index holds (<see cref="Synonyms.Variants"/>)
/// — and each answer cost a terms-dictionary seek with a new enumerator (a few KB of garbage), or a
/// whole phrase search over the index; a reader never changes, so neither do they. Bounded: when
/// it holds too many, it starts again rather than grow without end.
/// </summary>
internal sealed class ReaderStatistics(IndexReader reader)
{
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<string, long> _documentFrequencies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _phraseFrequencies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Term, long> _fieldFrequencies = new();
    private readonly ConcurrentDictionary<Term, TermContext> _termContexts = new();
    private readonly ConcurrentDictionary<(Synonyms, string), string[]> _variants = new();
    private readonly IndexSearcher _counter = new(reader);
    private readonly Lazy<long> _documentCount = new(() => reader.GetDocCount(IndexSchema.Text));
    private readonly Lazy<bool> _grams = new(() =>
        reader.DocFreq(new Term(IndexSchema.Text, "of_the")) > 0 || reader.DocFreq(new Term(IndexSchema.Text, "in_the")) > 0);

    public IndexReader Reader => reader;

    /// <summary>Synonym groups' and frequent words' matches and scores in this reader (<see cref="RememberedScoresQuery"/>).</summary>
    public RememberedScores Scores { get; } = new(reader);

    /// <summary>Paragraphs (and other records) with any text: BM25's document count.</summary>
    public long DocumentCount => _documentCount.Value;

    /// <summary>
    /// Whether the index was built with common grams: English prose puts "of the" in some paragraph
    /// of any corpus worth the name. Without grams (an index from before them) phrases are searched
    /// word by word, which is slower but finds the same paragraphs, until the next re-index.
    /// </summary>
    public bool HasGrams => _grams.Value;

    /// <summary>How many records hold an analysed term of the text field.</summary>
    public long DocumentFrequency(string term)
    {
        if (_documentFrequencies.TryGetValue(term, out long df)) return df;
        df = reader.DocFreq(new Term(IndexSchema.Text, term));
        Remember(_documentFrequencies, term, df);
        return df;
    }

    /// <summary>How many records hold a term of any field (the text field's are <see cref="DocumentFrequency(string)"/>).</summary>
    public long DocumentFrequency(Term term)
    {
        if (term.Field == IndexSchema.Text) return DocumentFrequency(term.Text);
        if (_fieldFrequencies.TryGetValue(term, out long df)) return df;
        df = reader.DocFreq(term);
        Remember(_fieldFrequencies, term, df);
        return df;
    }

    /// <summary>How many records match a phrase's query (built by the caller), counted once per reader.</summary>
    public long PhraseFrequency(string phrase, Func<Query?> query)
    {
        if (_phraseFrequencies.TryGetValue(phrase, out long count)) return count;
        var q = query();
        if (q is null) count = 0;
        else
        {
            var counter = new TotalHitCountCollector();
            _counter.Search(q, counter);
            count = counter.TotalHits;
        }
        Remember(_phraseFrequencies, phrase, count);
        return count;
    }

    /// <summary>
    /// Where a term's postings start in each segment, looked up once per reader: a term query given
    /// them skips the terms-dictionary walk (and the enumerator it allocates) that every search
    /// otherwise repeats for every word and synonym. Read-only once built, so shared across searches.
    /// </summary>
    public TermContext ContextOf(Term term)
    {
        if (_termContexts.TryGetValue(term, out var context)) return context;
        context = TermContext.Build(reader.Context, term);
        Remember(_termContexts, term, context);
        return context;
    }

    /// <summary>
    /// The variants of a typed text that the vocabulary and this reader give (<see cref="Synonyms.Variants"/>),
    /// found once per reader and vocabulary: finding them analyses every term of the text's group and
    /// looks up its frequencies, for the same answer every time.
    /// </summary>
    public IReadOnlyList<string> VariantsOf(Synonyms synonyms, string typed, Func<List<string>> find)
    {
        var key = (synonyms, typed);
        if (_variants.TryGetValue(key, out var variants)) return variants;
        variants = [.. find()];
        Remember(_variants, key, variants);
        return variants;
    }

    private static void Remember<TKey, TValue>(ConcurrentDictionary<TKey, TValue> cache, TKey key, TValue value)
        where TKey : notnull
    {
        if (cache.Count >= MaxEntries) cache.Clear();
        cache[key] = value;
    }
}
