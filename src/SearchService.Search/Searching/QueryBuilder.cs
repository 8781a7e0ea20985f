using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Search.Analysis;
using SearchService.Search.Indexing;

namespace SearchService.Search.Searching;

/// <summary>
/// What a query matches, for marking snippets: single terms and phrases (as analysed terms),
/// each with the form of the query it came from (what the user typed, or a synonym of it).
/// </summary>
public sealed class HighlightTerms
{
    public HashSet<string> Terms { get; } = new(StringComparer.Ordinal);
    public List<IReadOnlyList<string>> Phrases { get; } = [];
    public bool IsEmpty => Terms.Count == 0 && Phrases.Count == 0;

    /// <summary>The forms of the query: as typed, or a synonym it was expanded to.</summary>
    public List<QueryForm> Forms { get; } = [];
    internal Dictionary<string, int> TermForm { get; } = new(StringComparer.Ordinal);
    internal List<int> PhraseForm { get; } = [];

    private HighlightVocabulary? _vocabulary;

    /// <summary>The words as numbers, built once the query is built (for marking many texts).</summary>
    internal HighlightVocabulary Vocabulary => _vocabulary ??= new HighlightVocabulary(this);

    internal int AddForm(string text, bool synonym)
    {
        Forms.Add(new QueryForm(text, synonym));
        return Forms.Count - 1;
    }

    internal void AddTerm(string term, int form)
    {
        Terms.Add(term);
        TermForm.TryAdd(term, form);
    }

    internal void AddPhrase(IReadOnlyList<string> terms, int form)
    {
        Phrases.Add(terms);
        PhraseForm.Add(form);
    }
}

/// <summary>One form a query matches: the words as typed, or a synonym they were expanded to.</summary>
public sealed record QueryForm(string Text, bool Synonym);

/// <summary>
/// Every word a query highlights, numbered, with a lookup by character span (no string per
/// token), which of them mark on their own, each phrase as its word numbers, and the form of
/// the query each mark belongs to.
/// </summary>
internal sealed class HighlightVocabulary
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public bool[] MarksAlone { get; }
    public int[][] Phrases { get; }

    /// <summary>The form of each mark: words by number, then phrases (−1 when unknown).</summary>
    public int[] FormOf { get; }

    public HighlightVocabulary(HighlightTerms terms)
    {
        foreach (var t in terms.Terms.Concat(terms.Phrases.SelectMany(p => p))) _ids.TryAdd(t, _ids.Count);
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        MarksAlone = new bool[_ids.Count];
        foreach (var t in terms.Terms) MarksAlone[_ids[t]] = true;
        Phrases = terms.Phrases.Select(p => p.Select(w => _ids[w]).ToArray()).ToArray();
        FormOf = new int[_ids.Count + Phrases.Length];
        foreach (var (term, id) in _ids) FormOf[id] = terms.TermForm.GetValueOrDefault(term, -1);
        for (int p = 0; p < Phrases.Length; p++) FormOf[_ids.Count + p] = p < terms.PhraseForm.Count ? terms.PhraseForm[p] : -1;
    }

    /// <summary>Every word the query highlights (alone or in a phrase).</summary>
    public IReadOnlyCollection<string> Words => _ids.Keys;

    /// <summary>The word's number, or −1 when the query does not highlight it.</summary>
    public int IdOf(ReadOnlySpan<char> term) => _lookup.TryGetValue(term, out int id) ? id : -1;
}

/// <summary>How the words of a query combine: every one (the default, as the major engines do) or any one.</summary>
public enum MatchMode { All, Any }

/// <summary>A typed word or phrase and the synonyms it was expanded to (in the order tried).</summary>
public sealed record SynonymExpansion(string Typed, IReadOnlyList<string> Alternatives)
{
    /// <summary>The alternatives that come from acronyms the documents define (learned at index time), with their source.</summary>
    public IReadOnlyList<LearnedExpansion> Learned { get; init; } = [];
}

/// <summary>An alternative searched only in some authorities' paragraphs: a local name learned from their papers.</summary>
public sealed record ScopedNode(QueryNode Inner, IReadOnlyList<string> Authorities) : QueryNode;

/// <summary>A word or phrase of the query as typed, and its synonyms: any of them matches.</summary>
public sealed record SynonymNode(QueryNode Typed, string TypedText, IReadOnlyList<QueryNode> Alternatives) : QueryNode
{
    /// <summary>
    /// For a concept typed in several words: its words with each word's own synonyms ("sibling contact": "brothers and
    /// sisters" … "contact"), matched anywhere in a paragraph; null when no word has any (then the words as typed).
    /// </summary>
    public QueryNode? Apart { get; init; }
}

/// <summary>
/// A parsed query ready to run: synonyms expanded, terms counted against the limits, and (for
/// all-words matching) the top-level words it may drop, least informative first, when too few
/// paragraphs match them all.
/// </summary>
public sealed class PreparedQuery
{
    internal PreparedQuery(QueryNode node, MatchMode match, HighlightTerms highlights, IReadOnlyList<SynonymExpansion> expansions, IReadOnlyList<QueryNode> units)
    {
        Node = node;
        Match = match;
        Highlights = highlights;
        Expansions = expansions;
        Units = units;
    }

    public QueryNode Node { get; }
    public MatchMode Match { get; }
    public HighlightTerms Highlights { get; }
    public IReadOnlyList<SynonymExpansion> Expansions { get; }

    /// <summary>The top-level parts of an all-words query (each a word, phrase, group or synonym group).</summary>
    internal IReadOnlyList<QueryNode> Units { get; }
}

/// <summary>
/// Turns a parsed user query into a Lucene query. With all-words matching every word (or one
/// of its synonyms) is required; with any-word matching one is enough and paragraphs holding
/// all of them rank first (<see cref="ReportSimilarity"/>). Boosts never widen what matches:
/// the words close together, and the words in the section heading. Synonyms are expanded
/// here, at query time, as a group per typed word or multi-word concept: a multi-word
/// alternative is a phrase, never an OR of its single words.
/// </summary>
public sealed class QueryBuilder(ReportAnalyzer analyzer, Synonyms synonyms)
{
    private ReportAnalyzer Analyzer => analyzer;

    /// <summary>Most clauses a query may expand to (synonyms included), bounding the work per query.</summary>
    public int MaxClauses { get; init; } = 256;

    /// <summary>Most distinct terms a query may hold (repeats count once).</summary>
    public int MaxTerms { get; init; } = 32;

    public MatchMode Match { get; init; } = MatchMode.All;

    /// <summary>No synonym expansion anywhere in the query (as <c>=word</c> does for one word).</summary>
    public bool Exact { get; init; }

    /// <summary>The acronyms the searched index's documents define (used when the vocabulary's <see cref="VocabularyMechanisms.Learned"/> is on).</summary>
    public LearnedVocabulary Learned { get; init; } = LearnedVocabulary.Empty;

    /// <summary>The search's authority filter (resolved names; empty: all): a local learned name outside it is not searched.</summary>
    public IReadOnlyCollection<string> Authorities { get; init; } = [];

    private bool UseLearned => synonyms.Mechanisms.HasFlag(VocabularyMechanisms.Learned) && Learned.Entries.Count > 0;

    /// <summary>The longest run of typed words looked up as one term.</summary>
    private int MaxRun => UseLearned ? Math.Max(synonyms.MaxWords, Learned.MaxWords) : synonyms.MaxWords;

    private int _clauses;

    /// <summary>Builds the query with every part required (or, with <see cref="MatchMode.Any"/>, any), nothing dropped.</summary>
    public (Query Query, HighlightTerms Highlights) Build(QueryNode node)
    {
        var prepared = Prepare(node);
        return (Build(prepared, EmptySet), prepared.Highlights);
    }

    /// <summary>Expands synonyms, removes repeats and checks the term limit.</summary>
    public PreparedQuery Prepare(QueryNode node)
    {
        node = Collapse(node);
        var terms = new HashSet<string>(StringComparer.Ordinal);
        CountTerms(node, terms);
        if (terms.Count > MaxTerms)
            throw new QueryLimitException($"The query has {terms.Count} different words; at most {MaxTerms} are allowed.", "maxQueryTerms", MaxTerms);
        var expansions = new List<SynonymExpansion>();
        var highlights = new HighlightTerms();
        var expanded = Expand(node, expansions);
        _clauses = 0;
        Collect(expanded, highlights, synonym: null);
        var units = Match == MatchMode.All && expanded is AllNode all ? all.Required : [];
        return new PreparedQuery(expanded, Match, highlights, expansions, units);
    }

    /// <summary>
    /// The Lucene query with the given top-level units dropped (they still count towards the
    /// ranking, as optional clauses). Throws <see cref="QuerySyntaxException"/> when no word is searchable.
    /// </summary>
    public Query Build(PreparedQuery prepared, IReadOnlySet<int> dropped) => Build(prepared, dropped, out _);

    /// <summary>As <see cref="Build(PreparedQuery, IReadOnlySet{int})"/>, also giving the query that decides what matches (no boosts): for counting.</summary>
    public Query Build(PreparedQuery prepared, IReadOnlySet<int> dropped, out Query core)
    {
        _clauses = 0;
        core = Core(prepared.Node, prepared.Match, top: true, dropped) ?? throw new QuerySyntaxException("The query has no searchable words.");
        var result = BooleanOf(disableCoord: true);
        result.Add(core, Occur.MUST);
        foreach (var booster in Boosters(prepared.Node)) result.Add(booster, Occur.SHOULD);
        return result;
    }

    /// <summary>The order in which relaxation drops units: least informative (most paragraphs) first; phrases, +words and groups never.</summary>
    internal IReadOnlyList<int> DropOrder(PreparedQuery prepared, IndexReader reader)
    {
        var candidates = new List<(int Unit, long Frequency)>();
        for (int i = 0; i < prepared.Units.Count; i++)
            if (Droppable(prepared.Units[i])) candidates.Add((i, Frequency(prepared.Units[i], reader)));
        // Words no paragraph holds (typos, words the reports never use) go first: they are why
        // nothing matches. Then the most frequent. Keep at least one unit: never relax to nothing.
        int keep = prepared.Units.Count - candidates.Count;
        var order = candidates.OrderBy(c => c.Frequency == 0 ? 0 : 1).ThenByDescending(c => c.Frequency).ThenByDescending(c => c.Unit).Select(c => c.Unit).ToList();
        return keep == 0 && order.Count > 0 ? order[..^1] : order;
    }

    /// <summary>Plain words and the synonym groups of plain words; never phrases, +words, AND, OR or bracketed groups.</summary>
    private static bool Droppable(QueryNode unit) => unit switch
    {
        WordNode => true,
        SynonymNode { Typed: WordNode or AllNode } => true,
        _ => false,
    };

    /// <summary>How many paragraphs a unit could match, roughly: the most frequent word of it (for a group, the sum of its alternatives).</summary>
    private long Frequency(QueryNode node, IndexReader reader) => node switch
    {
        WordNode w => analyzer.QueryTerms(w.Word).Select(t => (long)reader.DocFreq(new Term(IndexSchema.Text, t))).DefaultIfEmpty(0).Max(),
        PhraseNode p => analyzer.QueryTerms(p.Phrase).Select(t => (long)reader.DocFreq(new Term(IndexSchema.Text, t))).DefaultIfEmpty(0).Min(),
        RequiredNode r => Frequency(r.Inner, reader),
        SynonymNode s => s.Alternatives.Prepend(s.Typed).Sum(n => Frequency(n, reader)),
        ScopedNode s => Frequency(s.Inner, reader),
        AnyNode a => a.Alternatives.Sum(n => Frequency(n, reader)),
        AllNode a => a.Required.Select(n => Frequency(n, reader)).DefaultIfEmpty(0).Min(),
        _ => 0,
    };

    /// <summary>The words of a unit as typed (for saying which were dropped).</summary>
    internal static string Describe(QueryNode node) => node switch
    {
        WordNode w => w.Word,
        PhraseNode p => $"\"{p.Phrase}\"",
        RequiredNode r => Describe(r.Inner),
        SynonymNode s => s.TypedText,
        AllNode a => string.Join(" ", a.Required.Select(Describe)),
        AnyNode a => string.Join(" OR ", a.Alternatives.Select(Describe)),
        _ => "",
    };

    // ---- Repeats and the term limit ------------------------------------------------------------

    /// <summary>Removes repeated words and phrases (the same after analysis): "the the the" costs what "the" does.</summary>
    private QueryNode Collapse(QueryNode node)
    {
        switch (node)
        {
            case AllNode all:
                {
                    var required = new List<QueryNode>();
                    var seen = new Dictionary<string, int>(StringComparer.Ordinal);
                    foreach (var r in all.Required.Select(Collapse))
                    {
                        var key = AnalysedKey(r);
                        if (seen.TryGetValue(key, out int at))
                        {
                            // A repeat adds nothing, except that +word or AND makes the first required.
                            if (r is RequiredNode && required[at] is not RequiredNode) required[at] = new RequiredNode(required[at]);
                            continue;
                        }
                        seen[key] = required.Count;
                        required.Add(r);
                    }
                    var excluded = all.Excluded.Select(Collapse).DistinctBy(AnalysedKey).ToList();
                    return required.Count == 1 && excluded.Count == 0 ? required[0] : new AllNode(required, excluded);
                }
            case AnyNode any:
                {
                    var alternatives = any.Alternatives.Select(Collapse).DistinctBy(AnalysedKey).ToList();
                    return alternatives.Count == 1 ? alternatives[0] : new AnyNode(alternatives);
                }
            case RequiredNode r:
                return new RequiredNode(Collapse(r.Inner));
            default:
                return node;
        }
    }

    private string AnalysedKey(QueryNode node) => node switch
    {
        WordNode w => (w.Exact ? "=" : "") + "w:" + string.Join(' ', analyzer.QueryTerms(w.Word)),
        PhraseNode p => (p.Exact ? "=" : "") + "p:" + string.Join(' ', analyzer.QueryTerms(p.Phrase)),
        RequiredNode r => AnalysedKey(r.Inner),
        AllNode a => "all(" + string.Join(",", a.Required.Select(AnalysedKey)) + ";-" + string.Join(",", a.Excluded.Select(AnalysedKey)) + ")",
        AnyNode a => "any(" + string.Join(",", a.Alternatives.Select(AnalysedKey)) + ")",
        _ => node.ToString() ?? "",
    };

    private void CountTerms(QueryNode node, HashSet<string> terms)
    {
        switch (node)
        {
            case WordNode w: terms.UnionWith(analyzer.QueryTerms(w.Word)); break;
            case PhraseNode p: terms.UnionWith(analyzer.QueryTerms(p.Phrase)); break;
            case RequiredNode r: CountTerms(r.Inner, terms); break;
            case AnyNode a: foreach (var n in a.Alternatives) CountTerms(n, terms); break;
            case AllNode a: foreach (var n in a.Required.Concat(a.Excluded)) CountTerms(n, terms); break;
        }
    }

    // ---- Synonyms ------------------------------------------------------------------------------

    /// <summary>
    /// Replaces words, phrases and runs of words that have synonyms with a synonym group: the
    /// form typed or any alternative. A run ("looked after children") stays a concept: all its
    /// words, or one of its alternatives, never any one of its words.
    /// </summary>
    private QueryNode Expand(QueryNode node, List<SynonymExpansion> expansions)
    {
        switch (node)
        {
            case PhraseNode p when !p.Exact && !Exact && Alternatives(p.Phrase) is { Count: > 0 } alts:
                expansions.Add(Expansion(p.Phrase, alts));
                return new SynonymNode(p, p.Phrase, alts.Select(AlternativeNode).ToList());
            case WordNode w when !w.Exact && !Exact && Alternatives(w.Word) is { Count: > 0 } alts:
                expansions.Add(Expansion(w.Word, alts));
                return new SynonymNode(w, w.Word, alts.Select(AlternativeNode).ToList());
            case AnyNode any:
                return new AnyNode(any.Alternatives.Select(a => Expand(a, expansions)).ToList());
            case RequiredNode r:
                return new RequiredNode(Expand(r.Inner, expansions));
            case AllNode all:
                {
                    var required = new List<QueryNode>();
                    var items = all.Required;
                    for (int i = 0; i < items.Count;)
                    {
                        bool matched = false;
                        for (int len = Math.Min(MaxRun, items.Count - i); len >= 2 && !matched && !Exact; len--)
                        {
                            var run = items.Skip(i).Take(len).ToList();
                            // "+placement +stability" and "placement AND stability" are the same concept as "placement stability".
                            var words = run.Select(n => n is RequiredNode r ? r.Inner : n).ToList();
                            if (!words.All(n => n is WordNode { Exact: false })) continue;
                            var text = string.Join(" ", words.Cast<WordNode>().Select(n => n.Word));
                            if (Alternatives(text) is not { Count: > 0 } alts) continue;
                            expansions.Add(Expansion(text, alts));
                            // The words as typed (all of them with all-words matching), or one of the alternatives,
                            // each alternative a phrase: the concept never becomes an OR of the alternatives' words.
                            var typed = new AllNode(run, []);
                            // Each word keeps its own synonyms too: "a paragraph must hold every word, or a synonym of it".
                            var parts = run.Select(n => Expand(n, expansions)).ToList();
                            QueryNode concept = new SynonymNode(typed, text, alts.Select(AlternativeNode).ToList())
                            {
                                Apart = parts.SequenceEqual(run) ? null : new AllNode(parts, []),
                            };
                            required.Add(run.Any(n => n is RequiredNode) ? new RequiredNode(concept) : concept);
                            i += len;
                            matched = true;
                        }
                        if (!matched) required.Add(Expand(items[i++], expansions));
                    }
                    return new AllNode(required, all.Excluded);
                }
            default:
                return node;
        }
    }

    /// <summary>One alternative of a typed term: its text, and the learned definition it comes from (null: the curated vocabulary or a variant).</summary>
    private sealed record Alternative(string Text, LearnedExpansion? Learned);

    /// <summary>
    /// The synonyms and variants of a term (see <see cref="Synonyms.Variants"/>) that analyse
    /// differently from it and from each other, in the vocabulary's order; then, for a term the
    /// curated groups do not hold, the acronyms the documents define (see <see cref="LearnedVocabulary"/>).
    /// </summary>
    private List<Alternative>? Alternatives(string text)
    {
        var found = Statistics is null ? synonyms.Variants(text, null)
            : Statistics.VariantsOf(synonyms, text, () => synonyms.Variants(text, _statistics ??= new IndexStatistics(this, Statistics)));
        var variants = found.Select(v => new Alternative(v, null)).ToList();
        if (UseLearned && synonyms.Find(text) is null)
            variants.AddRange(Learned.Lookup(text, synonyms, Authorities).Select(l => new Alternative(l.Alternative, l)));
        if (variants.Count == 0) return null;
        var seen = new HashSet<string>(StringComparer.Ordinal) { string.Join(' ', analyzer.QueryTerms(text)) };
        var result = new List<Alternative>();
        foreach (var alt in variants)
        {
            var key = string.Join(' ', analyzer.QueryTerms(alt.Text));
            if (key.Length > 0 && seen.Add(key)) result.Add(alt);
        }
        return result.Count == 0 ? null : result;
    }

    private static SynonymExpansion Expansion(string typed, List<Alternative> alternatives) =>
        new(typed, alternatives.Select(a => a.Text).ToList()) { Learned = alternatives.Where(a => a.Learned is not null).Select(a => a.Learned!).ToList() };

    private IndexStatistics? _statistics;

    /// <summary>Term and phrase frequencies from the index searched, for keeping only the variants it holds.</summary>
    private sealed class IndexStatistics(QueryBuilder builder, ReaderStatistics statistics) : IVocabularyStatistics
    {
        public long DocumentFrequency(string term) => statistics.DocumentFrequency(term);

        public IReadOnlyList<string> Terms(string text) => builder.Analyzer.QueryTerms(text);

        public long PhraseFrequency(string phrase) => statistics.PhraseFrequency(phrase, () =>
        {
            int clauses = builder._clauses;
            var query = builder.TextQuery(phrase);
            builder._clauses = clauses; // a check, not part of the query
            return query;
        });
    }

    private static QueryNode AlternativeNode(Alternative alternative)
    {
        QueryNode node = alternative.Text.Contains(' ') ? new PhraseNode(alternative.Text, true) : new WordNode(alternative.Text, true);
        // A local name is true only in its authority's papers.
        return alternative.Learned?.Definition is { Global: false } local ? new ScopedNode(node, local.Authorities) : node;
    }

    // ---- Highlighting --------------------------------------------------------------------------

    /// <summary>Records every term and phrase the query can mark, with the form (typed or synonym) each belongs to.</summary>
    private void Collect(QueryNode node, HighlightTerms highlights, int? synonym)
    {
        switch (node)
        {
            case WordNode w: AddText(w.Word, highlights, synonym ?? highlights.AddForm(w.Word, false)); break;
            case PhraseNode p: AddText(p.Phrase, highlights, synonym ?? highlights.AddForm(p.Phrase, false)); break;
            case RequiredNode r: Collect(r.Inner, highlights, synonym); break;
            case AnyNode a: foreach (var n in a.Alternatives) Collect(n, highlights, synonym); break;
            case AllNode a: foreach (var n in a.Required) Collect(n, highlights, synonym); break;
            case SynonymNode s:
                Collect(s.Typed, highlights, synonym);
                if (s.Apart is AllNode apart)
                    foreach (var word in apart.Required.Select(n => n is RequiredNode r ? r.Inner : n).OfType<SynonymNode>())
                        foreach (var alt in word.Alternatives)
                        {
                            var inner = alt is ScopedNode scoped ? scoped.Inner : alt;
                            Collect(inner, highlights, highlights.AddForm(inner is PhraseNode p ? p.Phrase : ((WordNode)inner).Word, true));
                        }
                foreach (var alt in s.Alternatives)
                {
                    var inner = alt is ScopedNode scoped ? scoped.Inner : alt;
                    Collect(inner, highlights, highlights.AddForm(inner is PhraseNode p ? p.Phrase : ((WordNode)inner).Word, true));
                }
                break;
        }
    }

    private void AddText(string text, HighlightTerms highlights, int form)
    {
        var terms = analyzer.QueryTerms(text);
        if (terms.Count == 1) highlights.AddTerm(terms[0], form);
        else if (terms.Count > 1) highlights.AddPhrase(terms, form);
    }

    // ---- Lucene queries ------------------------------------------------------------------------

    private Query? Core(QueryNode node, MatchMode match, bool top, IReadOnlySet<int> dropped)
    {
        switch (node)
        {
            case WordNode w:
                return TextQuery(w.Word);
            case PhraseNode p:
                return TextQuery(p.Phrase);
            case RequiredNode r:
                return Core(r.Inner, match, false, dropped);
            case ScopedNode scoped:
                {
                    if (Core(scoped.Inner, match, false, EmptySet) is not { } inner) return null;
                    var authorities = new BooleanQuery(disableCoord: true);
                    foreach (var a in scoped.Authorities) authorities.Add(new TermQuery(new Term(IndexSchema.Authority, a)), Occur.SHOULD);
                    return new FilteredQuery(inner, new QueryWrapperFilter(authorities));
                }
            case SynonymNode s:
                return SynonymQuery(s, match);
            case AnyNode any:
                return AnyOf(any.Alternatives, match);
            case AllNode all:
                {
                    // The one kind of query that keeps Lucene's coordination factor: see ReportSimilarity.
                    var bq = BooleanOf(disableCoord: false);
                    bool required = false;
                    for (int i = 0; i < all.Required.Count; i++)
                    {
                        var part = all.Required[i];
                        if (Core(part, match, false, dropped) is not { } q) continue;
                        bool must = part is RequiredNode || (match == MatchMode.All && !(top && dropped.Contains(i)));
                        bq.Add(q, must ? Occur.MUST : Occur.SHOULD);
                        required |= must;
                    }
                    if (bq.Clauses.Count == 0)
                    {
                        // Only exclusions: every paragraph without them.
                        if (all.Required.Count > 0) return null;
                        bq.Add(new MatchAllDocsQuery(), Occur.MUST);
                    }
                    else if (!required) bq.MinimumNumberShouldMatch = 1;
                    foreach (var e in all.Excluded)
                        if (Core(e, match, false, dropped) is { } q) bq.Add(q, Occur.MUST_NOT);
                    return bq.Clauses.Count == 1 && bq.Clauses[0].Occur != Occur.MUST_NOT ? bq.Clauses[0].Query : bq;
                }
            default:
                return null;
        }
    }

    /// <summary>A synonym group: the words as typed (for a concept, where they stand together), its alternatives, and a concept's words apart.</summary>
    private Query? SynonymQuery(SynonymNode s, MatchMode match)
    {
        // The words as typed at full weight, the alternatives lighter (Synonyms.AlternativeWeight): a paragraph
        // in the user's own words ranks first, and the vocabulary fills in where they are missing.
        var any = new BooleanQuery(disableCoord: true);
        if (ConceptText(s) is { } words)
        {
            // A concept typed in several words ("agency staff", "well being"): a paragraph with the words side by
            // side has the concept, scored as the words typed always were (full weight). The words apart
            // ("multi-agency ... staff", "as well as ... being"), or each by its own synonyms, still match, but
            // rank below every alternative, which is the concept in other words: before, they outranked them all.
            var side = Together(words);
            float apartWeight = synonyms.AlternativeWeight * WordsApartWeight;
            if (side is not null && s.Apart is null)
            {
                // The words apart are the words typed: one pass over them (see WordsTogetherQuery).
                if (Core(s.Typed, match, false, EmptySet) is { } typedWords) any.Add(new WordsTogetherQuery(typedWords, side, apartWeight), Occur.SHOULD);
            }
            else
            {
                if (side is not null && Core(s.Typed, match, false, EmptySet) is { } typedWords)
                    any.Add(new FilteredQuery(typedWords, new QueryWrapperFilter(side)), Occur.SHOULD);
                if (Core(s.Apart ?? s.Typed, match, false, EmptySet) is { } apart)
                {
                    // Only where the words are not side by side: there the words as typed score alone, as before.
                    var elsewhere = new BooleanQuery(disableCoord: true) { { apart, Occur.MUST } };
                    if (side is not null) elsewhere.Add(side, Occur.MUST_NOT);
                    elsewhere.Boost = apartWeight;
                    any.Add(elsewhere, Occur.SHOULD);
                }
            }
        }
        else if (Core(s.Typed, match, false, EmptySet) is { } typed) any.Add(typed, Occur.SHOULD);
        foreach (var alt in Unsubsumed(s))
        {
            if (Core(alt, match, false, EmptySet) is not { } q) continue;
            q.Boost *= synonyms.AlternativeWeight;
            any.Add(q, Occur.SHOULD);
        }
        return any.Clauses.Count switch
        {
            0 => null,
            1 => any.Clauses[0].Query,
            // Several forms: worked out once per served reader (see RememberedScoresQuery).
            _ => Remembered(any),
        };
    }

    /// <summary>A word in at least one paragraph in this many is remembered per reader as a synonym group is (see <see cref="RememberedScoresQuery"/>).</summary>
    internal const int FrequentShare = 20;

    /// <summary>Whether synonym groups' and frequent words' matches are remembered per reader (<see cref="RememberedScoresQuery"/>); off only to measure or test against.</summary>
    public bool RememberGroups { get; init; } = true;

    /// <summary>The weight of a concept's words apart, as a share of an alternative's weight (measured on the relevance sets, BENCHMARKS.md).</summary>
    internal const float WordsApartWeight = 0.01f;

    /// <summary>Most positions between a concept's words for them to count as together ("missing from care or home").</summary>
    internal const int ConceptSlop = 3;

    /// <summary>
    /// A concept's content words near each other (in any order, within <see cref="ConceptSlop"/>); its common words
    /// ("from", "of") are left out, as their positions are costly to read and say little. One content word: the phrase.
    /// </summary>
    private Query? Together(string words)
    {
        var content = analyzer.QueryTerms(words).Where(t => !ReportAnalyzer.IsCommon(t)).Distinct(StringComparer.Ordinal).ToList();
        if (content.Count < 2) return TextQuery(words);
        if (++_clauses > MaxClauses) throw new QueryLimitException($"The query expands to more than {MaxClauses} clauses.", "maxClauses", MaxClauses);
        var near = new PhraseQuery { Slop = ConceptSlop };
        foreach (var t in content) near.Add(new Term(IndexSchema.Text, t));
        return near;
    }

    /// <summary>The words of a concept typed in several plain words, as one text (null for a word or a phrase).</summary>
    private static string? ConceptText(SynonymNode s) =>
        s.Typed is AllNode { Excluded.Count: 0 } all && all.Required.Count >= 2
        && all.Required.Select(n => n is RequiredNode r ? r.Inner : n).ToList() is var words && words.All(n => n is WordNode)
            ? string.Join(' ', words.Cast<WordNode>().Select(w => w.Word))
            : null;

    /// <summary>
    /// A group's alternatives less the phrases that contain the one word typed ("foster homes" when
    /// "fostering" is typed, both "foster"): such a phrase can match no paragraph the word does not, so
    /// scoring it costs a phrase scan for nothing the count would show, and the word typed, at full weight,
    /// already ranks those paragraphs. (Phrases under a one-word alternative are kept: there the phrase's
    /// score is most of what ranks its paragraphs, and dropping it moved the analyst set.)
    /// </summary>
    private IEnumerable<QueryNode> Unsubsumed(SynonymNode s)
    {
        if (SingleTerm(s.Typed) is not { } typed) return s.Alternatives;
        return s.Alternatives.Where(alt => !(alt is PhraseNode phrase && analyzer.QueryTerms(phrase.Phrase) is { Count: > 1 } words && words.Contains(typed)));
    }

    /// <summary>The term of a form that is one term as indexed (null for a phrase).</summary>
    private string? SingleTerm(QueryNode form)
    {
        var text = form switch { WordNode w => w.Word, PhraseNode p => p.Phrase, _ => null };
        return text is not null && analyzer.QueryTerms(text) is { Count: 1 } terms ? terms[0] : null;
    }

    private Query? AnyOf(IEnumerable<QueryNode> alternatives, MatchMode match)
    {
        var bq = new BooleanQuery(disableCoord: true);
        foreach (var alt in alternatives)
            if (Core(alt, match, false, EmptySet) is { } q) bq.Add(q, Occur.SHOULD);
        return bq.Clauses.Count == 0 ? null : bq.Clauses.Count == 1 ? bq.Clauses[0].Query : bq;
    }

    private static readonly IReadOnlySet<int> EmptySet = new HashSet<int>();

    /// <summary>
    /// Boosts: the words near each other; the words in the heading. (All words present is
    /// rewarded by the coordination factor of the core query, see <see cref="ReportSimilarity"/>.)
    /// </summary>
    private IEnumerable<Query> Boosters(QueryNode node)
    {
        if (node is not AllNode all || all.Required.Count < 2) yield break;
        var typed = all.Required.Select(n => n is RequiredNode r ? r.Inner : n).OfType<WordNode>().ToList();
        var words = typed.SelectMany(w => analyzer.QueryTerms(w.Word)).ToList();
        if (words.Count >= 2)
        {
            if (Grams && words.Any(ReportAnalyzer.IsCommon))
            {
                // Common words: the words side by side, as common grams. A sloppy phrase would read
                // the positions of words most paragraphs hold, for every match (a third of the time
                // of "children social work").
                var adjacent = ExactPhraseOf(1.5f);
                foreach (var (term, position) in analyzer.PhraseTerms(string.Join(" ", typed.Select(w => w.Word))))
                    adjacent.Add(new Term(IndexSchema.Text, term), position);
                yield return adjacent.GetTerms().Length == 1 ? TermQueryOf(adjacent.GetTerms()[0], 1.5f) : adjacent;
            }
            else
            {
                var near = new PhraseQuery { Slop = 6, Boost = 1.5f };
                foreach (var t in words) near.Add(new Term(IndexSchema.Text, t));
                yield return near;
            }
            var heading = BooleanOf(disableCoord: true);
            heading.Boost = 0.5f;
            foreach (var t in words.Distinct()) heading.Add(RememberedIfFrequent(TermQueryOf(new Term(IndexSchema.Heading, t))), Occur.SHOULD);
            yield return heading;
        }
    }

    /// <summary>A term query, with the term's place in the index already looked up when the reader is known (see <see cref="ReaderStatistics.ContextOf"/>).</summary>
    private TermQuery TermQueryOf(Term term, float boost = 1f)
    {
        var q = Statistics is null ? new TermQuery(term) : new TermQuery(term, Statistics.ContextOf(term));
        q.Boost = boost;
        return q;
    }

    /// <summary>
    /// A frequent word's query, remembered as a synonym group's is (<see cref="RememberedScoresQuery"/>): its postings
    /// are long and dense, so its matches are read from an array rather than decoded, and a conjunction leaps through
    /// them without a skip list ("children social work").
    /// </summary>
    private Query RememberedIfFrequent(TermQuery query) =>
        Statistics is { } stats && stats.DocumentFrequency(query.Term) * FrequentShare >= stats.DocumentCount ? Remembered(query) : query;

    /// <summary>A Boolean query, read from its remembered parts' arrays where it can be (<see cref="RememberedBooleanQuery"/>) when remembering is on.</summary>
    private BooleanQuery BooleanOf(bool disableCoord) =>
        Statistics is not null && RememberGroups ? new RememberedBooleanQuery(disableCoord) : new BooleanQuery(disableCoord);

    /// <summary>A query whose matches and scores are remembered per served reader, when the reader is known and remembering is on.</summary>
    private Query Remembered(Query query) =>
        Statistics is { } stats && RememberGroups ? new RememberedScoresQuery(query, stats.Scores) : query;

    /// <summary>An exact phrase (terms added by the caller), its terms' places looked up once per reader as <see cref="TermQueryOf"/>'s are.</summary>
    private ExactPhraseQuery ExactPhraseOf(float boost) => new(Statistics is null ? null : Statistics.ContextOf) { Boost = boost };

    private Query? TextQuery(string text)
    {
        var terms = analyzer.QueryTerms(text);
        if (terms.Count == 0) return null;
        if (++_clauses > MaxClauses) throw new QueryLimitException($"The query expands to more than {MaxClauses} clauses.", "maxClauses", MaxClauses);
        if (terms.Count == 1) return RememberedIfFrequent(TermQueryOf(new Term(IndexSchema.Text, terms[0])));
        // Several terms from one typed word (e.g. "children's-services") or a phrase: match them in
        // order, as common grams where the phrase has common words (see ReportAnalyzer).
        var grams = Grams ? analyzer.PhraseTerms(text) : terms.Select((t, i) => (t, i)).ToList();
        float boost = GramBoost(terms, grams);
        if (grams.Count == 1) return TermQueryOf(new Term(IndexSchema.Text, grams[0].Term), boost);
        var pq = ExactPhraseOf(boost);
        foreach (var (term, position) in grams) pq.Add(new Term(IndexSchema.Text, term), position);
        return pq;
    }

    /// <summary>
    /// The index's statistics, when known: a phrase searched as common grams is then scored as
    /// the phrase of its words would be. BM25 weighs a phrase by the sum of its terms' IDF; grams
    /// are rarer than their words, so without this a phrase of common words would outscore the
    /// same phrase before grams, and synonyms spelt with common words would rise in the ranking.
    /// </summary>
    internal ReaderStatistics? Statistics { get; init; }

    /// <summary>Whether the index holds common grams (an index built before them does not: its phrases are searched word by word).</summary>
    public bool Grams { get; init; } = true;

    private float GramBoost(IReadOnlyList<string> words, IReadOnlyList<(string Term, int Position)> grams)
    {
        if (Statistics is null || grams.Count == words.Count && grams.Select(g => g.Term).SequenceEqual(words)) return 1f;
        double Idf(string term)
        {
            long docCount = Math.Max(1, Statistics.DocumentCount);
            long df = Statistics.DocumentFrequency(term);
            return Math.Log(1 + (docCount - df + 0.5) / (df + 0.5)); // BM25Similarity's IDF
        }
        double gramIdf = grams.Sum(g => Idf(g.Term));
        return gramIdf <= 0 ? 1f : (float)(words.Sum(Idf) / gramIdf);
    }
}

/// <summary>A request over a configured limit; names the limit and its value.</summary>
public sealed class QueryLimitException(string message, string limit, long value) : Exception(message)
{
    public string Limit { get; } = limit;
    public long Value { get; } = value;
}
