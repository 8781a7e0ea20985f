using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace SearchService.Search.Searching;

/// <summary>
/// A synonym group's query (<see cref="QueryBuilder"/>), whose matches and scores in a served
/// reader are worked out once per segment and then read from two arrays. "looked after children"
/// is a dozen phrases of common grams (its synonyms and "LAC", "CiC", "CLA"): each search read
/// their positions again and leapfrogged them in a disjunction (<c>perf</c>: the disjunction's
/// heap, the phrase scorer and the positions enum were a third of the time), and inside
/// <c>LAC health</c> every one of the dozen was advanced to each paragraph with "health". A reader's
/// segments never change, so neither do the group's matches or their scores: this is what an
/// index-time concept field would hold, built at first use rather than at indexing, so that the
/// vocabulary (and the acronyms learned from the documents) can change without a re-index.
/// A frequent word ("children", "care", in a twentieth of the paragraphs or more) is remembered the
/// same way: its postings are long and dense, and reading them from an array, scores and all, took
/// "care" from 0.43 to 0.32 ms and let a conjunction leap through "children" without a skip list.
/// </summary>
/// <remarks>
/// Matches and scores are exactly the wrapped query's: the scores are kept per normalisation
/// (the boost the group gets from the query around it) and per similarity, and the documents a
/// search accepts (deletions, a filter's bits) are applied as the arrays are read. Searched by
/// another reader than the one the memory belongs to, it simply runs the wrapped query.
/// </remarks>
public sealed class RememberedScoresQuery(Query inner, RememberedScores memory) : Query
{
    public Query Inner { get; } = inner;

    internal RememberedScores Memory { get; } = memory;

    public override Query Rewrite(IndexReader reader)
    {
        var rewritten = Inner.Rewrite(reader);
        return ReferenceEquals(rewritten, Inner) ? this : new RememberedScoresQuery(rewritten, Memory) { Boost = Boost };
    }

    public override void ExtractTerms(ISet<Term> terms) => Inner.ExtractTerms(terms);

    public override Weight CreateWeight(IndexSearcher searcher) => new RememberedWeight(this, searcher);

    // Printed as the query it runs: "as run" (bench profile) shows what is matched and scored.
    public override string ToString(string field) => Inner.ToString(field) + ToStringUtils.Boost(Boost);

    public override bool Equals(object? obj) => obj is RememberedScoresQuery other && Boost == other.Boost && Inner.Equals(other.Inner);

    public override int GetHashCode() => HashCode.Combine(Inner, Boost);

    internal sealed class RememberedWeight(RememberedScoresQuery query, IndexSearcher searcher) : Weight
    {
        private readonly Weight _inner = query.Inner.CreateWeight(searcher);
        private readonly bool _remembered = ReferenceEquals(searcher.TopReaderContext.Reader, query.Memory.Reader);
        private float _norm = float.NaN, _boost = float.NaN;

        public override Query Query => query;

        public override bool ScoresDocsOutOfOrder => false;

        public override float GetValueForNormalization() => _inner.GetValueForNormalization() * query.Boost * query.Boost;

        public override void Normalize(float norm, float topLevelBoost)
        {
            _norm = norm;
            _boost = topLevelBoost * query.Boost;
            _inner.Normalize(norm, _boost);
        }

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            if (MatchesIn(context) is not { } matches) return _inner.GetScorer(context, acceptDocs);
            return matches.Count == 0 ? null : new ArrayScorer(this, matches, acceptDocs);
        }

        public override BulkScorer GetBulkScorer(AtomicReaderContext context, bool scoreDocsInOrder, IBits? acceptDocs) =>
            MatchesIn(context) is { } matches ? new ArrayBulkScorer(this, matches, acceptDocs) : base.GetBulkScorer(context, scoreDocsInOrder, acceptDocs);

        /// <summary>The segment's remembered matches (worked out at first use), or null when searched by another reader.</summary>
        public Matches? MatchesIn(AtomicReaderContext context)
        {
            if (!_remembered) return null;
            var key = new RememberedScores.Key(query.Inner, searcher.Similarity, _norm, _boost, context.Ord);
            return query.Memory.Of(key, () => Matches.Of(_inner.GetScorer(context, null)));
        }

        public override Explanation Explain(AtomicReaderContext context, int doc) => _inner.Explain(context, doc);
    }

    /// <summary>A segment's matching documents in order, with their scores (arrays of exactly the matches).</summary>
    internal sealed class Matches(int[] docs, float[] scores)
    {
        public static readonly Matches None = new([], []);
        public int[] Docs { get; } = docs;
        public float[] Scores { get; } = scores;
        public int Count => Docs.Length;

        /// <summary>
        /// The same documents as a bit set, with each 64-bit word's rank (the matches before it): built at a conjunction's
        /// first use of them and kept with the arrays. A sixteenth of a bit per document more than the bits themselves.
        /// </summary>
        public BitsAndRanks Bits
        {
            get
            {
                var known = Volatile.Read(ref _bits);
                if (known is not null) return known;
                var made = BitsAndRanks.Of(Docs);
                return Interlocked.CompareExchange(ref _bits, made, null) ?? made;
            }
        }
        private BitsAndRanks? _bits;

        /// <summary>
        /// How many of these matches are within <paramref name="scope"/> (a cached filter's bits, all documents when null),
        /// by <paramref name="column"/>'s value (at [ordinal + 1]; [0] for no value): a facet's counts for the remembered query
        /// alone. Counted once per column and scope, and kept with the arrays (a few hundred counts each).
        /// </summary>
        public int[] CountsBy(OrdinalColumn column, FixedBitSet? scope)
        {
            var key = new CountsKey(column.Ordinals, scope);
            lock (_countsBy)
                if (_countsBy.TryGetValue(key, out var known)) return known;
            var counts = new int[column.Values.Length + 1];
            var ordinals = column.Ordinals;
            foreach (int doc in Docs)
                if (scope is null || scope.Get(doc)) counts[ordinals[doc] + 1]++;
            lock (_countsBy) _countsBy[key] = counts;
            return counts;
        }
        private readonly Dictionary<CountsKey, int[]> _countsBy = [];

        /// <summary>A column and a scope by identity (a FixedBitSet's own equality compares every bit).</summary>
        private readonly record struct CountsKey(int[] Ordinals, FixedBitSet? Scope)
        {
            public bool Equals(CountsKey other) => ReferenceEquals(Ordinals, other.Ordinals) && ReferenceEquals(Scope, other.Scope);
            public override int GetHashCode() => HashCode.Combine(RuntimeHelpers.GetHashCode(Ordinals), Scope is null ? 0 : RuntimeHelpers.GetHashCode(Scope));
        }

        public static Matches Of(Scorer? scorer)
        {
            if (scorer is null) return None;
            var docs = new int[Math.Max(16, (int)Math.Min(scorer.GetCost(), 1 << 20))];
            var scores = new float[docs.Length];
            int count = 0;
            for (int doc = scorer.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.NextDoc())
            {
                if (count == docs.Length)
                {
                    Array.Resize(ref docs, count * 2);
                    Array.Resize(ref scores, count * 2);
                }
                docs[count] = doc;
                scores[count++] = scorer.GetScore();
            }
            if (count == 0) return None;
            // Held for as long as the reader is served: no slack.
            if (count < docs.Length)
            {
                Array.Resize(ref docs, count);
                Array.Resize(ref scores, count);
            }
            return new Matches(docs, scores);
        }
    }

    /// <summary>Documents as 64-bit words of bits, and the number of documents before each word (a match's place in the arrays).</summary>
    internal sealed class BitsAndRanks(ulong[] words, int[] ranks)
    {
        public ulong[] Words { get; } = words;
        public int[] Ranks { get; } = ranks;

        public static BitsAndRanks Of(int[] docs)
        {
            int length = docs.Length == 0 ? 0 : (docs[^1] >> 6) + 1;
            var words = new ulong[length];
            foreach (int doc in docs) words[doc >> 6] |= 1UL << doc;
            var ranks = new int[length];
            for (int w = 0, before = 0; w < length; w++)
            {
                ranks[w] = before;
                before += BitOperations.PopCount(words[w]);
            }
            return new BitsAndRanks(words, ranks);
        }

        /// <summary>Whether <paramref name="doc"/> is a match.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Has(int doc)
        {
            int w = doc >> 6;
            return w < Words.Length && (Words[w] & (1UL << doc)) != 0;
        }

        /// <summary>The place in the arrays of <paramref name="doc"/>, which must be a match.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int PlaceOf(int doc)
        {
            int w = doc >> 6;
            return Ranks[w] + BitOperations.PopCount(Words[w] & ((1UL << doc) - 1));
        }
    }

    /// <summary>
    /// Hands a collector the matches straight from the arrays, skipping the documents the search does not accept: a
    /// loop over two arrays rather than a scorer's <c>NextDoc</c> per match (<c>children + Coventry</c> passes all the
    /// paragraphs with "children" to the authority's sideways count).
    /// </summary>
    internal sealed class ArrayBulkScorer(Weight weight, Matches matches, IBits? acceptDocs) : BulkScorer
    {
        private int _next;

        public override bool Score(ICollector collector, int max)
        {
            var current = new CurrentMatch(weight);
            collector.SetScorer(current);
            var docs = matches.Docs;
            var scores = matches.Scores;
            int i = _next;
            for (; i < docs.Length; i++)
            {
                int doc = docs[i];
                if (doc >= max) break;
                if (acceptDocs is not null && !acceptDocs.Get(doc)) continue;
                current.Doc = doc;
                current.Score = scores[i];
                collector.Collect(doc);
            }
            _next = i;
            return i < docs.Length;
        }

        /// <summary>The match being collected, for collectors that ask its score.</summary>
        private sealed class CurrentMatch(Weight weight) : Scorer(weight)
        {
            public int Doc = -1;
            public float Score;

            public override int DocID => Doc;
            public override int Freq => 1;
            public override float GetScore() => Score;
            public override int NextDoc() => throw new NotSupportedException();
            public override int Advance(int target) => throw new NotSupportedException();
            public override long GetCost() => 1;
        }
    }

    /// <summary>Reads remembered matches, skipping the documents the search does not accept.</summary>
    internal sealed class ArrayScorer(Weight weight, Matches matches, IBits? acceptDocs) : Scorer(weight)
    {
        private readonly int[] _docs = matches.Docs;
        private readonly float[] _scores = matches.Scores;
        private readonly int _count = matches.Docs.Length;
        private int _at = -1;
        private int _doc = -1;

        public override int DocID => _doc;

        /// <summary>How often the group matched is not kept (nothing above a group's query reads it).</summary>
        public override int Freq => 1;

        public override float GetScore() => _scores[_at];

        public override long GetCost() => _count;

        public override int NextDoc()
        {
            while (++_at < _count)
            {
                int doc = _docs[_at];
                if (acceptDocs is null || acceptDocs.Get(doc)) return _doc = doc;
            }
            _at = _count;
            return _doc = NO_MORE_DOCS;
        }

        public override int Advance(int target)
        {
            // Inside a conjunction the next target is usually a few matches on.
            _at = FirstAtLeast(_docs, _at + 1, target) - 1;
            return NextDoc();
        }

        /// <summary>
        /// The first position at or after <paramref name="from"/> whose document is at least <paramref name="target"/>
        /// (the length when none is). Looks at the next eight, then gallops (8, 16, 32… on) and searches the last step's range.
        /// </summary>
        private static int FirstAtLeast(int[] docs, int from, int target)
        {
            int lo = from, end = docs.Length;
            int near = Math.Min(end, lo + 8);
            while (lo < near && docs[lo] < target) lo++;
            if (lo == near && lo < end)
            {
                int step = 8, hi = lo;
                while (hi < end && docs[hi] < target)
                {
                    lo = hi + 1;
                    hi += step;
                    step <<= 1;
                }
                hi = Math.Min(hi, end - 1);
                while (lo <= hi)
                {
                    int mid = (lo + hi) >>> 1;
                    if (docs[mid] < target) lo = mid + 1;
                    else hi = mid - 1;
                }
            }
            return lo;
        }
    }
}

/// <summary>
/// The matches and scores of synonym groups and frequent words in one served reader (<see cref="RememberedScoresQuery"/>),
/// for as long as it is served. Bounded by the matches held: when over <see cref="MaxMatches"/>,
/// it starts again rather than grow without end (the vocabulary is a few hundred groups and the
/// frequent words a few dozen, so it seldom does).
/// </summary>
public sealed class RememberedScores(IndexReader reader, int maxMatches = RememberedScores.DefaultMaxMatches)
{
    /// <summary>Eight million matches: 64 MB of documents and scores (the benchmark mix's groups and frequent words hold 0.1 million at ×1, 1.1 million at ×10).</summary>
    public const int DefaultMaxMatches = 8_000_000;

    private readonly ConcurrentDictionary<Key, Lazy<RememberedScoresQuery.Matches>> _matches = new();
    private long _held;

    public IndexReader Reader { get; } = reader;

    public int MaxMatches { get; } = maxMatches;

    /// <summary>How many times a group's matches in a segment were worked out (for tests and diagnostics).</summary>
    public int Computed => _computed;
    private int _computed;

    /// <summary>Matches held, across groups and segments.</summary>
    public long Held => Interlocked.Read(ref _held);

    /// <summary>Forgets every group and word (the benchmark's profile measures a first search with it).</summary>
    internal void Clear()
    {
        _matches.Clear();
        Interlocked.Exchange(ref _held, 0);
    }

    internal readonly record struct Key(Query Query, Similarity Similarity, float Norm, float Boost, int Segment);

    internal RememberedScoresQuery.Matches Of(Key key, Func<RememberedScoresQuery.Matches> compute)
    {
        if (_matches.TryGetValue(key, out var known)) return known.Value;
        var lazy = _matches.GetOrAdd(key, _ => new Lazy<RememberedScoresQuery.Matches>(() =>
        {
            Interlocked.Increment(ref _computed);
            var m = compute();
            if (Interlocked.Add(ref _held, m.Count) > MaxMatches)
            {
                _matches.Clear();
                Interlocked.Exchange(ref _held, m.Count);
            }
            return m;
        }));
        try { return lazy.Value; }
        catch
        {
            _matches.TryRemove(key, out _); // not remembered: the next search tries again
            throw;
        }
    }
}
