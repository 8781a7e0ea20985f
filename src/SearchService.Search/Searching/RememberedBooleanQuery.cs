using System.Numerics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchService.Search.Searching;

/// <summary>
/// A Boolean query that, where its clauses are remembered (<see cref="RememberedScoresQuery"/>: frequent
/// words, synonym groups), scores a segment in one loop over their arrays instead of through Lucene's
/// tree of scorers. Otherwise it is exactly a <see cref="BooleanQuery"/>, and the scores are Lucene's,
/// score for score.
/// <list type="bullet">
/// <item>A conjunction of remembered clauses intersects their bit sets a 64-bit word at a time
/// (<c>children social work</c>: three of the most frequent words; Lucene's <c>ConjunctionScorer</c>
/// leapfrogging them was a third of its time, and a galloping merge of the arrays no faster).</item>
/// <item>A required part with optional boosters (the words side by side, the words in a heading) finds the
/// required matches first, then adds each booster over all of them in one loop: a remembered one looked up
/// in its bits, another by advancing its scorer. At ×2, the heading booster of <c>children social work</c>,
/// a disjunction of three frequent heading words advanced to each of 6,190 matches, took 0.25 of its 0.67 ms.</item>
/// </list>
/// Nothing here is remembered across searches: a query's shape is as varied as the queries, and its
/// matches are worked out from the remembered parts in a fraction of a millisecond.
/// </summary>
public sealed class RememberedBooleanQuery(bool disableCoord) : BooleanQuery(disableCoord)
{
    public override Weight CreateWeight(IndexSearcher searcher) => new ArraysWeight(this, searcher);

    /// <summary>
    /// The most matches a segment is scored from arrays at once; beyond it, Lucene's scorers (over the remembered arrays)
    /// score it. Every array a search allocates then stays off the large object heap (a tenth of a megabyte): worked out in
    /// arrays of a broad word's 100,000 matches at ×10, the API's resident memory after 500 searches rose by 50 MB.
    /// </summary>
    public const int MaxScoredAtOnce = 10_000;

    /// <summary>Read from arrays when every part can be; otherwise Lucene's own scorers.</summary>
    internal sealed class ArraysWeight(RememberedBooleanQuery query, IndexSearcher searcher)
        : BooleanWeight(query, searcher, query.CoordDisabled)
    {
        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            if (MatchesIn(context, acceptDocs) is not { } matches) return base.GetScorer(context, acceptDocs);
            return matches.Count == 0 ? null : new RememberedScoresQuery.ArrayScorer(this, matches, null);
        }

        public override BulkScorer GetBulkScorer(AtomicReaderContext context, bool scoreDocsInOrder, IBits? acceptDocs) =>
            MatchesIn(context, acceptDocs) is { } matches ? new RememberedScoresQuery.ArrayBulkScorer(this, matches, null) : base.GetBulkScorer(context, scoreDocsInOrder, acceptDocs);

        /// <summary>The coordination factor Lucene's scorers apply when <paramref name="matched"/> clauses match.</summary>
        private float CoordOf(int matched) => query.CoordDisabled ? 1f : Coord(matched, MaxCoord);

        /// <summary>A disjunction's score as DisjunctionSumScorer gives it: the sum in double precision, times the coordination factor.</summary>
        public float DisjunctionScore(double sum, int matched) => (float)(sum * CoordOf(matched));

        /// <summary>
        /// The segment's clauses as boosters when this query is optional clauses alone, without coordination (the words
        /// in a heading, some remembered and some not); otherwise null. Lucene scores one clause alone as it is, and
        /// several as DisjunctionSumScorer, which without coordination comes to the same.
        /// </summary>
        public Booster[]? Disjunction(AtomicReaderContext context, IBits? acceptDocs)
        {
            if (!query.CoordDisabled || query.MinimumNumberShouldMatch > 0) return null;
            var parts = new List<Booster>();
            for (int i = 0; i < m_weights.Count; i++)
            {
                if (query.Clauses[i].Occur != Occur.SHOULD) return null;
                if (Booster.Of(m_weights[i], context, acceptDocs) is { } part) parts.Add(part);
            }
            return [.. parts];
        }

        /// <summary>
        /// The segment's accepted matches with Lucene's scores, or null when this query cannot be read from arrays:
        /// it needs a required clause, no excluded one, every required clause remembered (or, alone, such a query), and
        /// no more than <see cref="MaxScoredAtOnce"/> matches.
        /// </summary>
        public RememberedScoresQuery.Matches? MatchesIn(AtomicReaderContext context, IBits? acceptDocs)
        {
            var clauses = query.Clauses;
            if (query.MinimumNumberShouldMatch > 0) return null;
            int requiredClauses = clauses.Count(c => c.Occur == Occur.MUST);
            var required = new List<RememberedScoresQuery.Matches>();
            for (int i = 0; i < clauses.Count; i++)
            {
                var weight = m_weights[i];
                switch (clauses[i].Occur)
                {
                    case Occur.MUST when weight is RememberedScoresQuery.RememberedWeight r:
                        if (r.MatchesIn(context) is not { } m) return null;
                        required.Add(m);
                        break;
                    case Occur.MUST when weight is ArraysWeight nested && requiredClauses == 1:
                        // Alone, its score is taken as it is: a nested query's cost (which orders a conjunction's sum) is not needed.
                        if (nested.MatchesIn(context, acceptDocs) is not { } n) return null;
                        required.Add(n);
                        break;
                    case Occur.SHOULD:
                        break;
                    default:
                        return null;
                }
            }
            if (required.Count == 0) return null;
            // Fewest matches first, ties in clause order (ConjunctionScorer sorts by cost, stably).
            var order = required.Select((m, i) => (m, i)).OrderBy(p => p.m.Count).ThenBy(p => p.i).Select(p => p.m).ToArray();
            if (order[0].Count == 0) return RememberedScoresQuery.Matches.None;
            int most = order.Length == 1 ? order[0].Count : CommonCount(order);
            if (most > MaxScoredAtOnce) return null;
            // Within the bound: only now are the boosters' scorers made (a phrase's reads its terms).
            var optional = new List<Booster>();
            for (int i = 0; i < clauses.Count; i++)
                if (clauses[i].Occur == Occur.SHOULD && Booster.Of(m_weights[i], context, acceptDocs) is { } booster) optional.Add(booster);
            return Scored(order, most, optional, acceptDocs);
        }

        /// <summary>
        /// The required parts' common documents that are accepted (at most <paramref name="most"/>), each scored as Lucene
        /// scores it: the required scores added in the parts' <paramref name="order"/> (of cost), plus the matching boosters'
        /// scores added up in double precision (DisjunctionSumScorer), times the coordination factor of the clauses that
        /// matched (BooleanScorer2, or ConjunctionScorer when there are no boosters).
        /// </summary>
        private RememberedScoresQuery.Matches Scored(RememberedScoresQuery.Matches[] order, int most, List<Booster> optional, IBits? acceptDocs)
        {
            var docs = new int[most];
            var scores = new float[most];
            int count = 0;
            if (order.Length == 1)
            {
                // One required part: its own arrays, in order.
                var only = order[0];
                for (int i = 0; i < only.Docs.Length; i++)
                {
                    int doc = only.Docs[i];
                    if (acceptDocs is not null && !acceptDocs.Get(doc)) continue;
                    docs[count] = doc;
                    scores[count++] = only.Scores[i];
                }
            }
            else
            {
                var bits = order.Select(p => p.Bits).ToArray();
                var scoresOf = order.Select(p => p.Scores).ToArray();
                int length = bits.Min(b => b.Words.Length);
                for (int w = 0; w < length; w++)
                {
                    ulong all = InEvery(bits, w);
                    while (all != 0)
                    {
                        int doc = (w << 6) + BitOperations.TrailingZeroCount(all);
                        all &= all - 1;
                        if (acceptDocs is not null && !acceptDocs.Get(doc)) continue;
                        float sum = 0f;
                        for (int j = 0; j < bits.Length; j++) sum += scoresOf[j][bits[j].PlaceOf(doc)];
                        docs[count] = doc;
                        scores[count++] = sum;
                    }
                }
            }
            Boost(docs.AsSpan(0, count), scores.AsSpan(0, count), order.Length, optional);
            return Trimmed(docs, scores, count);
        }

        /// <summary>How many documents are in every part (accepted or not): the bits' intersection, counted a word at a time.</summary>
        private static int CommonCount(RememberedScoresQuery.Matches[] parts)
        {
            var bits = parts.Select(p => p.Bits).ToArray();
            int length = bits.Min(b => b.Words.Length), count = 0;
            for (int w = 0; w < length; w++) count += BitOperations.PopCount(InEvery(bits, w));
            return count;
        }

        /// <summary>The documents of 64-bit word <paramref name="w"/> that are in every part's bits.</summary>
        private static ulong InEvery(RememberedScoresQuery.BitsAndRanks[] bits, int w)
        {
            ulong all = bits[0].Words[w];
            for (int j = 1; j < bits.Length && all != 0; j++) all &= bits[j].Words[w];
            return all;
        }

        /// <summary>Adds the boosters that match to each required score, a booster at a time over all the matches, then the coordination factor.</summary>
        private void Boost(ReadOnlySpan<int> docs, Span<float> scores, int requiredCount, List<Booster> boosters)
        {
            var coords = _coords ??= Enumerable.Range(0, MaxCoord + 1).Select(CoordOf).ToArray();
            if (boosters.Count == 0)
            {
                float coord = coords[requiredCount];
                if (coord != 1f) foreach (ref float score in scores) score *= coord;
                return;
            }
            var optional = new double[docs.Length];
            var matched = new int[docs.Length];
            foreach (var booster in boosters) booster.AddTo(docs, optional, matched);
            for (int i = 0; i < scores.Length; i++)
            {
                float score = matched[i] == 0 ? scores[i] : scores[i] + (float)optional[i];
                scores[i] = score * coords[requiredCount + matched[i]];
            }
        }
        private float[]? _coords;
    }

    /// <summary>An optional clause, looked up at the required matches in document order.</summary>
    internal abstract class Booster
    {
        /// <summary>At each of <paramref name="docs"/> (in order) where it matches: its score added to <paramref name="sums"/>, and one to <paramref name="matched"/>.</summary>
        public abstract void AddTo(ReadOnlySpan<int> docs, double[] sums, int[] matched);

        public static Booster? Of(Weight weight, AtomicReaderContext context, IBits? acceptDocs) => weight switch
        {
            RememberedScoresQuery.RememberedWeight r when r.MatchesIn(context) is { } m => m.Count == 0 ? null : new Remembered(m),
            ArraysWeight a when a.Disjunction(context, acceptDocs) is { } parts => parts.Length == 0 ? null : new Disjunction(parts, a),
            _ => weight.GetScorer(context, acceptDocs) is { } scorer ? new Advanced(scorer) : null,
        };

        /// <summary>A remembered word or group: looked up in its bits.</summary>
        private sealed class Remembered(RememberedScoresQuery.Matches matches) : Booster
        {
            private readonly RememberedScoresQuery.BitsAndRanks _bits = matches.Bits;

            public override void AddTo(ReadOnlySpan<int> docs, double[] sums, int[] matched)
            {
                var scores = matches.Scores;
                for (int i = 0; i < docs.Length; i++)
                {
                    int doc = docs[i];
                    if (_bits.Has(doc))
                    {
                        sums[i] += scores[_bits.PlaceOf(doc)];
                        matched[i]++;
                    }
                }
            }
        }

        /// <summary>Clauses any of which may match (the words in a heading), scored as DisjunctionSumScorer scores them.</summary>
        private sealed class Disjunction(Booster[] parts, ArraysWeight weight) : Booster
        {
            public override void AddTo(ReadOnlySpan<int> docs, double[] sums, int[] matched)
            {
                var own = new double[docs.Length];
                var ownMatched = new int[docs.Length];
                foreach (var part in parts) part.AddTo(docs, own, ownMatched);
                for (int i = 0; i < docs.Length; i++)
                    if (ownMatched[i] > 0)
                    {
                        sums[i] += weight.DisjunctionScore(own[i], ownMatched[i]);
                        matched[i]++;
                    }
            }
        }

        /// <summary>Any other clause (a phrase): its scorer advanced to each required match, as ReqOptSumScorer does.</summary>
        private sealed class Advanced(Scorer scorer) : Booster
        {
            public override void AddTo(ReadOnlySpan<int> docs, double[] sums, int[] matched)
            {
                for (int i = 0; i < docs.Length; i++)
                {
                    int doc = docs[i], at = scorer.DocID;
                    if (at < doc) at = scorer.Advance(doc);
                    if (at == DocIdSetIterator.NO_MORE_DOCS) return;
                    if (at != doc) continue;
                    sums[i] += scorer.GetScore();
                    matched[i]++;
                }
            }
        }
    }

    private static RememberedScoresQuery.Matches Trimmed(int[] docs, float[] scores, int count)
    {
        if (count == 0) return RememberedScoresQuery.Matches.None;
        Array.Resize(ref docs, count);
        Array.Resize(ref scores, count);
        return new RememberedScoresQuery.Matches(docs, scores);
    }
}
