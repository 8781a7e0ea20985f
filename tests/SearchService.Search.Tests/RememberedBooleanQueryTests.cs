using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchService.Search.Analysis;
using SearchService.Search.Indexing;
using SearchService.Search.Searching;

namespace SearchService.Search.Tests;

/// <summary>
/// A Boolean query read from its remembered parts' arrays (<see cref="RememberedBooleanQuery"/>) matches and
/// scores every paragraph exactly as Lucene's own scorers do the same query with nothing remembered, in the
/// shapes the query builder makes: a conjunction, one with boosters, a relaxed one (coordination), a synonym
/// group with a word, under accepted documents, scorer by scorer and handed to a collector in bulk; and falls
/// back to Lucene where it cannot read arrays.
/// </summary>
[Collection(CorpusCollection.Name)]
public class RememberedBooleanQueryTests(CorpusIndexFixture corpus)
{
    public static TheoryData<string, bool> Shapes => new()
    {
        // Shape, and whether it is read from arrays.
        { "all words", true },
        { "all words, no coordination", true },
        { "all words with boosters", true },
        { "one word with boosters", true },
        { "a broad word with boosters: more matches than are scored at once", false },
        { "boosters with a heading word not remembered", true },
        { "relaxed: a word optional, with coordination", true },
        { "a synonym group and a word", true },
        { "a word excluded", false },
        { "a word not remembered", false },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_paragraph_matches_and_scores_as_Lucene_scores_the_same_query(string shape, bool fromArrays)
    {
        using var served = new ServedReader(corpus.Folder);
        var memory = new RememberedScores(served.Reader);
        var plain = served.Searcher.CreateNormalizedWeight(Shape(shape, null));
        var ours = served.Searcher.CreateNormalizedWeight(Shape(shape, memory));
        Assert.IsType<RememberedBooleanQuery>(ours.Query);

        int compared = 0;
        foreach (var leaf in served.Reader.Leaves)
        {
            foreach (IBits? accepted in new IBits?[] { null, new EvenDocs(leaf.AtomicReader.MaxDoc) })
            {
                var expected = Scored(plain.GetScorer(leaf, accepted));
                var scorer = ours.GetScorer(leaf, accepted);
                if (scorer is not null) Assert.Equal(fromArrays, scorer is RememberedScoresQuery.ArrayScorer);
                var actual = Scored(scorer);
                Assert.Equal(expected.Select(e => e.Doc), actual.Select(a => a.Doc));
                // Exactly: the same additions in the same order and precision as Lucene's scorers.
                Assert.Equal(expected.Select(e => e.Score), actual.Select(a => a.Score));
                compared += expected.Count;

                // Handed to a collector in bulk (how a search collects), in two windows: the same matches and scores.
                var bulk = ours.GetBulkScorer(leaf, true, accepted);
                if (bulk is null)
                {
                    Assert.Empty(expected);
                    continue;
                }
                var collected = new ScoresCollector();
                int half = leaf.AtomicReader.MaxDoc / 2;
                bool more = bulk.Score(collected, half);
                Assert.All(collected.Scored, c => Assert.True(c.Doc < half));
                // (Not NO_MORE_DOCS: Lucene's own DefaultBulkScorer then restarts with NextDoc and skips the match it stopped at.)
                if (more) bulk.Score(collected, DocIdSetIterator.NO_MORE_DOCS - 1);
                Assert.Equal(expected, collected.Scored);
            }
        }
        Assert.True(compared > 20, $"'{shape}' should match in the corpus");
        if (shape.StartsWith("a broad word", StringComparison.Ordinal))
            Assert.Contains(served.Reader.Leaves, leaf => plain.GetScorer(leaf, null) is { } s && s.GetCost() > RememberedBooleanQuery.MaxScoredAtOnce);

        // A whole search (the top-level collector, the filter's strategy) agrees too.
        var top = served.Searcher.Search(Shape(shape, null), 50);
        var topOurs = served.Searcher.Search(Shape(shape, memory), 50);
        Assert.Equal(top.TotalHits, topOurs.TotalHits);
        Assert.Equal(top.ScoreDocs.Select(d => (d.Doc, d.Score)), topOurs.ScoreDocs.Select(d => (d.Doc, d.Score)));
    }

    /// <summary>The shape with plain Lucene queries (memory null) or with remembered words and groups inside a <see cref="RememberedBooleanQuery"/>.</summary>
    private static BooleanQuery Shape(string shape, RememberedScores? memory)
    {
        Query Word(string field, string word, float boost = 1f)
        {
            var q = new TermQuery(new Term(field, word)) { Boost = boost };
            return memory is null ? q : new RememberedScoresQuery(q, memory);
        }
        BooleanQuery Boolean(bool disableCoord) => memory is null ? new BooleanQuery(disableCoord) : new RememberedBooleanQuery(disableCoord);
        BooleanQuery AllOf(bool disableCoord, params string[] words)
        {
            var all = Boolean(disableCoord);
            foreach (var w in words) all.Add(Word(IndexSchema.Text, w), Occur.MUST);
            return all;
        }
        BooleanQuery WithBoosters(Query core, params string[] words) => WithBoostersExcept(core, null, words);
        BooleanQuery WithBoostersExcept(Query core, string? plainHeading, params string[] words)
        {
            var top = Boolean(disableCoord: true);
            top.Add(core, Occur.MUST);
            using var analyzer = new ReportAnalyzer();
            var adjacent = new ExactPhraseQuery { Boost = 1.5f };
            foreach (var (term, position) in analyzer.PhraseTerms(string.Join(" ", words))) adjacent.Add(new Term(IndexSchema.Text, term), position);
            top.Add(adjacent, Occur.SHOULD);
            var heading = Boolean(disableCoord: true);
            heading.Boost = 0.5f;
            foreach (var w in words)
                heading.Add(w == plainHeading ? new TermQuery(new Term(IndexSchema.Heading, w)) : Word(IndexSchema.Heading, w), Occur.SHOULD);
            top.Add(heading, Occur.SHOULD);
            return top;
        }

        switch (shape)
        {
            case "all words": return AllOf(false, "children", "social", "work");
            case "all words, no coordination": return AllOf(true, "children", "social", "work");
            case "all words with boosters": return WithBoosters(AllOf(false, "children", "social", "work"), "children", "social", "work");
            case "one word with boosters": return WithBoosters(Word(IndexSchema.Text, "adoption"), "adoption", "support");
            case "a broad word with boosters: more matches than are scored at once":
                return WithBoosters(Word(IndexSchema.Text, "care"), "care", "leavers");
            case "boosters with a heading word not remembered":
                return WithBoostersExcept(AllOf(false, "children", "social", "work"), "social", "children", "social", "work");
            case "relaxed: a word optional, with coordination":
                {
                    var relaxed = AllOf(false, "children", "social");
                    relaxed.Add(Word(IndexSchema.Text, "work"), Occur.SHOULD);
                    return WithBoosters(relaxed, "children", "social", "work");
                }
            case "a synonym group and a word":
                {
                    var bq = Boolean(disableCoord: false);
                    var group = new BooleanQuery(disableCoord: true)
                    {
                        { new TermQuery(new Term(IndexSchema.Text, "fostering")), Occur.SHOULD },
                        { new TermQuery(new Term(IndexSchema.Text, "adoption")) { Boost = 0.8f }, Occur.SHOULD },
                    };
                    bq.Add(memory is null ? group : new RememberedScoresQuery(group, memory), Occur.MUST);
                    bq.Add(Word(IndexSchema.Text, "health"), Occur.MUST);
                    return bq;
                }
            case "a word excluded":
                {
                    var bq = AllOf(false, "children", "social");
                    bq.Add(Word(IndexSchema.Text, "work"), Occur.MUST_NOT);
                    return bq;
                }
            case "a word not remembered":
                {
                    var bq = AllOf(false, "children", "social");
                    bq.Add(new TermQuery(new Term(IndexSchema.Text, "work")), Occur.MUST);
                    return bq;
                }
            default: throw new ArgumentException(shape);
        }
    }

    private static List<(int Doc, float Score)> Scored(Scorer? scorer)
    {
        var scored = new List<(int, float)>();
        if (scorer is null) return scored;
        for (int d = scorer.NextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = scorer.NextDoc()) scored.Add((d, scorer.GetScore()));
        return scored;
    }
}
