using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchService.Search.Searching;

/// <summary>
/// A concept's words typed ("care leavers"): every paragraph with the words matches, scored as
/// the words score where they stand together (<c>together</c>: their common gram, or the words
/// within a few positions) and times <c>apartWeight</c> where they do not. It is what
/// <c>filtered(words, together) OR (words -together)^apartWeight</c> gives, in one pass: that
/// form read the words' postings twice and ran <c>together</c> twice, once to keep and once to
/// exclude, for every paragraph holding the words — a third of the time of a broad two-word query.
/// </summary>
public sealed class WordsTogetherQuery(Query words, Query together, float apartWeight) : Query
{
    public Query Words { get; } = words;
    public Query Together { get; } = together;
    public float ApartWeight { get; } = apartWeight;

    public override Query Rewrite(IndexReader reader)
    {
        var words = Words.Rewrite(reader);
        var together = Together.Rewrite(reader);
        return ReferenceEquals(words, Words) && ReferenceEquals(together, Together)
            ? this
            : new WordsTogetherQuery(words, together, ApartWeight) { Boost = Boost };
    }

    public override void ExtractTerms(ISet<Term> terms)
    {
        Words.ExtractTerms(terms);
        Together.ExtractTerms(terms);
    }

    public override Weight CreateWeight(IndexSearcher searcher) => new TogetherWeight(this, searcher);

    public override string ToString(string field) =>
        $"together({Words.ToString(field)}; {Together.ToString(field)}; apart ×{ApartWeight}){ToStringUtils.Boost(Boost)}";

    public override bool Equals(object? obj) =>
        obj is WordsTogetherQuery other && Boost == other.Boost && ApartWeight == other.ApartWeight && Words.Equals(other.Words) && Together.Equals(other.Together);

    public override int GetHashCode() => HashCode.Combine(Words, Together, ApartWeight, Boost);

    private sealed class TogetherWeight : Weight
    {
        private readonly WordsTogetherQuery _query;
        private readonly Weight _words;
        // Only matches are read from it: normalised on its own, as a filter's query is.
        private readonly Weight _together;

        public TogetherWeight(WordsTogetherQuery query, IndexSearcher searcher)
        {
            _query = query;
            _words = query.Words.CreateWeight(searcher);
            _together = searcher.CreateNormalizedWeight(query.Together);
        }

        public override Query Query => _query;

        public override float GetValueForNormalization()
        {
            float sum = _words.GetValueForNormalization();
            return sum * _query.Boost * _query.Boost;
        }

        public override void Normalize(float norm, float topLevelBoost) => _words.Normalize(norm, topLevelBoost * _query.Boost);

        public override bool ScoresDocsOutOfOrder => false;

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            var words = _words.GetScorer(context, acceptDocs);
            if (words is null) return null;
            return new TogetherScorer(this, words, _together.GetScorer(context, acceptDocs), _query.ApartWeight);
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var words = _words.Explain(context, doc);
            if (!words.IsMatch) return new ComplexExplanation(false, 0f, "no match on the words");
            var scorer = _together.GetScorer(context, context.AtomicReader.LiveDocs);
            bool together = scorer is not null && scorer.Advance(doc) == doc;
            float factor = together ? 1f : _query.ApartWeight;
            var result = new ComplexExplanation(true, words.Value * factor, together ? "the words together" : $"the words apart, ×{_query.ApartWeight}");
            result.AddDetail(words);
            return result;
        }
    }

    private sealed class TogetherScorer(Weight weight, Scorer words, Scorer? together, float apartWeight) : Scorer(weight)
    {
        public override int DocID => words.DocID;
        public override int Freq => words.Freq;
        public override int NextDoc() => words.NextDoc();
        public override int Advance(int target) => words.Advance(target);
        public override long GetCost() => words.GetCost();

        public override float GetScore()
        {
            float score = words.GetScore();
            if (together is null) return score * apartWeight;
            int doc = words.DocID;
            int at = together.DocID;
            if (at < doc) at = together.Advance(doc);
            return at == doc ? score : score * apartWeight;
        }

        public override ICollection<ChildScorer> GetChildren() => [new ChildScorer(words, "MUST")];
    }
}
