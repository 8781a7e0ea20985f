using System.Diagnostics;
using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Queries.Function;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using SearchService.Core.Metadata;
using SearchService.Search.Analysis;
using SearchService.Search.Indexing;

namespace SearchService.Search.Searching;

/// <summary>
/// The searchable index: faceted search with snippets, paragraphs, documents, judgements and
/// trends. Thread-safe; <see cref="Refresh"/> switches to a newer commit atomically, and a
/// search in flight keeps the reader it started with.
/// </summary>
public sealed partial class ReportIndex : IDisposable
{
    private volatile Served _served;
    private readonly object _switching = new();
    private readonly List<FSDirectory> _retired = [];
    private readonly ReportAnalyzer _analyzer = new();
    private readonly SnippetBuilder _snippets;
    private readonly FilterCache _filters = new();
    private readonly RecordCache _records;

    public Synonyms Synonyms { get; }
    public SearchLimits Limits { get; }
    public string Path { get; }

    private ReportIndex(string path, Synonyms synonyms, SearchLimits limits)
    {
        Path = path;
        Synonyms = synonyms;
        Limits = limits;
        _snippets = new SnippetBuilder(_analyzer);
        _records = new RecordCache(limits.RecordCacheSize);
        _served = OpenServed(IndexGenerations.ServedPath(path));
    }

    /// <summary>The Lucene folder served now (a generation, see <see cref="IndexGenerations"/>) and its searcher manager.</summary>
    private sealed record Served(string Path, FSDirectory Directory, SearcherManager Manager);

    private Served OpenServed(string lucenePath)
    {
        var directory = FSDirectory.Open(lucenePath);
        try
        {
            var manager = new SearcherManager(directory, new CatalogSearcherFactory());
            manager.AddListener(new ClearOnSwitch(_records));
            return new Served(lucenePath, directory, manager);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>Searches acquire from the served manager; a release only drops the reader's reference, so it is safe across a switch.</summary>
    private SearcherManager _manager => _served.Manager;

    private sealed class ClearOnSwitch(RecordCache records) : ReferenceManager.IRefreshListener
    {
        public void BeforeRefresh() { }
        public void AfterRefresh(bool didRefresh) { if (didRefresh) records.Clear(); }
    }

    /// <summary>Opens the index at <paramref name="path"/>; throws <see cref="IndexNotFoundException"/> when there is none.</summary>
    public static ReportIndex Open(string path, Synonyms? synonyms = null, SearchLimits? limits = null) =>
        new(path, synonyms ?? Synonyms.Empty, limits ?? new SearchLimits());

    /// <summary>Whether <paramref name="path"/> holds a committed index.</summary>
    public static bool Exists(string path)
    {
        if (!System.IO.Directory.Exists(path)) return false;
        using var dir = FSDirectory.Open(IndexGenerations.ServedPath(path));
        return DirectoryReader.IndexExists(dir);
    }

    /// <summary>
    /// Picks up the latest commit or a newly served generation, if any; searches already running
    /// finish on the old one. Throws (and keeps serving the old one) when the new one cannot be opened.
    /// </summary>
    public bool Refresh()
    {
        var served = _served;
        var path = IndexGenerations.ServedPath(Path);
        if (path == served.Path) return served.Manager.MaybeRefresh();
        lock (_switching)
        {
            if (_served != served) return true;
            var next = OpenServed(path);
            _served = next;
            _records.Clear();
            served.Manager.Dispose(); // readers still in use keep their own reference until released
            foreach (var d in _retired) d.Dispose(); // two switches ago: no search runs that long
            _retired.Clear();
            _retired.Add(served.Directory);
            return true;
        }
    }

    // ---- Search ------------------------------------------------------------------------------

    public SearchResult Search(SearchRequest request)
    {
        var clock = Stopwatch.StartNew();
        ValidatePaging(request.Page, request.PageSize);
        var (query, highlights, warning, display) = ParseQuery(request.Query);
        var searcher = (CatalogSearcher)_manager.Acquire();
        try
        {
            var dims = DimensionFilters(request.Filters);
            var scope = ScopeFilter(searcher.Catalog, request.Filters);
            var scored = WithQualityPrior(query);
            // One pass for hits and every facet (multi-select counts included, see SidewaysCollector).
            var facetsAll = new FacetCollector(IndexSchema.Facets.Where(f => !dims.ContainsKey(f)).ToList());
            var sideways = dims.Select(d => new SidewaysDimension(d.Key, _filters.For(d.Value), new FacetCollector([d.Key]))).ToList();
            ICollector Collect(ICollector hitsCollector) => new SidewaysCollector(hitsCollector, facetsAll, sideways);

            int total;
            var hits = new List<SearchHit>();
            bool partial = false;
            if (request.GroupByDocument)
            {
                var groups = new DocumentGroupCollector();
                partial |= !SearchWithin(searcher, scored, scope, Collect(groups));
                var ordered = groups.Groups.OrderByDescending(g => request.Sort == SearchSort.Relevance ? g.Value.Score : 0)
                    .ThenByDescending(g => request.Sort == SearchSort.Date ? searcher.Catalog.DateOf(g.Key) : 0)
                    .ThenBy(g => request.Sort == SearchSort.Oldest ? OldestFirstKey(searcher.Catalog.DateOf(g.Key)) : 0)
                    .ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
                foreach (var g in ordered.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize))
                {
                    var record = Load(searcher, g.Value.Doc);
                    hits.Add(new SearchHit(record, _snippets.Build(record.Text, highlights), g.Value.Score, g.Value.Count - 1));
                }
                total = groups.Groups.Count;
            }
            else
            {
                int n = request.Page * request.PageSize;
                TopDocs top;
                if (request.Sort != SearchSort.Relevance)
                {
                    var collector = TopFieldCollector.Create(DateSort(searcher, request.Sort), n, true, true, false, false);
                    partial |= !SearchWithin(searcher, scored, scope, Collect(collector));
                    top = collector.GetTopDocs();
                }
                else
                {
                    var collector = TopScoreDocCollector.Create(n, true);
                    partial |= !SearchWithin(searcher, scored, scope, Collect(collector));
                    top = collector.GetTopDocs();
                }
                total = top.TotalHits;
                foreach (var sd in top.ScoreDocs.Skip((request.Page - 1) * request.PageSize))
                {
                    var record = Load(searcher, sd.Doc);
                    hits.Add(new SearchHit(record, _snippets.Build(record.Text, highlights), float.IsNaN(sd.Score) ? 0 : sd.Score, null));
                }
            }

            var facets = new Dictionary<string, IReadOnlyList<FacetValue>>();
            foreach (var dim in IndexSchema.Facets)
            {
                var own = sideways.FirstOrDefault(sd => sd.Dimension == dim);
                facets[dim] = Order(dim, own is null ? facetsAll.Counts[dim] : own.Counts.Counts[dim]);
            }
            if (partial) warning = (warning is null ? "" : warning + " ") + $"The search took longer than {Limits.TimeLimitMs} ms: hits and counts are what was found by then.";
            return new SearchResult(display, total, request.Page, request.PageSize, clock.Elapsed.TotalMilliseconds, hits, facets, warning, partial)
            {
                Suggestion = Suggest(searcher, request.Query),
            };
        }
        finally
        {
            _manager.Release(searcher);
        }
    }

    /// <summary>The clock the time limit reads (milliseconds); Lucene's global timer unless a test sets its own.</summary>
    internal Lucene.Net.Util.Counter? Clock { get; set; }

    /// <summary>
    /// Runs a search under the configured time limit. Returns false when the limit cut it short:
    /// the collectors then hold what was found so far, and the caller reports the result as partial.
    /// </summary>
    private bool SearchWithin(IndexSearcher searcher, Query query, Filter filter, ICollector collector)
    {
        if (Limits.TimeLimitMs <= 0)
        {
            searcher.Search(query, filter, collector);
            return true;
        }
        try
        {
            searcher.Search(query, filter, new TimeLimitingCollector(collector, Clock ?? TimeLimitingCollector.GlobalCounter, Limits.TimeLimitMs));
            return true;
        }
        catch (TimeLimitingCollector.TimeExceededException)
        {
            return false;
        }
    }

    /// <summary>Per bucket (year or authority): matching paragraphs, matching documents, share of the bucket's paragraphs.</summary>
    public IReadOnlyList<TrendBucket> Trends(string? queryText, SearchFilters filters, string by)
    {
        var field = by switch
        {
            "year" => IndexSchema.Year,
            "authority" => IndexSchema.Authority,
            "outcomeArea" => IndexSchema.OutcomeArea,
            "documentType" => IndexSchema.DocumentType,
            _ => throw new ArgumentException($"'by' must be year, authority, outcomeArea or documentType, not '{by}'."),
        };
        var (query, _, _, _) = ParseQuery(queryText);
        var searcher = (CatalogSearcher)_manager.Acquire();
        try
        {
            var dims = DimensionFilters(filters);
            var filter = Combine(dims, ScopeQuery(searcher.Catalog, filters));
            var matches = new BucketCollector(field);
            searcher.Search(query, filter, matches);
            var all = new BucketCollector(field);
            searcher.Search(new MatchAllDocsQuery(), filter, all);
            return all.Buckets.Select(kv =>
                {
                    var m = matches.Buckets.GetValueOrDefault(kv.Key);
                    int ms = m.Documents?.Count ?? 0;
                    return new TrendBucket(kv.Key, m.Paragraphs, ms, kv.Value.Paragraphs, kv.Value.Paragraphs == 0 ? 0 : Math.Round((double)m.Paragraphs / kv.Value.Paragraphs, 4));
                })
                .Concat(field == IndexSchema.Authority ? MissingPeers(filters, all.Buckets.Keys) : [])
                .OrderBy(b => field == IndexSchema.Year ? b.Value : "", StringComparer.Ordinal)
                .ThenByDescending(b => b.Paragraphs).ThenBy(b => b.Value, StringComparer.Ordinal)
                .ToList();
        }
        finally
        {
            _manager.Release(searcher);
        }
    }

    // ---- Paragraphs, documents, judgements -------------------------------------------------

    public ParagraphRecord? GetParagraph(string id)
    {
        var searcher = _manager.Acquire();
        try
        {
            var top = searcher.Search(new TermQuery(new Term(IndexSchema.Id, id)), ParagraphsOnly, 1);
            return top.TotalHits == 0 ? null : Load(searcher, top.ScoreDocs[0].Doc);
        }
        finally
        {
            _manager.Release(searcher);
        }
    }

    /// <summary>Paragraphs by id, in the order asked; missing ids are left out.</summary>
    public IReadOnlyList<ParagraphRecord> GetParagraphs(IEnumerable<string> ids) =>
        ids.Select(GetParagraph).Where(p => p is not null).Cast<ParagraphRecord>().ToList();

    /// <summary>The ids before and after a paragraph in its document's reading order.</summary>
    public (string? Previous, string? Next) Neighbours(ParagraphRecord p)
    {
        var doc = GetDocument(p.DocumentId);
        if (doc is null) return (null, null);
        int i = IndexOf(doc.ParagraphIds, p.Id);
        return (i > 0 ? doc.ParagraphIds[i - 1] : null, i >= 0 && i + 1 < doc.ParagraphIds.Count ? doc.ParagraphIds[i + 1] : null);
    }

    private static int IndexOf(IReadOnlyList<string> list, string id)
    {
        for (int i = 0; i < list.Count; i++) if (list[i] == id) return i;
        return -1;
    }

    public IReadOnlyList<DocumentRecord> Documents => WithCatalog(c => c.Documents);

    public DocumentRecord? GetDocument(string id) => WithCatalog(c => c.ById.GetValueOrDefault(id));

    public int ParagraphCount => WithCatalog(c => c.Documents.Sum(d => d.ParagraphCount));

    private T WithCatalog<T>(Func<Catalog, T> f)
    {
        var searcher = (CatalogSearcher)_manager.Acquire();
        try { return f(searcher.Catalog); }
        finally { _manager.Release(searcher); }
    }

    // ---- Helpers -----------------------------------------------------------------------------

    private void ValidatePaging(int page, int pageSize)
    {
        if (page < 1) throw new QueryLimitException($"page must be 1 or more (got {page}).", "page", page);
        if (pageSize < 1 || pageSize > Limits.MaxPageSize)
            throw new QueryLimitException($"pageSize must be between 1 and {Limits.MaxPageSize} (got {pageSize}).", "maxPageSize", Limits.MaxPageSize);
        if ((long)page * pageSize > Limits.MaxResultWindow)
            throw new QueryLimitException($"page × pageSize may not exceed {Limits.MaxResultWindow} (got {(long)page * pageSize}); narrow the search instead.", "maxResultWindow", Limits.MaxResultWindow);
    }

    /// <summary>
    /// Parses the user's query. Malformed syntax falls back to its plain words with a warning;
    /// no words at all is an error. An empty query matches every paragraph.
    /// </summary>
    private (Query Query, HighlightTerms Highlights, string? Warning, string Display) ParseQuery(string? text)
    {
        var q = text?.Trim() ?? "";
        if (q.Length > Limits.MaxQueryLength)
            throw new QueryLimitException($"The query is {q.Length} characters long; at most {Limits.MaxQueryLength} are allowed.", "maxQueryLength", Limits.MaxQueryLength);
        if (q.Length == 0) return (new MatchAllDocsQuery(), new HighlightTerms(), null, "");
        var builder = new QueryBuilder(_analyzer, Synonyms) { MaxClauses = Limits.MaxClauses };
        try
        {
            var (query, highlights) = builder.Build(UserQuery.Parse(q));
            return (query, highlights, null, q);
        }
        catch (QuerySyntaxException e)
        {
            var words = UserQuery.PlainWords(q);
            if (words.Count == 0) throw new QuerySyntaxException($"{e.Message} The query has no words to search for.");
            var node = words.Count == 1 ? (QueryNode)new WordNode(words[0]) : new AllNode(words.Select(w => (QueryNode)new WordNode(w)).ToList(), []);
            var (query, highlights) = builder.Build(node);
            return (query, highlights, $"{e.Message} Searched for the plain words instead: {string.Join(" ", words)}.", q);
        }
    }

    private static Query WithQualityPrior(Query query) =>
        query is MatchAllDocsQuery ? query : new CustomScoreQuery(query, new FunctionQuery(QualityPrior.Instance));

    private static TermQuery ParagraphsQuery() => new(new Term(IndexSchema.Kind, IndexSchema.KindParagraph));

    private Filter ParagraphsOnly => _filters.For(ParagraphsQuery());

    /// <summary>One query per filtered dimension: the values OR-ed (multi-select), the year range as a numeric range.</summary>
    private static Dictionary<string, Query> DimensionFilters(SearchFilters f)
    {
        var dims = new Dictionary<string, Query>();
        void AnyOf(string field, IEnumerable<string> values)
        {
            var list = values.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct().ToList();
            if (list.Count == 0) return;
            var bq = new BooleanQuery();
            foreach (var v in list) bq.Add(new TermQuery(new Term(field, v)), Occur.SHOULD);
            dims[field] = bq;
        }
        AnyOf(IndexSchema.Authority, f.Authority.Select(a => Authorities.FromUserText(a) ?? a));
        AnyOf(IndexSchema.OutcomeArea, f.OutcomeArea.Select(a => OutcomeAreas.Canonical(a) ?? a));
        AnyOf(IndexSchema.Grade, f.Grade.Select(g => GradeScales.LabelFromWords(g) ?? g.ToLowerInvariant()));
        AnyOf(IndexSchema.DocumentType, f.DocumentType);
        AnyOf(IndexSchema.Framework, f.Framework.Select(x => Core.Model.Frameworks.FromName(x) is { } fw ? Core.Model.Frameworks.Name(fw) : x));
        AnyOf(IndexSchema.Region, f.Region);
        AnyOf(IndexSchema.AuthorityType, f.AuthorityType);
        var years = new BooleanQuery();
        foreach (var y in f.Year.Distinct()) years.Add(NumericRangeQuery.NewInt32Range(IndexSchema.YearNumber, y, y, true, true), Occur.SHOULD);
        if (f.YearFrom is not null || f.YearTo is not null)
        {
            var range = NumericRangeQuery.NewInt32Range(IndexSchema.YearNumber, f.YearFrom, f.YearTo, true, true);
            if (years.Clauses.Count == 0) dims[IndexSchema.Year] = range;
            else dims[IndexSchema.Year] = new BooleanQuery { { years, Occur.MUST }, { range, Occur.MUST } };
        }
        else if (years.Clauses.Count > 0) dims[IndexSchema.Year] = years;
        return dims;
    }

    private Filter Combine(Dictionary<string, Query> dims, Query scope)
    {
        var bq = new BooleanQuery { { scope, Occur.MUST } };
        foreach (var q in dims.Values) bq.Add(q, Occur.MUST);
        return _filters.For(bq);
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

    private ParagraphRecord Load(IndexSearcher searcher, int doc)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        return _records.GetOrLoad(leaf.AtomicReader.CoreCacheKey, doc - leaf.DocBase,
            () => JsonSerializer.Deserialize(searcher.Doc(doc).Get(IndexSchema.Json), RecordJson.Default.ParagraphRecord)!);
    }

    public void Dispose()
    {
        _served.Manager.Dispose();
        _served.Directory.Dispose();
        foreach (var d in _retired) d.Dispose();
        _analyzer.Dispose();
    }

    // ---- Catalog: the documents of one commit, loaded once per reader --------------------

    internal sealed class Catalog
    {
        public required IReadOnlyList<DocumentRecord> Documents { get; init; }
        public required IReadOnlyDictionary<string, DocumentRecord> ById { get; init; }
        public long DateOf(string documentId) => ById.TryGetValue(documentId, out var d) && d.Date is { } dt ? dt.DayNumber : 0;

        /// <summary>Each authority's latest inspection report, worked out once per commit.</summary>
        public IReadOnlyDictionary<string, DocumentRecord> LatestInspections => _latest ??= England.Inspections.LatestByAuthority(Documents);
        private IReadOnlyDictionary<string, DocumentRecord>? _latest;
    }

    private sealed class CatalogSearcher(IndexReader reader, Catalog catalog) : IndexSearcher(reader)
    {
        public Catalog Catalog { get; } = catalog;
    }

    private sealed class CatalogSearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            var tmp = new IndexSearcher(reader);
            var top = tmp.Search(new TermQuery(new Term(IndexSchema.Kind, IndexSchema.KindDocument)), Math.Max(1, reader.MaxDoc));
            var docs = top.ScoreDocs.Select(sd => JsonSerializer.Deserialize(tmp.Doc(sd.Doc).Get(IndexSchema.Json), RecordJson.Default.DocumentRecord)!)
                .OrderBy(d => d.Date ?? DateOnly.MinValue).ThenBy(d => d.Authority, StringComparer.Ordinal).ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToList();
            // Decode the segments' doc values now, so the first search after a switch does not pay for it.
            foreach (var leaf in reader.Leaves) SegmentValues.Of(leaf.AtomicReader);
            var catalog = new Catalog { Documents = docs, ById = docs.ToDictionary(d => d.Id, StringComparer.Ordinal) };
            return new CatalogSearcher(reader, catalog) { Similarity = new ReportSimilarity() };
        }
    }
}
