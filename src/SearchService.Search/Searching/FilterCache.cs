using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchService.Search.Searching;

/// <summary>
/// The filters searches use (paragraphs only; each combination of facet filters), kept as one
/// bit set per segment. A filter query re-run on every search walks the postings of every
/// filtered term; a cached bit set costs one pass per segment and then gives the search random
/// access, so the query's own postings skip what the filter excludes. Bounded: past
/// <see cref="Capacity"/> distinct filters the cache starts again.
/// </summary>
internal sealed class FilterCache
{
    public const int Capacity = 256;
    private readonly ConcurrentDictionary<string, BitSetFilter> _filters = new(StringComparer.Ordinal);

    public int Count => _filters.Count;

    public Filter For(Query query)
    {
        var key = query.ToString();
        if (_filters.TryGetValue(key, out var filter)) return filter;
        if (_filters.Count >= Capacity) _filters.Clear();
        return _filters.GetOrAdd(key, _ => new BitSetFilter(query));
    }

    /// <summary>A query's matches as a bit set per segment core; deleted documents are taken out per search.</summary>
    private sealed class BitSetFilter(Query query) : Filter
    {
        private readonly QueryWrapperFilter _query = new(query);
        private readonly ConditionalWeakTable<object, FixedBitSet> _sets = new();

        public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits acceptDocs)
        {
            var bits = _sets.GetValue(context.AtomicReader.CoreCacheKey, _ => Build(context));
            return BitsFilteredDocIdSet.Wrap(bits, acceptDocs);
        }

        private FixedBitSet Build(AtomicReaderContext context)
        {
            var bits = new FixedBitSet(context.AtomicReader.MaxDoc);
            var iterator = _query.GetDocIdSet(context, null)?.GetIterator();
            if (iterator is not null) bits.Or(iterator);
            return bits;
        }

        public override string ToString() => $"BitSetFilter({query})";
    }
}
