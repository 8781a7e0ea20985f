using System.Text.Json;
using Lucene.Net.Search;
using SearchService.Search.Indexing;

namespace SearchService.Search.Searching;

/// <summary>
/// Every paragraph a search matches, up to a row limit, in the search's own order (relevance or
/// date): what a spreadsheet export writes. The same query, filters, peer group and scoring as
/// <see cref="Search"/>, without paging; records are read one at a time as the rows are written.
/// </summary>
public sealed partial class ReportIndex
{
    public MatchedParagraphs Matching(SearchRequest request, int limit)
    {
        if (limit < 1) throw new QueryLimitException($"The row limit must be 1 or more (got {limit}).", "maxRows", limit);
        var (query, _, warning, display) = ParseQuery(request.Query);
        var searcher = (CatalogSearcher)_manager.Acquire();
        try
        {
            limit = Math.Min(limit, Math.Max(1, searcher.IndexReader.MaxDoc));
            var filter = Combine(DimensionFilters(request.Filters), ScopeQuery(searcher.Catalog, request.Filters));
            var scored = WithQualityPrior(query);
            TopDocs top;
            if (request.Sort != SearchSort.Relevance)
            {
                var collector = TopFieldCollector.Create(DateSort(searcher, request.Sort), limit, true, true, false, false);
                searcher.Search(scored, filter, collector);
                top = collector.GetTopDocs();
            }
            else
            {
                var collector = TopScoreDocCollector.Create(limit, true);
                searcher.Search(scored, filter, collector);
                top = collector.GetTopDocs();
            }
            var docs = top.ScoreDocs.Select(sd => sd.Doc).ToList();
            return new MatchedParagraphs(display, top.TotalHits, warning, docs,
                doc => JsonSerializer.Deserialize(searcher.Doc(doc).Get(IndexSchema.Json), RecordJson.Default.ParagraphRecord)!,
                () => _manager.Release(searcher));
        }
        catch
        {
            _manager.Release(searcher);
            throw;
        }
    }
}

/// <summary>
/// The paragraphs a search matches: <see cref="Total"/> in all, <see cref="Rows"/> up to the limit
/// asked for (<see cref="Truncated"/> says whether that cut them). Holds the index reader it was
/// found on until disposed, so the rows are read from the same commit.
/// </summary>
public sealed class MatchedParagraphs : IDisposable
{
    private readonly IReadOnlyList<int> _docs;
    private readonly Func<int, ParagraphRecord> _read;
    private Action? _release;

    internal MatchedParagraphs(string query, int total, string? warning, IReadOnlyList<int> docs, Func<int, ParagraphRecord> read, Action release)
    {
        Query = query;
        Total = total;
        Warning = warning;
        _docs = docs;
        _read = read;
        _release = release;
    }

    public string Query { get; }
    public int Total { get; }
    public string? Warning { get; }
    public int Count => _docs.Count;
    public bool Truncated => Total > _docs.Count;

    public IEnumerable<ParagraphRecord> Rows
    {
        get
        {
            foreach (var doc in _docs)
            {
                ObjectDisposedException.ThrowIf(_release is null, this);
                yield return _read(doc);
            }
        }
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref _release, null)?.Invoke();
    }
}
