using System.Diagnostics;
using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchService.Search.Indexing;

namespace SearchService.Search.Searching;

/// <summary>
/// Search, trends and exports. All three run a request the same way — the query parsed, its
/// synonyms expanded, relaxed when too few paragraphs hold every word, restricted by the same
/// filters — so their counts are of the same paragraphs.
/// </summary>
public sealed partial class ReportIndex
{
    private static readonly IReadOnlySet<int> NothingDropped = new HashSet<int>();

    /// <summary>The clock the time limit reads (milliseconds); the system's tick count unless a test sets its own.</summary>
    internal Lucene.Net.Util.Counter? Clock { get; set; }

    /// <summary>Whether synonym groups' and frequent words' matches are remembered per served reader (<see cref="RememberedScoresQuery"/>); off only to measure or test against.</summary>
    internal bool RememberGroups { get; set; } = true;

    // ---- Search ------------------------------------------------------------------------------

    public SearchResult Search(SearchRequest request)
    {
        var clock = Stopwatch.StartNew();
        ValidatePaging(request.Page, request.PageSize);
        var dims = DimensionFilter.Of(request.Filters, Limits.MaxFilterValues);
        var searcher = (CatalogSearcher)_manager.Acquire();
        try
        {
            var plan = PlanFor(request, searcher);
            // Relaxing counts under every filter, as trends and exports do, whichever filter the page itself runs under.
            var (page, relaxed, missing) = RunRelaxed(searcher, plan, () => CombinedFilter(searcher.Catalog, dims, request.Filters), clock,
                dropped =>
                {
                    var run = RunSearch(searcher, plan, dropped, dims, request, clock);
                    return (run, run.Missing);
                },
                run => run.Total);
            page = page with { Missing = missing };

            var highlights = plan.Prepared?.Highlights ?? new HighlightTerms();
            var hits = new List<SearchHit>(page.Docs.Count);
            foreach (var (doc, score, more) in page.Docs)
            {
                var record = Load(searcher, doc);
                var snippet = _snippets.BuildWithForms(record.Text, highlights);
                hits.Add(new SearchHit(record, snippet.Html, float.IsNaN(score) ? 0 : score, more) { AlsoMatched = snippet.SynonymsMatched });
            }
            var warning = plan.Warning;
            if (page.Missing is not null) warning = (warning is null ? "" : warning + " ") + $"The search took longer than {Limits.TimeLimitMs} ms: hits and counts are what was found by then.";
            return new SearchResult
            {
                Query = plan.Display,
                Total = page.Total,
                Documents = page.Documents,
                Page = request.Page,
                PageSize = request.PageSize,
                TookMs = clock.Elapsed.TotalMilliseconds,
                Hits = hits,
                Facets = page.Facets,
                Warning = warning,
                Match = request.Match,
                Exact = request.Exact,
                Expansions = plan.Prepared?.Expansions ?? [],
                Relaxed = relaxed,
                Missing = page.Missing,
                Suggestion = Suggest(searcher, request.Query),
            };
        }
        finally
        {
            _manager.Release(searcher);
        }
    }

    /// <summary>One run of a search: the counts, the facets and the page's documents (not yet loaded).</summary>
    private sealed record SearchPage(int Total, int Documents, List<(int Doc, float Score, int? More)> Docs,
        IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets, PartialResult? Missing);

    private SearchPage RunSearch(CatalogSearcher searcher, QueryPlan plan, IReadOnlySet<int> dropped,
        IReadOnlyDictionary<string, DimensionFilter> dims, SearchRequest request, Stopwatch clock)
    {
        var (scored, _) = plan.At(dropped);
        // One pass for hits and every facet (multi-select counts included, see SidewaysCollector).
        // Without facets the filters narrow the search itself, and only documents are counted.
        var scope = request.Facets ? ScopeFilter(searcher.Catalog, request.Filters) : CombinedFilter(searcher.Catalog, dims, request.Filters);
        var facetsAll = new FacetCollector(request.Facets ? IndexSchema.Facets.Where(f => !dims.ContainsKey(f)).Append(IndexSchema.DocumentId).ToList() : [IndexSchema.DocumentId]);
        var sideways = request.Facets
            ? dims.Values.Select(d => new SidewaysDimension(d.Field, _filters.For(d.Key, d.ToQuery), new FacetCollector([d.Field]))).ToList()
            : [];
        // A remembered query's sideways counts may be known: the search then visits only the paragraphs that pass every filter.
        var collected = sideways.Count == 1 && CountedFromMemory(searcher, scored, scope, sideways[0]) ? [] : sideways;
        if (collected.Count < sideways.Count) scope = CombinedFilter(searcher.Catalog, dims, request.Filters);
        ICollector Collect(ICollector hitsCollector) => new SidewaysCollector(hitsCollector, facetsAll, collected);

        int total;
        var docs = new List<(int Doc, float Score, int? More)>();
        PartialResult? missing;
        int skip = (request.Page - 1) * request.PageSize;
        if (request.GroupByDocument)
        {
            var groups = new DocumentGroupCollector();
            missing = SearchWithin(searcher, scored, scope, Collect(groups), clock, plan.Prior);
            var ordered = groups.Groups.OrderByDescending(g => request.Sort == SearchSort.Relevance ? g.Value.Score : 0)
                .ThenByDescending(g => request.Sort == SearchSort.Date ? searcher.Catalog.DateOf(g.Key) : 0)
                .ThenBy(g => request.Sort == SearchSort.Oldest ? OldestFirstKey(searcher.Catalog.DateOf(g.Key)) : 0)
                .ThenBy(g => g.Key, StringComparer.Ordinal);
            foreach (var g in ordered.Skip(skip).Take(request.PageSize)) docs.Add((g.Value.Doc, g.Value.Score, g.Value.Count - 1));
            total = groups.Groups.Values.Sum(g => g.Count);
        }
        else
        {
            int n = request.Page * request.PageSize;
            TopDocs top;
            if (request.Sort != SearchSort.Relevance)
            {
                var collector = TopFieldCollector.Create(DateSort(searcher, request.Sort), n, true, true, false, false);
                missing = SearchWithin(searcher, scored, scope, Collect(collector), clock, plan.Prior);
                top = collector.GetTopDocs();
            }
            else
            {
                var collector = TopScoreDocCollector.Create(n, true);
                missing = SearchWithin(searcher, scored, scope, Collect(collector), clock, plan.Prior);
                top = collector.GetTopDocs();
            }
            total = top.TotalHits;
            foreach (var sd in top.ScoreDocs.Skip(skip)) docs.Add((sd.Doc, sd.Score, null));
        }

        var facets = new Dictionary<string, IReadOnlyList<FacetValue>>();
        foreach (var dim in request.Facets ? IndexSchema.Facets : [])
        {
            var own = sideways.FirstOrDefault(sd => sd.Dimension == dim);
            facets[dim] = Order(dim, own is null ? facetsAll.Counts[dim] : own.Counts.Counts[dim]);
        }
        int documents = facetsAll.Counts[IndexSchema.DocumentId].Count;
        return new SearchPage(total, documents, docs, facets, missing);
    }

    /// <summary>
    /// A remembered query alone (a frequent word, a synonym group) under one filtered facet: that facet's own counts are
    /// the query's matches in scope by value, counted once per segment and kept with the remembered matches
    /// (<see cref="RememberedScoresQuery.Matches.CountsBy"/>). Counted match by match, <c>children</c> under an authority
    /// filter passed every paragraph with "children" (30,000 at ×2) through the collectors to find 556 hits. Not when
    /// a segment has deletions or the scope's bits are not a cached bit set: then false, and the search counts as usual.
    /// </summary>
    private bool CountedFromMemory(IndexSearcher searcher, Query scored, Filter scope, SidewaysDimension dimension)
    {
        if (searcher.IndexReader.HasDeletions || searcher.Rewrite(scored) is not RememberedScoresQuery remembered) return false;
        if (searcher.CreateNormalizedWeight(remembered) is not RememberedScoresQuery.RememberedWeight weight) return false;
        var counted = new List<(AtomicReaderContext Leaf, RememberedScoresQuery.Matches Matches, FixedBitSet? Scope)>();
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            if (weight.MatchesIn(leaf) is not { } matches) return false;
            switch (scope.GetDocIdSet(leaf, null)?.Bits)
            {
                case FixedBitSet bits: counted.Add((leaf, matches, bits)); break;
                case null: break; // nothing in scope in this segment
                default: return false;
            }
        }
        foreach (var (leaf, matches, bits) in counted) dimension.Counts.AddCounted(leaf, column => matches.CountsBy(column, bits));
        Interlocked.Increment(ref _sidewaysRemembered);
        return true;
    }

    /// <summary>How many searches took a facet's sideways counts from a remembered query's (for tests).</summary>
    internal int SidewaysRemembered => Volatile.Read(ref _sidewaysRemembered);
    private int _sidewaysRemembered;

    // ---- Trends ------------------------------------------------------------------------------

    /// <summary>
    /// Matching paragraphs and documents per year (every year of the range, zeros included),
    /// authority, outcome area or document type, each with the bucket's indexed paragraphs under
    /// the same filters as the denominator of its share.
    /// </summary>
    public TrendResult Trends(SearchRequest request, string by)
    {
        var clock = Stopwatch.StartNew();
        var field = by switch
        {
            "year" => IndexSchema.Year,
            "authority" => IndexSchema.Authority,
            "outcomeArea" => IndexSchema.OutcomeArea,
            "documentType" => IndexSchema.DocumentType,
            _ => throw new ArgumentException($"'by' must be year, authority, outcomeArea or documentType, not '{by}'."),
        };
        var dims = DimensionFilter.Of(request.Filters, Limits.MaxFilterValues);
        var searcher = (CatalogSearcher)_manager.Acquire();
        try
        {
            var plan = PlanFor(request, searcher);
            var filter = CombinedFilter(searcher.Catalog, dims, request.Filters);
            var (matches, relaxed, missing) = RunRelaxed(searcher, plan, () => filter, clock, RunInto(searcher, plan, filter, clock, () => new BucketCollector(field), scored: false), m => m.Total);
            var denominators = Denominators(searcher, dims, field, filter, ScopeKey(searcher.Catalog, request.Filters));
            var counts = matches.Buckets;
            IEnumerable<string> values = denominators.Keys.Union(counts.Keys);
            if (field == IndexSchema.Year) values = YearRange(searcher.Catalog, request.Filters, values);
            if (field == IndexSchema.Authority) values = values.Union(MissingPeers(request.Filters, values.ToList()).Select(b => b.Value));
            var buckets = values.Select(v =>
                {
                    var m = counts.GetValueOrDefault(v);
                    int all = denominators.GetValueOrDefault(v);
                    return new TrendBucket(v, m.Paragraphs, m.Documents, all, all == 0 ? 0 : Math.Round((double)m.Paragraphs / all, 4));
                })
                .OrderBy(b => field == IndexSchema.Year ? b.Value : "", StringComparer.Ordinal)
                .ThenByDescending(b => b.Paragraphs).ThenBy(b => b.Value, StringComparer.Ordinal)
                .ToList();
            return new TrendResult
            {
                Query = plan.Display,
                By = by,
                Buckets = buckets,
                Total = matches.Total,
                Documents = matches.Documents,
                Unbucketed = matches.Unbucketed,
                Denominator = DenominatorText(by, dims),
                Relaxed = relaxed,
                Missing = missing,
            };
        }
        finally
        {
            _manager.Release(searcher);
        }
    }

    /// <summary>Every year from the first to the last: the range asked for, else the years indexed (and any with matches).</summary>
    private static IEnumerable<string> YearRange(Catalog catalog, SearchFilters f, IEnumerable<string> present)
    {
        var years = present.Select(v => int.TryParse(v, out int y) ? y : (int?)null).Where(y => y is not null).Select(y => y!.Value).ToList();
        int? first = f.YearFrom ?? (f.Year.Count > 0 ? f.Year.Min() : catalog.FirstYear);
        int? last = f.YearTo ?? (f.Year.Count > 0 ? f.Year.Max() : catalog.LastYear);
        if (years.Count > 0)
        {
            first = Math.Min(first ?? years.Min(), years.Min());
            last = Math.Max(last ?? years.Max(), years.Max());
        }
        if (first is null || last is null || last < first) return [];
        return Enumerable.Range(first.Value, last.Value - first.Value + 1).Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string DenominatorText(string by, IReadOnlyDictionary<string, DimensionFilter> dims)
    {
        var bucket = by == "year" ? "that year" : $"with that {by}";
        var others = dims.Keys.ToList();
        return others.Count == 0
            ? $"paragraphs indexed {bucket}"
            : $"paragraphs indexed {bucket} that pass the same filters ({string.Join(", ", others)})";
    }

    /// <summary>Paragraphs per bucket under the filters (no query): the denominators of trend shares, cached per reader and filter.</summary>
    private static IReadOnlyDictionary<string, int> Denominators(CatalogSearcher searcher, IReadOnlyDictionary<string, DimensionFilter> dims, string field, Filter filter, string? scope)
    {
        var key = field + "|" + scope + "|" + DimensionFilter.CombinedKey(dims.Values);
        if (searcher.Denominators.TryGetValue(key, out var cached)) return cached;
        var all = new BucketCollector(field);
        searcher.Search(new MatchAllDocsQuery(), filter, all);
        var result = all.Buckets.ToDictionary(kv => kv.Key, kv => kv.Value.Paragraphs, StringComparer.Ordinal);
        if (searcher.Denominators.Count >= FilterCache.Capacity) searcher.Denominators.Clear();
        searcher.Denominators[key] = result;
        return result;
    }

    // ---- Export ------------------------------------------------------------------------------

    /// <summary>
    /// Every paragraph the request matches, read lazily while the result is open, in the search's
    /// order, up to <paramref name="limit"/> rows (an export's row limit: <see cref="ExportResult.Truncated"/>
    /// says whether it cut them). <see cref="ExportResult.Total"/> is the search's total for the same request.
    /// </summary>
    public ExportResult Matching(SearchRequest request, int limit)
    {
        if (limit < 1) throw new QueryLimitException($"The row limit must be 1 or more (got {limit}).", "maxRows", limit);
        var clock = Stopwatch.StartNew();
        var dims = DimensionFilter.Of(request.Filters, Limits.MaxFilterValues);
        var searcher = (CatalogSearcher)_manager.Acquire();
        try
        {
            var plan = PlanFor(request, searcher);
            var filter = CombinedFilter(searcher.Catalog, dims, request.Filters);
            var (matches, relaxed, missing) = RunRelaxed(searcher, plan, () => filter, clock, RunInto(searcher, plan, filter, clock, () => new MatchListCollector(), scored: true), m => m.Matches.Count);
            var catalog = searcher.Catalog;
            long DateOf(int doc) => catalog.DateOf(ParagraphDocumentId(searcher, doc) ?? "");
            var order = request.Sort switch
            {
                SearchSort.Date => matches.Matches.OrderByDescending(m => DateOf(m.Doc)).ThenByDescending(m => m.Score).ThenBy(m => m.Doc),
                SearchSort.Oldest => matches.Matches.OrderBy(m => OldestFirstKey(DateOf(m.Doc))).ThenByDescending(m => m.Score).ThenBy(m => m.Doc),
                _ => matches.Matches.OrderByDescending(m => m.Score).ThenBy(m => m.Doc),
            };
            var docs = order.Take(limit).Select(m => m.Doc).ToList();
            var held = searcher;
            var result = new ExportResult(matches.Matches.Count, docs, doc => ReadRecord(held, doc), () => _manager.Release(held))
            {
                Query = plan.Display,
                Warning = plan.Warning,
                Relaxed = relaxed,
                Missing = missing,
            };
            searcher = null; // the result releases it
            return result;
        }
        finally
        {
            if (searcher is not null) _manager.Release(searcher);
        }
    }

    private static string? ParagraphDocumentId(IndexSearcher searcher, int doc)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        return SegmentValues.Of(leaf.AtomicReader).Column(IndexSchema.DocumentId).ValueOf(doc - leaf.DocBase);
    }

    /// <summary>
    /// A stored paragraph record as read from the index, joined with its document from the catalog: through the record cache
    /// for a page of hits (<see cref="Load"/>), without it for an export (which would flush it).
    /// </summary>
    private static ParagraphRecord ReadRecord(IndexSearcher searcher, int doc)
    {
        var catalog = ((CatalogSearcher)searcher).Catalog;
        var stored = JsonSerializer.Deserialize(searcher.Doc(doc, catalog.ParagraphFields).Get(catalog.ParagraphField), RecordJson.Default.ParagraphRecord)!;
        return stored with { Document = catalog.DocumentOf(stored) };
    }

    // ---- The query as run ----------------------------------------------------------------------

    /// <summary>A request's query: prepared for Lucene (null for an empty query: every paragraph), the builder, and what to tell the user.</summary>
    private sealed class QueryPlan(PreparedQuery? prepared, QueryBuilder builder, string? warning, string display, (Query Scored, Query Matching)? whole = null)
    {
        public PreparedQuery? Prepared { get; } = prepared;
        public QueryBuilder Builder { get; } = builder;
        public string? Warning { get; } = warning;
        public string Display { get; } = display;

        /// <summary>The query with some top-level words dropped: scored (with boosts) and matching only (for counts).</summary>
        public (Query Scored, Query Matching) At(IReadOnlySet<int> dropped)
        {
            if (Prepared is null) return (new MatchAllDocsQuery(), new MatchAllDocsQuery());
            // Built once already, while planning (to find a query with no searchable word); the queries are not changed after.
            if (dropped.Count == 0 && whole is { } built) return built;
            var scored = Builder.Build(Prepared, dropped, out var core);
            return (scored, core);
        }

        /// <summary>Whether scores are multiplied by the quality prior: for a query, not for the list of every paragraph.</summary>
        public bool Prior => Prepared is not null;
    }

    /// <summary>
    /// Parses the user's query. Malformed syntax falls back to its plain words with a warning;
    /// no words at all is an error. An empty query matches every paragraph.
    /// </summary>
    private QueryPlan PlanFor(SearchRequest request, CatalogSearcher searcher)
    {
        var q = request.Query?.Trim() ?? "";
        if (q.Length > Limits.MaxQueryLength)
            throw new QueryLimitException($"The query is {q.Length} characters long; at most {Limits.MaxQueryLength} are allowed.", "maxQueryLength", Limits.MaxQueryLength);
        var builder = new QueryBuilder(_analyzer, Synonyms)
        {
            MaxClauses = Limits.MaxClauses,
            MaxTerms = Limits.MaxQueryTerms,
            Match = request.Match,
            Exact = request.Exact,
            Statistics = searcher.Statistics,
            RememberGroups = RememberGroups,
            Grams = searcher.Statistics.HasGrams,
            Learned = searcher.Catalog.Learned,
            Authorities = request.Filters.Authority.Select(a => Core.Metadata.Authorities.FromUserText(a) ?? a).ToList(),
        };
        if (q.Length == 0) return new QueryPlan(null, builder, null, "");
        try
        {
            var prepared = builder.Prepare(UserQuery.Parse(q));
            var scored = builder.Build(prepared, NothingDropped, out var matching); // no searchable word at all is an error now, not at run time
            return new QueryPlan(prepared, builder, null, q, (scored, matching));
        }
        catch (QuerySyntaxException e)
        {
            var words = UserQuery.PlainWords(q);
            if (words.Count == 0) throw new QuerySyntaxException($"{e.Message} The query has no words to search for.");
            var node = words.Count == 1 ? (QueryNode)new WordNode(words[0]) : new AllNode(words.Select(w => (QueryNode)new WordNode(w)).ToList(), []);
            var prepared = builder.Prepare(node);
            var scored = builder.Build(prepared, NothingDropped, out var matching);
            return new QueryPlan(prepared, builder, $"{e.Message} Searched for the plain words instead: {string.Join(" ", words)}.", q, (scored, matching));
        }
    }

    /// <summary>
    /// The one home of relaxing, for search, trends and exports alike, so they count the same
    /// paragraphs: runs the plan with every word and, when too few paragraphs hold them all,
    /// drops words (<see cref="Relax"/>, counting under <paramref name="filter"/>, built only
    /// then) and runs again. <paramref name="run"/> runs the plan without the dropped words and
    /// says what the time limit cut; <paramref name="matched"/> reads how many paragraphs a run matched.
    /// </summary>
    private (T Result, Relaxation? Relaxed, PartialResult? Missing) RunRelaxed<T>(IndexSearcher searcher, QueryPlan plan, Func<Filter> filter,
        Stopwatch clock, Func<IReadOnlySet<int>, (T Result, PartialResult? Missing)> run, Func<T, int> matched)
    {
        var (result, missing) = run(NothingDropped);
        if (missing is not null || !NeedsRelaxing(plan, matched(result))) return (result, null, missing);
        var (dropped, relaxation, relaxMissing) = Relax(searcher, plan, filter(), matched(result), clock);
        if (relaxation is null) return (result, null, relaxMissing);
        (result, missing) = run(dropped);
        return (result, relaxation, missing);
    }

    /// <summary>
    /// A run into a fresh collector under <paramref name="filter"/>: how trends and exports run
    /// the plan. <paramref name="scored"/>: with scores (and the quality prior), for an order.
    /// </summary>
    private Func<IReadOnlySet<int>, (T Result, PartialResult? Missing)> RunInto<T>(
        IndexSearcher searcher, QueryPlan plan, Filter filter, Stopwatch clock, Func<T> create, bool scored) where T : ICollector =>
        dropped =>
        {
            var collector = create();
            var query = scored ? plan.At(dropped).Scored : plan.At(dropped).Matching;
            return (collector, SearchWithin(searcher, query, filter, collector, clock, scored && plan.Prior));
        };

    private bool NeedsRelaxing(QueryPlan plan, int matchedAllWords) =>
        plan.Prepared is { Match: MatchMode.All, Units.Count: > 1 } && matchedAllWords < Limits.RelaxBelow;

    /// <summary>
    /// Drops the least informative words one at a time (Typesense's drop_tokens_threshold) until
    /// at least <see cref="SearchLimits.RelaxBelow"/> paragraphs match the rest under the filters,
    /// or only words that cannot be dropped remain. Null when dropping finds nothing more.
    /// </summary>
    private (IReadOnlySet<int> Dropped, Relaxation? Relaxation, PartialResult? Missing) Relax(
        IndexSearcher searcher, QueryPlan plan, Filter filter, int matchedAllWords, Stopwatch clock)
    {
        var order = plan.Builder.DropOrder(plan.Prepared!, searcher.IndexReader);
        var dropped = new HashSet<int>();
        HashSet<int>? best = null;
        foreach (var unit in order)
        {
            dropped.Add(unit);
            var counter = new TotalHitCountCollector();
            if (SearchWithin(searcher, plan.At(dropped).Matching, filter, counter, clock) is { } missing) return (NothingDropped, null, missing);
            if (counter.TotalHits > matchedAllWords) best = [.. dropped];
            if (counter.TotalHits >= Limits.RelaxBelow) break;
        }
        if (best is null) return (NothingDropped, null, null);
        var words = order.Take(best.Count).Select(u => QueryBuilder.Describe(plan.Prepared!.Units[u])).ToList();
        return (best, new Relaxation(words, matchedAllWords, Limits.RelaxBelow), null);
    }

    /// <summary>
    /// Runs a search within what is left of the time budget, scores times the quality prior when
    /// <paramref name="prior"/>. Returns what is missing when the budget cut it short (the
    /// collectors then hold what was found so far), or null.
    /// </summary>
    private PartialResult? SearchWithin(IndexSearcher searcher, Query query, Filter filter, ICollector collector, Stopwatch clock, bool prior = false)
    {
        long left = Limits.TimeLimitMs <= 0 ? long.MaxValue / 2 : Math.Max(1, Limits.TimeLimitMs - clock.ElapsedMilliseconds);
        var test = Clock;
        Func<long> now = test is null ? () => Environment.TickCount64 : () => test.Value;
        try
        {
            searcher.Search(query, filter, new BudgetCollector(collector, now, now() + left, prior));
            return null;
        }
        catch (BudgetExceededException e)
        {
            int maxDoc = Math.Max(1, searcher.IndexReader.MaxDoc);
            double searched = Math.Clamp((e.LastDoc + 1) / (double)maxDoc, 0, 1);
            return new PartialResult(
                $"The search took longer than its budget of {Limits.TimeLimitMs} ms and stopped after about {searched:P0} of the index.",
                Math.Round(searched, 3),
                ["total (a lower bound)", "documents", "facets", "trends", "hits beyond those found"]);
        }
    }

    // ---- Filters -------------------------------------------------------------------------------

    private static TermQuery ParagraphsQuery() => new(new Term(IndexSchema.Kind, IndexSchema.KindParagraph));

    private Filter ParagraphsOnly => _filters.For("paragraphs", ParagraphsQuery);

    /// <summary>The scope (paragraphs, within a peer group or latest reports if asked) and every filtered dimension: one cached filter for trends and exports.</summary>
    private Filter CombinedFilter(Catalog catalog, IReadOnlyDictionary<string, DimensionFilter> dims, SearchFilters f)
    {
        var scope = ScopeKey(catalog, f);
        if (dims.Count == 0) return ScopeFilter(catalog, f, scope);
        return _filters.For((scope ?? "") + DimensionFilter.CombinedKey(dims.Values), () =>
        {
            var bq = new BooleanQuery { { ScopeQuery(catalog, f), Occur.MUST } };
            foreach (var d in dims.Values) bq.Add(d.ToQuery(), Occur.MUST);
            return bq;
        });
    }

    private static List<FacetValue> Order(string dim, Dictionary<string, int> counts)
    {
        var values = counts.Select(kv => new FacetValue(kv.Key, kv.Value));
        return dim switch
        {
            IndexSchema.Year => values.OrderBy(v => v.Value, StringComparer.Ordinal).ToList(),
            IndexSchema.Grade => values.OrderBy(v => Core.Model.GradeLabels.All.ToList().IndexOf(v.Value)).ToList(),
            _ => values.OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).ToList(),
        };
    }
}

/// <summary>
/// Every paragraph a request matched, read one at a time while the result is open (it holds
/// the index reader the matches came from; dispose it when done).
/// </summary>
public sealed class ExportResult : IDisposable
{
    private readonly IReadOnlyList<int> _docs;
    private readonly Func<int, ParagraphRecord> _read;
    private Action? _release;

    internal ExportResult(int total, IReadOnlyList<int> docs, Func<int, ParagraphRecord> read, Action release)
    {
        Total = total;
        _docs = docs;
        _read = read;
        _release = release;
    }

    public required string Query { get; init; }
    public string? Warning { get; init; }
    public Relaxation? Relaxed { get; init; }
    public PartialResult? Missing { get; init; }

    /// <summary>Paragraphs the search matched (the search's total for the same request).</summary>
    public int Total { get; }

    /// <summary>Rows this result holds: <see cref="Total"/>, or fewer when a row limit cut them.</summary>
    public int Count => _docs.Count;
    public bool Truncated => Total > _docs.Count;

    public IEnumerable<ParagraphRecord> Rows
    {
        get
        {
            ObjectDisposedException.ThrowIf(_release is null, this);
            foreach (var doc in _docs) yield return _read(doc);
        }
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref _release, null)?.Invoke();
    }
}
