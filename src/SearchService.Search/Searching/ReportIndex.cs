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
    private readonly List<InMemoryReadDirectory> _retired = [];
    private readonly ReportAnalyzer _analyzer;
    private readonly SnippetBuilder _snippets;
    private readonly FilterCache _filters = new();
    private readonly RecordCache _records;

    public Synonyms Synonyms { get; }
    public SearchLimits Limits { get; }
    public string Path { get; }

    private ReportIndex(string path, Synonyms synonyms, SearchLimits limits, Stemmer stemmer = Stemmer.KStem)
    {
        _analyzer = new ReportAnalyzer(stemmer);
        Path = path;
        Synonyms = synonyms;
        Limits = limits;
        _snippets = new SnippetBuilder(_analyzer);
        _records = new RecordCache(limits.RecordCacheSize);
        _served = OpenServed(IndexGenerations.ServedPath(path));
    }

    /// <summary>The Lucene folder served now (a generation, see <see cref="IndexGenerations"/>) and its searcher manager.</summary>
    private sealed record Served(string Path, InMemoryReadDirectory Directory, SearcherManager Manager);

    private Served OpenServed(string lucenePath)
    {
        // Read whole into memory but for stored fields: Lucene.Net's memory-mapped inputs cost the GC a handle
        // per clone (see the type). Stored fields are read from the folder with positional reads, not mapped,
        // so that the pages read do not count against the process.
        var directory = new InMemoryReadDirectory(new NIOFSDirectory(lucenePath));
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

    /// <summary>Opens an index built with another stemmer (for measuring them; see <see cref="Stemmer"/>).</summary>
    internal static ReportIndex Open(string path, Synonyms synonyms, Stemmer stemmer) => new(path, synonyms, new SearchLimits(), stemmer);

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

    // ---- Paragraphs, documents, judgements -------------------------------------------------

    public ParagraphRecord? GetParagraph(string id) => GetParagraphs([id]) is [var p] ? p : null;

    /// <summary>Paragraphs by id, in the order asked; missing ids are left out.</summary>
    public IReadOnlyList<ParagraphRecord> GetParagraphs(IEnumerable<string> ids)
    {
        var searcher = _manager.Acquire();
        try
        {
            var lookup = new IdLookup(searcher.IndexReader.Leaves, ParagraphsOnly);
            var found = new List<ParagraphRecord>();
            foreach (var id in ids)
                if (lookup.DocOf(id) is { } doc) found.Add(Load(searcher, doc));
            return found;
        }
        finally
        {
            _manager.Release(searcher);
        }
    }

    public IReadOnlyList<DocumentRecord> Documents => WithCatalog(c => c.Documents);

    public DocumentRecord? GetDocument(string id) => WithCatalog(c => c.ById.GetValueOrDefault(id));

    public int ParagraphCount => WithCatalog(c => c.Documents.Sum(d => d.ParagraphCount));

    private T WithCatalog<T>(Func<Catalog, T> f) => WithSearcher(s => f(s.Catalog));

    /// <summary>Runs <paramref name="f"/> on the served searcher, acquired and released around it.</summary>
    private T WithSearcher<T>(Func<CatalogSearcher, T> f)
    {
        var searcher = (CatalogSearcher)_manager.Acquire();
        try { return f(searcher); }
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

    private ParagraphRecord Load(IndexSearcher searcher, int doc)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        return _records.GetOrLoad(leaf.AtomicReader.CoreCacheKey, doc - leaf.DocBase, () => ReadRecord(searcher, doc));
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
        public LearnedVocabulary Learned { get; init; } = LearnedVocabulary.Empty;

        /// <summary>The stored field of this commit's paragraph records (by its format, <see cref="IndexFormat"/>), the one field a read loads.</summary>
        public required string ParagraphField { get; init; }
        public ISet<string> ParagraphFields => _paragraphFields ??= new HashSet<string>(StringComparer.Ordinal) { ParagraphField };
        private ISet<string>? _paragraphFields;

        /// <summary>A paragraph's document, the one home of its metadata (the same instance for every paragraph of the document).</summary>
        public DocumentRecord DocumentOf(ParagraphRecord p) => ById.TryGetValue(p.DocumentId, out var d) ? d
            : throw new InvalidDataException($"paragraph '{p.Id}' names document '{p.DocumentId}', which the index does not hold");
        /// <summary>Tells catalogs apart in cache keys (each commit gets its own).</summary>
        public Guid Stamp { get; } = Guid.NewGuid();
        /// <summary>The first and last year of the indexed documents (null when none has a year).</summary>
        public int? FirstYear => Documents.Min(d => d.Year);
        public int? LastYear => Documents.Max(d => d.Year);
        public long DateOf(string documentId) => ById.TryGetValue(documentId, out var d) && d.Date is { } dt ? dt.DayNumber : 0;

        /// <summary>Each authority's latest inspection report, worked out once per commit.</summary>
        public IReadOnlyDictionary<string, DocumentRecord> LatestInspections => _latest ??= England.Inspections.LatestByAuthority(Documents);
        private IReadOnlyDictionary<string, DocumentRecord>? _latest;
    }

    /// <summary>The learned acronyms stored with this commit (none in an index built before they were learned).</summary>
    private static LearnedVocabulary LoadLearned(IndexSearcher searcher)
    {
        var top = searcher.Search(new TermQuery(new Term(IndexSchema.Kind, IndexSchema.KindLearned)), 1);
        if (top.TotalHits == 0) return LearnedVocabulary.Empty;
        var entries = JsonSerializer.Deserialize(searcher.Doc(top.ScoreDocs[0].Doc).Get(IndexSchema.Json), RecordJson.Default.ListLearnedAcronym);
        return entries is null ? LearnedVocabulary.Empty : new LearnedVocabulary(entries);
    }

    /// <summary>The acronyms the served documents define, learned when they were indexed.</summary>
    public LearnedVocabulary Learned => WithCatalog(c => c.Learned);

    private sealed class CatalogSearcher(IndexReader reader, Catalog catalog) : IndexSearcher(reader)
    {
        public Catalog Catalog { get; } = catalog;

        /// <summary>Term and phrase frequencies of this reader, for planning queries.</summary>
        public ReaderStatistics Statistics { get; } = new(reader);

        /// <summary>Trend denominators (paragraphs per bucket under a filter) for this reader.</summary>
        public System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyDictionary<string, int>> Denominators { get; } = new(StringComparer.Ordinal);
    }

    private sealed class CatalogSearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            var tmp = new IndexSearcher(reader);
            var top = tmp.Search(new TermQuery(new Term(IndexSchema.Kind, IndexSchema.KindDocument)), Math.Max(1, reader.MaxDoc));
            int format = IndexFormat.Of(reader);
            IndexFormat.EnsureReadable(format, top.TotalHits, tmp.Search(new TermQuery(new Term(IndexSchema.Kind, IndexSchema.KindParagraph)), 1).TotalHits);
            var docs = top.ScoreDocs.Select(sd => JsonSerializer.Deserialize(tmp.Doc(sd.Doc).Get(IndexSchema.Json), RecordJson.Default.DocumentRecord)!.SharingParagraphIds())
                .OrderBy(d => d.Date ?? DateOnly.MinValue).ThenBy(d => d.Authority, StringComparer.Ordinal).ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToList();
            // Decode the segments' doc values now, so the first search after a switch does not pay for it.
            foreach (var leaf in reader.Leaves) SegmentValues.Of(leaf.AtomicReader);
            var catalog = new Catalog
            {
                Documents = docs,
                ById = docs.ToDictionary(d => d.Id, StringComparer.Ordinal),
                Learned = LoadLearned(tmp),
                ParagraphField = IndexFormat.ParagraphField(format),
            };
            return new CatalogSearcher(reader, catalog) { Similarity = new ReportSimilarity() };
        }
    }
}
