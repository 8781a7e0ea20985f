using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Search.Analysis;
using SearchService.Search.Indexing;

namespace SearchService.Search.Searching;

/// <summary>What a query matches, for marking snippets: single terms and phrases (as analysed terms).</summary>
public sealed class HighlightTerms
{
    public HashSet<string> Terms { get; } = new(StringComparer.Ordinal);
    public List<IReadOnlyList<string>> Phrases { get; } = [];
    public bool IsEmpty => Terms.Count == 0 && Phrases.Count == 0;

    private HighlightVocabulary? _vocabulary;

    /// <summary>The words as numbers, built once the query is built (for marking many texts).</summary>
    internal HighlightVocabulary Vocabulary => _vocabulary ??= new HighlightVocabulary(this);
}

/// <summary>
/// Every word a query highlights, numbered, with a lookup by character span (no string per
/// token), which of them mark on their own, and each phrase as its word numbers.
/// </summary>
internal sealed class HighlightVocabulary
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public bool[] MarksAlone { get; }
    public int[][] Phrases { get; }

    public HighlightVocabulary(HighlightTerms terms)
    {
        foreach (var t in terms.Terms.Concat(terms.Phrases.SelectMany(p => p))) _ids.TryAdd(t, _ids.Count);
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        MarksAlone = new bool[_ids.Count];
        foreach (var t in terms.Terms) MarksAlone[_ids[t]] = true;
        Phrases = terms.Phrases.Select(p => p.Select(w => _ids[w]).ToArray()).ToArray();
    }

    /// <summary>The word's number, or −1 when the query does not highlight it.</summary>
    public int IdOf(ReadOnlySpan<char> term) => _lookup.TryGetValue(term, out int id) ? id : -1;
}

/// <summary>
/// Turns a parsed user query into a Lucene query. Matching is decided by a core query; ranking
/// rewards all words present (<see cref="ReportSimilarity"/>) and adds boosts that never widen
/// what matches: the words close together, and the words in the section heading. Synonyms are expanded here, at query time.
/// </summary>
public sealed class QueryBuilder(ReportAnalyzer analyzer, Synonyms synonyms)
{
    /// <summary>Most clauses a query may expand to (synonyms included), bounding the work per query.</summary>
    public int MaxClauses { get; init; } = 256;

    private int _clauses;

    public (Query Query, HighlightTerms Highlights) Build(QueryNode node)
    {
        _clauses = 0;
        var highlights = new HighlightTerms();
        var expanded = Expand(node);
        var core = Core(expanded, highlights) ?? throw new QuerySyntaxException("The query has no searchable words.");
        var result = new BooleanQuery(disableCoord: true) { { core, Occur.MUST } };
        foreach (var booster in Boosters(expanded)) result.Add(booster, Occur.SHOULD);
        return (result, highlights);
    }

    /// <summary>Replaces runs of words and phrases that have synonyms with "the original OR its alternatives".</summary>
    private QueryNode Expand(QueryNode node)
    {
        switch (node)
        {
            case PhraseNode p when synonyms.Alternatives(p.Phrase) is { } alts:
                return new AnyNode(alts.Select(a => (QueryNode)new PhraseNode(a)).Prepend(p).DistinctBy(Key).ToList());
            case WordNode w when synonyms.Alternatives(w.Word) is { } alts:
                return new AnyNode(alts.Select(a => (QueryNode)(a.Contains(' ') ? new PhraseNode(a) : new WordNode(a))).Prepend(w).DistinctBy(Key).ToList());
            case AnyNode any:
                return new AnyNode(any.Alternatives.Select(Expand).ToList());
            case AllNode all:
                {
                    var required = new List<QueryNode>();
                    var items = all.Required;
                    for (int i = 0; i < items.Count;)
                    {
                        bool matched = false;
                        for (int len = Math.Min(synonyms.MaxWords, items.Count - i); len >= 2 && !matched; len--)
                        {
                            var run = items.Skip(i).Take(len).ToList();
                            if (!run.All(n => n is WordNode)) continue;
                            var text = string.Join(" ", run.Cast<WordNode>().Select(n => n.Word));
                            if (synonyms.Alternatives(text) is not { } alts) continue;
                            var original = new AllNode(run, []);
                            required.Add(new AnyNode(alts.Where(a => Synonyms.Normalise(a) != Synonyms.Normalise(text))
                                .Select(a => (QueryNode)(a.Contains(' ') ? new PhraseNode(a) : new WordNode(a))).Prepend(original).ToList()));
                            i += len;
                            matched = true;
                        }
                        if (!matched) required.Add(Expand(items[i++]));
                    }
                    return new AllNode(required, all.Excluded);
                }
            default:
                return node;
        }
    }

    private static string Key(QueryNode n) => n switch
    {
        WordNode w => Synonyms.Normalise(w.Word),
        PhraseNode p => Synonyms.Normalise(p.Phrase),
        _ => n.ToString()!,
    };

    private Query? Core(QueryNode node, HighlightTerms highlights)
    {
        switch (node)
        {
            case WordNode w:
                return TextQuery(w.Word, highlights);
            case PhraseNode p:
                return TextQuery(p.Phrase, highlights);
            case AnyNode any:
                {
                    var bq = new BooleanQuery(disableCoord: true);
                    foreach (var alt in any.Alternatives)
                        if (Core(alt, highlights) is { } q) bq.Add(q, Occur.SHOULD);
                    return bq.Clauses.Count == 0 ? null : bq.Clauses.Count == 1 ? bq.Clauses[0].Query : bq;
                }
            case AllNode all:
                {
                    // The one query that keeps Lucene's coordination factor: see ReportSimilarity.
                    var bq = new BooleanQuery(disableCoord: false);
                    foreach (var r in all.Required)
                        if (Core(r, highlights) is { } q) bq.Add(q, Occur.SHOULD);
                    if (bq.Clauses.Count == 0) return null;
                    bq.MinimumNumberShouldMatch = 1;
                    foreach (var e in all.Excluded)
                        if (Core(e, new HighlightTerms()) is { } q) bq.Add(q, Occur.MUST_NOT);
                    return bq.Clauses.Count == 1 ? bq.Clauses[0].Query : bq;
                }
            default:
                return null;
        }
    }

    /// <summary>
    /// Boosts: the words near each other; the words in the heading. (All words present is
    /// rewarded by the coordination factor of the core query, see <see cref="ReportSimilarity"/>.)
    /// </summary>
    private IEnumerable<Query> Boosters(QueryNode node)
    {
        if (node is not AllNode all || all.Required.Count < 2) yield break;
        var words = all.Required.OfType<WordNode>().SelectMany(w => analyzer.Terms(w.Word)).ToList();
        if (words.Count >= 2)
        {
            var near = new PhraseQuery { Slop = 6, Boost = 1.5f };
            foreach (var t in words) near.Add(new Term(IndexSchema.Text, t));
            yield return near;
            var heading = new BooleanQuery(disableCoord: true) { Boost = 0.5f };
            foreach (var t in words.Distinct()) heading.Add(new TermQuery(new Term(IndexSchema.Heading, t)), Occur.SHOULD);
            yield return heading;
        }
    }

    private Query? TextQuery(string text, HighlightTerms highlights)
    {
        var terms = analyzer.Terms(text);
        if (terms.Count == 0) return null;
        if (++_clauses > MaxClauses) throw new QueryLimitException($"The query expands to more than {MaxClauses} clauses.", "maxClauses", MaxClauses);
        if (terms.Count == 1)
        {
            highlights.Terms.Add(terms[0]);
            return new TermQuery(new Term(IndexSchema.Text, terms[0]));
        }
        // Several terms from one typed word ("63.9" aside, e.g. "children's-services") or a phrase: match them in order.
        highlights.Phrases.Add(terms);
        var pq = new PhraseQuery();
        for (int i = 0; i < terms.Count; i++) pq.Add(new Term(IndexSchema.Text, terms[i]), i);
        return pq;
    }
}

/// <summary>A request over a configured limit; names the limit and its value.</summary>
public sealed class QueryLimitException(string message, string limit, long value) : Exception(message)
{
    public string Limit { get; } = limit;
    public long Value { get; } = value;
}
