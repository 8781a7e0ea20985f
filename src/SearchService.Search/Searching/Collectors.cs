using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchService.Search.Searching;

/// <summary>
/// Counts facet values over the matching documents from single-valued doc values (the facet
/// module is not available here). Ordinals are counted per segment and turned into values at
/// each segment's end, so counts are exact.
/// </summary>
internal sealed class FacetCollector(IReadOnlyList<string> fields) : ICollector
{
    private readonly Dictionary<string, Dictionary<string, int>> _counts = fields.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal));
    private SortedDocValues?[] _values = [];
    private int[][] _segmentCounts = [];

    public int Total { get; private set; }

    public IReadOnlyDictionary<string, Dictionary<string, int>> Counts
    {
        get { FlushSegment(); return _counts; }
    }

    public void SetScorer(Scorer scorer) { }

    public void Collect(int doc)
    {
        Total++;
        for (int f = 0; f < _values.Length; f++)
        {
            var dv = _values[f];
            if (dv is null) continue;
            int ord = dv.GetOrd(doc);
            if (ord >= 0) _segmentCounts[f][ord]++;
        }
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        _values = fields.Select(f => context.AtomicReader.GetSortedDocValues(f)).ToArray();
        _segmentCounts = _values.Select(v => new int[v?.ValueCount ?? 0]).ToArray();
    }

    private void FlushSegment()
    {
        for (int f = 0; f < _values.Length; f++)
        {
            var dv = _values[f];
            if (dv is null) continue;
            var target = _counts[fields[f]];
            var counts = _segmentCounts[f];
            var bytes = new Lucene.Net.Util.BytesRef();
            for (int ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0) continue;
                dv.LookupOrd(ord, bytes);
                var key = bytes.Utf8ToString();
                target[key] = target.GetValueOrDefault(key) + counts[ord];
                counts[ord] = 0;
            }
        }
    }

    public bool AcceptsDocsOutOfOrder => true;
}

/// <summary>Keeps the best-scoring paragraph of each document and counts the rest (groupBy=document).</summary>
internal sealed class DocumentGroupCollector : ICollector
{
    private Scorer? _scorer;
    private SortedDocValues? _documentIds;
    private int _docBase;
    private readonly Dictionary<string, (int Doc, float Score, int Count)> _groups = new(StringComparer.Ordinal);

    public int Total { get; private set; }
    public IReadOnlyDictionary<string, (int Doc, float Score, int Count)> Groups => _groups;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void Collect(int doc)
    {
        Total++;
        if (_documentIds is null) return;
        int ord = _documentIds.GetOrd(doc);
        if (ord < 0) return;
        var bytes = new Lucene.Net.Util.BytesRef();
        _documentIds.LookupOrd(ord, bytes);
        var key = bytes.Utf8ToString();
        float score = _scorer!.GetScore();
        if (_groups.TryGetValue(key, out var g))
            _groups[key] = score > g.Score ? (_docBase + doc, score, g.Count + 1) : (g.Doc, g.Score, g.Count + 1);
        else
            _groups[key] = (_docBase + doc, score, 1);
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        _docBase = context.DocBase;
        _documentIds = context.AtomicReader.GetSortedDocValues(Indexing.IndexSchema.DocumentId);
    }

    public bool AcceptsDocsOutOfOrder => true;
}

/// <summary>Counts matching paragraphs and distinct documents per bucket value (trends).</summary>
internal sealed class BucketCollector(string bucketField) : ICollector
{
    private SortedDocValues? _buckets;
    private SortedDocValues? _documents;
    public Dictionary<string, (int Paragraphs, HashSet<string> Documents)> Buckets { get; } = new(StringComparer.Ordinal);

    public void SetScorer(Scorer scorer) { }

    public void Collect(int doc)
    {
        if (_buckets is null) return;
        int ord = _buckets.GetOrd(doc);
        if (ord < 0) return;
        var bytes = new Lucene.Net.Util.BytesRef();
        _buckets.LookupOrd(ord, bytes);
        var bucket = bytes.Utf8ToString();
        if (!Buckets.TryGetValue(bucket, out var b)) b = (0, new HashSet<string>(StringComparer.Ordinal));
        if (_documents is not null && _documents.GetOrd(doc) is var d && d >= 0)
        {
            _documents.LookupOrd(d, bytes);
            b.Documents.Add(bytes.Utf8ToString());
        }
        Buckets[bucket] = (b.Paragraphs + 1, b.Documents);
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        _buckets = context.AtomicReader.GetSortedDocValues(bucketField);
        _documents = context.AtomicReader.GetSortedDocValues(Indexing.IndexSchema.DocumentId);
    }

    public bool AcceptsDocsOutOfOrder => true;
}
