using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace SearchService.Search.Searching;

/// <summary>
/// A phrase query whose exact form (slop 0) matches and scores as Lucene's <see cref="PhraseQuery"/>
/// does, with a scorer that reads each matching paragraph's positions into arrays it keeps.
/// </summary>
/// <remarks>
/// Why our own: Lucene.Net's exact-phrase scorer is internal and allocates two 16 KB arrays each
/// time it is created, for every phrase, segment and search: 26–42% of the bytes a phrase-heavy
/// search or a question allocated (the "looked after children" synonyms are a dozen phrases). A
/// sloppy phrase (slop above 0) is left to Lucene. Terms' places in the index come from
/// <see cref="ReaderStatistics.ContextOf"/> when the query is built for a known reader, as term queries' do.
/// </remarks>
public sealed class ExactPhraseQuery : PhraseQuery
{
    private readonly Func<Term, TermContext>? _contextOf;

    public ExactPhraseQuery() { }

    /// <param name="contextOf">The terms' places in the served reader, when known; looked up per search otherwise.</param>
    public ExactPhraseQuery(Func<Term, TermContext>? contextOf) => _contextOf = contextOf;

    public override Weight CreateWeight(IndexSearcher searcher) =>
        Slop == 0 && GetTerms().Length > 1 ? new ExactPhraseWeight(this, searcher, _contextOf) : base.CreateWeight(searcher);

    private sealed class ExactPhraseWeight : Weight
    {
        private readonly ExactPhraseQuery _query;
        private readonly Similarity _similarity;
        private readonly Similarity.SimWeight _stats;
        private readonly Term[] _terms;
        private readonly int[] _positions;
        private readonly TermContext[] _states;

        public ExactPhraseWeight(ExactPhraseQuery query, IndexSearcher searcher, Func<Term, TermContext>? contextOf)
        {
            _query = query;
            _similarity = searcher.Similarity;
            _terms = query.GetTerms();
            _positions = query.GetPositions();
            var top = searcher.TopReaderContext;
            _states = new TermContext[_terms.Length];
            var termStats = new TermStatistics[_terms.Length];
            for (int i = 0; i < _terms.Length; i++)
            {
                // A remembered place belongs to one reader: any other is looked up (as Lucene's phrase weight does).
                var known = contextOf?.Invoke(_terms[i]);
                _states[i] = known is not null && ReferenceEquals(known.TopReaderContext, top) ? known : TermContext.Build(top, _terms[i]);
                termStats[i] = searcher.TermStatistics(_terms[i], _states[i]);
            }
            _stats = _similarity.ComputeWeight(query.Boost, searcher.CollectionStatistics(_terms[0].Field), termStats);
        }

        public override Query Query => _query;

        public override float GetValueForNormalization() => _stats.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost) => _stats.Normalize(norm, topLevelBoost);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            var fieldTerms = context.AtomicReader.GetTerms(_terms[0].Field);
            if (fieldTerms is null) return null;
            var termsEnum = fieldTerms.GetEnumerator();
            var postings = new Postings[_terms.Length];
            for (int i = 0; i < _terms.Length; i++)
            {
                var state = _states[i].Get(context.Ord);
                if (state is null) return null; // the term is not in this segment
                termsEnum.SeekExact(_terms[i].Bytes, state);
                var positions = termsEnum.DocsAndPositions(acceptDocs, null, DocsAndPositionsFlags.NONE)
                    ?? throw new InvalidOperationException($"The field {_terms[i].Field} was indexed without positions; a phrase cannot be searched.");
                postings[i] = new Postings(positions, termsEnum.DocFreq, _positions[i]);
            }
            // The rarest term leads (Lucene orders a phrase's postings by document frequency too).
            Array.Sort(postings, (a, b) => a.DocFreq.CompareTo(b.DocFreq));
            return new ExactPhraseScorer(this, postings, _similarity.GetSimScorer(_stats, context));
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            if (GetScorer(context, context.AtomicReader.LiveDocs) is { } scorer && scorer.Advance(doc) == doc)
            {
                float freq = scorer.Freq;
                var explanation = _similarity.GetSimScorer(_stats, context).Explain(doc, new Explanation(freq, "phraseFreq=" + freq));
                var result = new ComplexExplanation { Description = $"weight({Query} in {doc}) [{_similarity.GetType().Name}], result of:", Value = explanation.Value, Match = true };
                result.AddDetail(explanation);
                return result;
            }
            return new ComplexExplanation(false, 0f, "no matching term");
        }
    }

    /// <summary>A term's postings with its place in the phrase; <see cref="Starts"/> holds, per paragraph, where the phrase would start.</summary>
    private sealed class Postings(DocsAndPositionsEnum positions, int docFreq, int offset)
    {
        public DocsAndPositionsEnum Enum { get; } = positions;
        public int DocFreq { get; } = docFreq;
        public int Offset { get; } = offset;
        public int[] Starts = new int[8];
        public int Count;
        public int At;

        public void ReadStarts()
        {
            int freq = Enum.Freq;
            if (Starts.Length < freq) Starts = new int[ArrayUtil.Oversize(freq, sizeof(int))];
            for (int k = 0; k < freq; k++) Starts[k] = Enum.NextPosition() - Offset;
            Count = freq;
            At = 0;
        }
    }

    /// <summary>Leapfrogs the terms' postings to paragraphs holding them all, then counts the starts every term agrees on.</summary>
    private sealed class ExactPhraseScorer(Weight weight, Postings[] postings, Similarity.SimScorer docScorer) : Scorer(weight)
    {
        private readonly Postings _lead = postings[0];
        private int _doc = -1;
        private int _freq;

        public override int DocID => _doc;

        public override int Freq => _freq;

        public override float GetScore() => docScorer.Score(_doc, _freq);

        public override long GetCost() => _lead.Enum.GetCost();

        public override int NextDoc() => Settle(_lead.Enum.NextDoc());

        public override int Advance(int target) => Settle(_lead.Enum.Advance(target));

        /// <summary>From the lead's next paragraph, the first that all the terms hold, as a phrase.</summary>
        private int Settle(int doc)
        {
            while (doc != NO_MORE_DOCS)
            {
                int agreed = doc;
                for (int i = 1; i < postings.Length; i++)
                {
                    var other = postings[i].Enum;
                    int at = other.DocID < doc ? other.Advance(doc) : other.DocID;
                    if (at > doc) { agreed = at; break; }
                }
                if (agreed == NO_MORE_DOCS) break;
                if (agreed > doc)
                {
                    doc = _lead.Enum.Advance(agreed);
                    continue;
                }
                if ((_freq = PhraseFreq()) > 0) return _doc = doc;
                doc = _lead.Enum.NextDoc();
            }
            _freq = 0;
            return _doc = NO_MORE_DOCS;
        }

        /// <summary>How many starts every term's positions agree on (the phrase's frequency in the paragraph).</summary>
        private int PhraseFreq()
        {
            foreach (var p in postings) p.ReadStarts();
            int freq = 0;
            for (int k = 0; k < _lead.Count; k++)
            {
                int start = _lead.Starts[k];
                bool all = true;
                for (int i = 1; i < postings.Length; i++)
                {
                    var p = postings[i];
                    while (p.At < p.Count && p.Starts[p.At] < start) p.At++;
                    if (p.At == p.Count) return freq;
                    if (p.Starts[p.At] != start) { all = false; break; }
                }
                if (all) freq++;
            }
            return freq;
        }
    }
}
