using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchService.Search.Searching;

/// <summary>
/// Counts facet values over the matching documents from single-valued doc values (the facet
/// module is not available here), read from the segment's decoded columns. Ordinals are counted
/// per segment in arrays and turned into values at each segment's end, so counts are exact.
/// </summary>
internal sealed class FacetCollector(IReadOnlyList<string> fields) : ICollector
{
    private readonly Dictionary<string, Dictionary<string, int>> _counts = fields.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal));
    private OrdinalColumn[] _columns = [];
    // Per field, the segment's count for each ordinal at [ordinal + 1]; [0] counts the matches without a value.
    private int[][] _segmentCounts = [];
    // Matches are counted a field at a time over a buffer of them (one column and one count array in the
    // loop, no branch on a missing value): counted a match at a time over nine fields, it was a third of "care".
    private readonly int[] _buffered = new int[BufferSize];
    private int _bufferedCount;
    private const int BufferSize = 2048;
    // A document's metadata (authority, year, type…) is the same for all its paragraphs: when the document id is
    // counted, those fields are added up per document at the segment's end, not counted match by match.
    private readonly int _documentField = IndexOf(fields, Indexing.IndexSchema.DocumentId);
    private int[]?[] _byDocument = [];
    private int[] _counted = [];

    public IReadOnlyDictionary<string, Dictionary<string, int>> Counts
    {
        get { FlushSegment(); return _counts; }
    }

    public void SetScorer(Scorer scorer) { }

    public void Collect(int doc)
    {
        if (_only is { } counts)
        {
            counts[_onlyOrdinals[doc] + 1]++;
            return;
        }
        if (_bufferedCount == BufferSize) CountBuffered();
        _buffered[_bufferedCount++] = doc;
    }

    // One field counted match by match (a sideways dimension's own counts): counted at once, nothing to buffer.
    private int[]? _only;
    private int[] _onlyOrdinals = [];

    private void CountBuffered()
    {
        var docs = _buffered.AsSpan(0, _bufferedCount);
        foreach (int f in _counted)
        {
            var ordinals = _columns[f].Ordinals;
            var counts = _segmentCounts[f];
            foreach (int doc in docs) counts[ordinals[doc] + 1]++;
        }
        _bufferedCount = 0;
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        var values = SegmentValues.Of(context.AtomicReader);
        _columns = fields.Select(values.Column).ToArray();
        _segmentCounts = _columns.Select(c => new int[c.Values.Length + 1]).ToArray();
        _byDocument = fields.Select(f => _documentField >= 0 && f != Indexing.IndexSchema.DocumentId ? values.ByDocument(f) : null).ToArray();
        _counted = Enumerable.Range(0, fields.Count).Where(f => _byDocument[f] is null).ToArray();
        _only = fields.Count == 1 ? _segmentCounts[0] : null;
        _onlyOrdinals = fields.Count == 1 ? _columns[0].Ordinals : [];
    }

    /// <summary>
    /// Adds a segment's counts worked out elsewhere instead of collecting its matches: for each field, counts by
    /// ordinal as <see cref="RememberedScoresQuery.Matches.CountsBy"/> gives them (a remembered word's sideways counts).
    /// </summary>
    public void AddCounted(AtomicReaderContext context, Func<OrdinalColumn, int[]> counted)
    {
        SetNextReader(context);
        for (int f = 0; f < _columns.Length; f++)
        {
            var counts = counted(_columns[f]);
            var target = _segmentCounts[f];
            for (int i = 0; i < target.Length; i++) target[i] += counts[i];
        }
    }

    private void FlushSegment()
    {
        CountBuffered();
        if (_documentField >= 0 && _segmentCounts.Length > 0)
        {
            var perDocument = _segmentCounts[_documentField];
            for (int f = 0; f < _byDocument.Length; f++)
            {
                if (_byDocument[f] is not { } map) continue;
                var counts = _segmentCounts[f];
                for (int document = 0; document < map.Length; document++)
                    if (perDocument[document + 1] is var c && c != 0) counts[map[document] + 1] += c;
            }
        }
        for (int f = 0; f < _columns.Length; f++)
        {
            var target = _counts[fields[f]];
            var counts = _segmentCounts[f];
            var values = _columns[f].Values;
            // Sized once for the values this segment adds (a document id facet has hundreds: growing the table step by step allocated it twice over).
            int present = 0;
            for (int ord = 0; ord < values.Length; ord++) if (counts[ord + 1] != 0) present++;
            target.EnsureCapacity(target.Count + present);
            for (int ord = 0; ord < values.Length; ord++)
            {
                if (counts[ord + 1] == 0) continue;
                // One lookup per value (the document id column adds a few hundred per search).
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(target, values[ord], out _) += counts[ord + 1];
                counts[ord + 1] = 0;
            }
        }
    }

    private static int IndexOf(IReadOnlyList<string> fields, string field)
    {
        for (int i = 0; i < fields.Count; i++) if (fields[i] == field) return i;
        return -1;
    }

    public bool AcceptsDocsOutOfOrder => true;
}

/// <summary>A filtered facet dimension: its filter, and its own counts (which ignore that filter).</summary>
internal sealed record SidewaysDimension(string Dimension, Filter Filter, FacetCollector Counts);

/// <summary>
/// Multi-select facets in one pass, as Lucene's drill-sideways does: the query runs without the
/// facet filters, and each match is tested against every filtered dimension. A match that
/// passes them all is a hit and counts in every dimension; one that fails exactly one dimension
/// counts only in that dimension's own counts (what the user would get by changing that
/// filter); one that fails two or more is dropped. With no filtered dimension every match is a
/// hit. The alternative, one extra search per filtered dimension, ran the whole query again for each.
/// </summary>
internal sealed class SidewaysCollector(ICollector hits, FacetCollector unfiltered, IReadOnlyList<SidewaysDimension> dimensions) : ICollector
{
    private readonly FacetCollector[] _counts = dimensions.Select(d => d.Counts).ToArray();
    private readonly IBits[] _bits = new IBits[dimensions.Count];
    // The filters' bits as words when they are a FixedBitSet (the filter cache's): tested inline rather than
    // through IBits, since every match of the query is tested ("children" under an authority filter: 30,000 at ×2).
    private readonly long[]?[] _words = new long[]?[dimensions.Count];

    public void SetScorer(Scorer scorer) => hits.SetScorer(scorer);

    public void Collect(int doc)
    {
        int failed = -1;
        for (int i = 0; i < _bits.Length; i++)
        {
            if (_words[i] is { } words ? ((words[doc >> 6] >>> doc) & 1) != 0 : _bits[i].Get(doc)) continue;
            if (failed >= 0) return;
            failed = i;
        }
        if (failed >= 0)
        {
            _counts[failed].Collect(doc);
            return;
        }
        hits.Collect(doc);
        unfiltered.Collect(doc);
        foreach (var counts in _counts) counts.Collect(doc);
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        hits.SetNextReader(context);
        unfiltered.SetNextReader(context);
        for (int i = 0; i < _bits.Length; i++)
        {
            dimensions[i].Counts.SetNextReader(context);
            _bits[i] = dimensions[i].Filter.GetDocIdSet(context, null)?.Bits ?? new Bits.MatchNoBits(context.AtomicReader.MaxDoc);
            _words[i] = _bits[i] is FixedBitSet set ? set.GetBits() : null;
        }
    }

    public bool AcceptsDocsOutOfOrder => hits.AcceptsDocsOutOfOrder;
}

/// <summary>Keeps the best-scoring paragraph of each document and counts the rest (groupBy=document).</summary>
internal sealed class DocumentGroupCollector : ICollector
{
    private Scorer? _scorer;
    private OrdinalColumn _documentIds = OrdinalColumn.Empty;
    private int _docBase;
    private readonly Dictionary<string, (int Doc, float Score, int Count)> _groups = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, (int Doc, float Score, int Count)> Groups => _groups;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void Collect(int doc)
    {
        var key = _documentIds.ValueOf(doc);
        if (key is null) return;
        float score = _scorer!.GetScore();
        ref var g = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_groups, key, out bool exists);
        if (!exists) g = (_docBase + doc, score, 1);
        else g = score > g.Score ? (_docBase + doc, score, g.Count + 1) : (g.Doc, g.Score, g.Count + 1);
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        _docBase = context.DocBase;
        _documentIds = SegmentValues.Of(context.AtomicReader).Column(Indexing.IndexSchema.DocumentId);
    }

    public bool AcceptsDocsOutOfOrder => true;
}

/// <summary>
/// Counts matching paragraphs and distinct documents per bucket value (trends), and in all:
/// per segment by ordinal in arrays and a set of (bucket, document) ordinal pairs, turned into
/// values at each segment's end. Matches without a bucket value are counted as unbucketed.
/// </summary>
internal sealed class BucketCollector(string bucketField) : ICollector
{
    private OrdinalColumn _buckets = OrdinalColumn.Empty;
    private OrdinalColumn _documents = OrdinalColumn.Empty;
    private int[] _counts = [];
    private readonly HashSet<long> _pairs = [];
    private bool[] _seenDocuments = [];
    private readonly Dictionary<string, int> _paragraphs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _bucketDocuments = new(StringComparer.Ordinal);
    private readonly HashSet<string> _allDocuments = new(StringComparer.Ordinal);

    public int Total { get; private set; }
    public int Unbucketed { get; private set; }

    /// <summary>Per bucket value: matching paragraphs and distinct documents.</summary>
    public IReadOnlyDictionary<string, (int Paragraphs, int Documents)> Buckets
    {
        get
        {
            Flush();
            return _paragraphs.ToDictionary(kv => kv.Key, kv => (kv.Value, _bucketDocuments.TryGetValue(kv.Key, out var d) ? d.Count : 0), StringComparer.Ordinal);
        }
    }

    /// <summary>Distinct documents among all matches.</summary>
    public int Documents
    {
        get { Flush(); return _allDocuments.Count; }
    }

    public void SetScorer(Scorer scorer) { }

    public void Collect(int doc)
    {
        Total++;
        int document = _documents.Ordinals[doc];
        if (document >= 0) _seenDocuments[document] = true;
        int bucket = _buckets.Ordinals[doc];
        if (bucket < 0) { Unbucketed++; return; }
        _counts[bucket]++;
        if (document >= 0) _pairs.Add(((long)bucket << 32) | (uint)document);
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        var values = SegmentValues.Of(context.AtomicReader);
        _buckets = values.Column(bucketField);
        _documents = values.Column(Indexing.IndexSchema.DocumentId);
        _counts = new int[_buckets.Values.Length];
        _seenDocuments = new bool[_documents.Values.Length];
    }

    private void Flush()
    {
        for (int ord = 0; ord < _counts.Length; ord++)
        {
            if (_counts[ord] == 0) continue;
            var value = _buckets.Values[ord];
            _paragraphs[value] = _paragraphs.GetValueOrDefault(value) + _counts[ord];
            _counts[ord] = 0;
        }
        foreach (var pair in _pairs)
        {
            var bucket = _buckets.Values[(int)(pair >> 32)];
            if (!_bucketDocuments.TryGetValue(bucket, out var set)) _bucketDocuments[bucket] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(_documents.Values[(int)(pair & 0xFFFFFFFF)]);
        }
        _pairs.Clear();
        for (int ord = 0; ord < _seenDocuments.Length; ord++)
        {
            if (!_seenDocuments[ord]) continue;
            _allDocuments.Add(_documents.Values[ord]);
            _seenDocuments[ord] = false;
        }
    }

    public bool AcceptsDocsOutOfOrder => true;
}

/// <summary>Every matching document number (global), for exports: the same matches the search counts.</summary>
internal sealed class MatchListCollector : ICollector
{
    private Scorer? _scorer;
    private int _docBase;
    public List<(int Doc, float Score)> Matches { get; } = [];

    public void SetScorer(Scorer scorer) => _scorer = scorer;
    public void Collect(int doc) => Matches.Add((_docBase + doc, _scorer?.GetScore() ?? 0));
    public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;
    public bool AcceptsDocsOutOfOrder => true;
}

/// <summary>Thrown by <see cref="BudgetCollector"/> when a search runs past its time budget.</summary>
internal sealed class BudgetExceededException(int lastDoc) : Exception("The search ran past its time budget.")
{
    /// <summary>The last document (global number) collected before the budget ran out.</summary>
    public int LastDoc { get; } = lastDoc;
}

/// <summary>
/// Wraps the collector of a search: multiplies each score by the paragraph's quality prior (when
/// asked), and stops the search when its time budget runs out. Lucene's TimeLimitingCollector
/// and CustomScoreQuery did these jobs, but read a shared clock and walked a function query for
/// every match; this reads the clock every 256 matches and the prior from the segment's array.
/// </summary>
internal sealed class BudgetCollector(ICollector inner, Func<long> now, long deadline, bool prior) : ICollector
{
    private int _docBase;
    private int _count;
    private float[] _quality = [];

    public void SetScorer(Scorer scorer) => inner.SetScorer(prior ? new PriorScorer(scorer, this) : scorer);

    public void Collect(int doc)
    {
        if ((_count++ & 255) == 0 && now() > deadline) throw new BudgetExceededException(_docBase + doc);
        inner.Collect(doc);
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        if (now() > deadline) throw new BudgetExceededException(context.DocBase - 1);
        _docBase = context.DocBase;
        if (prior) _quality = SegmentValues.Of(context.AtomicReader).Quality;
        inner.SetNextReader(context);
    }

    public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

    /// <summary>The query's score times the quality prior (see ReportIndexWriter.Quality).</summary>
    private sealed class PriorScorer(Scorer scorer, BudgetCollector owner) : Scorer(scorer.Weight)
    {
        public override float GetScore() => scorer.GetScore() * owner._quality[scorer.DocID];
        public override int Freq => scorer.Freq;
        public override int DocID => scorer.DocID;
        public override int NextDoc() => scorer.NextDoc();
        public override int Advance(int target) => scorer.Advance(target);
        public override long GetCost() => scorer.GetCost();
    }
}
