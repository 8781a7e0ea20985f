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
}

/// <summary>
/// Turns a parsed user query into a Lucene query. Matching is decided by a core query; ranking
/// adds boosts that never widen what matches: all words present, the words close together,
/// and the words in the section heading. Synonyms are expanded here, at query time.
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
        var result = new BooleanQuery { { core, Occur.MUST } };
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
                var bq = new BooleanQuery();
                foreach (var alt in any.Alternatives)
                    if (Core(alt, highlights) is { } q) bq.Add(q, Occur.SHOULD);
                return bq.Clauses.Count == 0 ? null : bq.Clauses.Count == 1 ? bq.Clauses[0].Query : bq;
            }
            case AllNode all:
            {
                var bq = new BooleanQuery();
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

    /// <summary>Boosts: all required words present; the words near each other; the words in the heading.</summary>
    private IEnumerable<Query> Boosters(QueryNode node)
    {
        if (node is not AllNode all || all.Required.Count < 2) yield break;
        var allMust = new BooleanQuery();
        foreach (var r in all.Required)
            if (Core(r, new HighlightTerms()) is { } q) allMust.Add(q, Occur.MUST);
        if (allMust.Clauses.Count >= 2)
        {
            allMust.Boost = 2f;
            yield return allMust;
        }
        var words = all.Required.OfType<WordNode>().SelectMany(w => analyzer.Terms(w.Word)).ToList();
        if (words.Count >= 2)
        {
            var near = new PhraseQuery { Slop = 6, Boost = 1.5f };
            foreach (var t in words) near.Add(new Term(IndexSchema.Text, t));
            yield return near;
            var heading = new BooleanQuery { Boost = 0.5f };
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
