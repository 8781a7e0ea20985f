using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchService.Search.Analysis;
using SearchService.Search.Indexing;
using SearchService.Search.Searching;

namespace SearchService.Search.Tests;

/// <summary>
/// A synonym group's matches and scores remembered per served reader (<see cref="RememberedScoresQuery"/>):
/// the same paragraphs, counts and scores as the group run afresh, through the whole search and at
/// Lucene's level (accepted documents, leaps inside a conjunction, another reader, the bound).
/// </summary>
[Collection(CorpusCollection.Name)]
public class RememberedScoresTests(CorpusIndexFixture corpus)
{
    public static TheoryData<string, string?, int?> Searches => new()
    {
        { "\"looked after children\"", null, null },
        { "LAC health", null, null },
        { "care leavers", null, null },
        { "\"children in care\"", null, null },
        { "CAMHS", null, null },
        { "looked after children -health", null, null },
        { "LAC", "Coventry", null },
        { "\"care leavers\"", null, 2019 },
        { "placement stability", null, null },
        // Frequent words: remembered alone, and leapt through inside a conjunction.
        { "care", null, null },
        { "children social work", null, null },
        { "children", "Coventry", null },
        // Boolean queries read from the remembered arrays (RememberedBooleanQuery), under a filter and relaxed.
        { "children social work", "Coventry", null },
        { "care leavers health", null, 2019 },
        { "children social work xylophone", null, null },
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public void A_remembered_group_finds_counts_and_scores_as_the_group_run_afresh(string q, string? authority, int? year)
    {
        var request = new SearchRequest
        {
            Query = q,
            PageSize = 100,
            Filters = new SearchFilters { Authority = authority is null ? [] : [authority], Year = year is null ? [] : [year.Value] },
        };
        using var afresh = ReportIndex.Open(corpus.Folder, corpus.Index.Synonyms);
        afresh.RememberGroups = false;
        Assert.DoesNotContain(Parts(afresh.PlanOnly(request)), p => p is RememberedScoresQuery);
        // The shared index remembers: the query holds a remembered group, and the first search works it out.
        Assert.Contains(Parts(corpus.Index.PlanOnly(request)), p => p is RememberedScoresQuery);

        var expected = afresh.Search(request);
        Assert.True(expected.Total > 0, $"'{q}' should match in the corpus");
        Assert.Equal(0, afresh.SidewaysRemembered);
        int sidewaysRemembered = corpus.Index.SidewaysRemembered;
        for (int round = 0; round < 2; round++)
        {
            var actual = corpus.Index.Search(request);
            Assert.Equal(expected.Total, actual.Total);
            Assert.Equal(expected.Documents, actual.Documents);
            Assert.Equal(expected.Facets.Keys, actual.Facets.Keys);
            foreach (var (dim, values) in expected.Facets) Assert.Equal(values, actual.Facets[dim]);
            // The same paragraphs in the same order with the same scores (to float rounding: a disjunction may add its parts in another order).
            Assert.Equal(expected.Hits.Select(h => h.Paragraph.Id), actual.Hits.Select(h => h.Paragraph.Id));
            foreach (var (e, a) in expected.Hits.Zip(actual.Hits)) Assert.Equal(e.Score, a.Score, e.Score * 1e-5f);
        }
        // A group or frequent word alone under an authority filter: that facet's counts came from the remembered matches.
        if (authority is not null && !q.Contains(' ', StringComparison.Ordinal)) Assert.True(corpus.Index.SidewaysRemembered > sidewaysRemembered);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Sideways_counts_from_a_remembered_word_stay_within_the_scope(bool latest)
    {
        // A peer group or the latest reports narrow what the facets count: the remembered word's counts by authority must too.
        var request = new SearchRequest
        {
            Query = "children",
            Filters = new SearchFilters { Authority = ["Coventry"], NeighboursOf = latest ? [] : ["Coventry"], Latest = latest },
        };
        using var afresh = ReportIndex.Open(corpus.Folder, corpus.Index.Synonyms);
        afresh.RememberGroups = false;
        var expected = afresh.Search(request);
        int before = corpus.Index.SidewaysRemembered;
        var actual = corpus.Index.Search(request);
        Assert.True(corpus.Index.SidewaysRemembered > before);
        var everywhere = afresh.Search(request with { Filters = new SearchFilters { Authority = ["Coventry"] } });
        Assert.True(expected.Facets[IndexSchema.Authority].Sum(v => v.Count) < everywhere.Facets[IndexSchema.Authority].Sum(v => v.Count), "the scope should narrow the counts");
        Assert.Equal(expected.Total, actual.Total);
        foreach (var (dim, values) in expected.Facets) Assert.Equal(values, actual.Facets[dim]);
    }

    [Fact]
    public void The_remembered_scorer_honours_accepted_documents_leaps_as_the_group_and_is_worked_out_once()
    {
        using var served = new ServedReader(corpus.Folder);
        var searcher = served.Searcher;
        var memory = new RememberedScores(served.Reader);
        var group = Group();
        var remembered = new RememberedScoresQuery(group, memory);

        // Alone, under a filter, and leapt to inside a conjunction (Advance), with a boost from above.
        var filter = new QueryWrapperFilter(new TermQuery(new Term(IndexSchema.Text, "plan")));
        AssertSame(searcher.Search(group, 100_000), searcher.Search(remembered, 100_000));
        AssertSame(searcher.Search(group, filter, 100_000), searcher.Search(remembered, filter, 100_000));
        AssertSame(searcher.Search(WithHealth(group), 100_000), searcher.Search(WithHealth(remembered), 100_000));
        // Scores are remembered per boost from above: the same group under a boosted query is another entry, not the first one's scores.
        AssertSame(searcher.Search(Boosted(group), 100_000), searcher.Search(Boosted(remembered), 100_000));
        int computed = memory.Computed;
        Assert.InRange(computed, 2, served.Reader.Leaves.Count * 2); // once per segment and boost (1 alone and in the conjunction, 2.5 boosted)
        Assert.True(memory.Held > 0);
        AssertSame(searcher.Search(group, filter, 100_000), searcher.Search(remembered, filter, 100_000));
        AssertSame(searcher.Search(WithHealth(group), 100_000), searcher.Search(WithHealth(remembered), 100_000));
        AssertSame(searcher.Search(Boosted(group), 100_000), searcher.Search(Boosted(remembered), 100_000));
        Assert.Equal(computed, memory.Computed);

        // Accepted documents (a deletion or a filter's bits) are applied as the arrays are read.
        var plain = searcher.CreateNormalizedWeight(group);
        var ours = searcher.CreateNormalizedWeight(remembered);
        foreach (var leaf in served.Reader.Leaves)
        {
            var even = new EvenDocs(leaf.AtomicReader.MaxDoc);
            Assert.Equal(Docs(plain.GetScorer(leaf, even)), Docs(ours.GetScorer(leaf, even)));
            Assert.Equal(Docs(plain.GetScorer(leaf, null)), Docs(ours.GetScorer(leaf, null)));
            // Handed to a collector in bulk, as a search collects.
            Assert.Equal(Collected(plain.GetBulkScorer(leaf, true, even)), Collected(ours.GetBulkScorer(leaf, true, even)));
        }
        Assert.Contains(served.Reader.Leaves, leaf => Docs(ours.GetScorer(leaf, new EvenDocs(leaf.AtomicReader.MaxDoc))).Count > 0);
    }

    [Fact]
    public void Leaping_through_remembered_matches_lands_where_the_words_own_postings_land()
    {
        using var served = new ServedReader(corpus.Folder);
        var memory = new RememberedScores(served.Reader);
        var word = new TermQuery(new Term(IndexSchema.Text, "children"));
        var plain = served.Searcher.CreateNormalizedWeight(word);
        var ours = served.Searcher.CreateNormalizedWeight(new RememberedScoresQuery(word, memory));
        var random = new Random(15);
        int landed = 0;
        foreach (var leaf in served.Reader.Leaves)
        {
            int maxDoc = leaf.AtomicReader.MaxDoc;
            // Short leaps (within the next few matches), long ones (a gallop), past the end, and next after a leap.
            foreach (int longest in new[] { 3, 40, 5_000, maxDoc })
            {
                var expected = plain.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
                var actual = ours.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
                if (expected is null) { Assert.Null(actual); continue; }
                Assert.NotNull(actual);
                for (int target = 0; ; target = Math.Max(target + 1, expected.DocID + random.Next(1, longest + 1)))
                {
                    int doc = expected.Advance(target);
                    Assert.Equal(doc, actual.Advance(target));
                    if (doc == DocIdSetIterator.NO_MORE_DOCS) break;
                    Assert.Equal(expected.GetScore(), actual.GetScore());
                    Assert.Equal(expected.NextDoc(), actual.NextDoc());
                    if (expected.DocID == DocIdSetIterator.NO_MORE_DOCS) break;
                    landed++;
                }
            }
        }
        Assert.True(landed > 100);
    }

    [Fact]
    public void Another_reader_runs_the_group_afresh_and_the_memory_stays_bounded()
    {
        using var served = new ServedReader(corpus.Folder);
        using var other = new ServedReader(corpus.Folder);
        var group = Group();
        var expected = served.Searcher.Search(group, 100_000);

        var othersMemory = new RememberedScores(other.Reader);
        AssertSame(expected, served.Searcher.Search(new RememberedScoresQuery(group, othersMemory), 100_000));
        Assert.Equal(0, othersMemory.Computed);

        // Smaller than one group's matches: it starts again each time, and the answer stays right.
        var small = new RememberedScores(served.Reader, maxMatches: 10);
        for (int round = 1; round <= 2; round++)
        {
            AssertSame(expected, served.Searcher.Search(new RememberedScoresQuery(group, small), 100_000));
            Assert.Equal(round * ExpectedComputations(served, group), small.Computed);
        }

        // Cleared (a reader's first search, as the benchmark's profile times it): nothing held, and worked out again.
        var memory = new RememberedScores(served.Reader);
        AssertSame(expected, served.Searcher.Search(new RememberedScoresQuery(group, memory), 100_000));
        int once = memory.Computed;
        memory.Clear();
        Assert.Equal(0, memory.Held);
        AssertSame(expected, served.Searcher.Search(new RememberedScoresQuery(group, memory), 100_000));
        Assert.Equal(2 * once, memory.Computed);
    }

    /// <summary>Segments where the group matches (each is worked out, and each alone is over a bound of ten).</summary>
    private static int ExpectedComputations(ServedReader served, Query group)
    {
        var weight = served.Searcher.CreateNormalizedWeight(group);
        return served.Reader.Leaves.Count(leaf => weight.GetScorer(leaf, null) is not null);
    }

    /// <summary>"looked after children" and two of its synonyms as the builder has them: phrases of common grams, lighter alternatives.</summary>
    private static BooleanQuery Group()
    {
        using var analyzer = new ReportAnalyzer();
        var group = new BooleanQuery(disableCoord: true);
        foreach (var (text, boost) in new[] { ("looked after children", 1f), ("children in care", 0.01f), ("children looked after", 0.01f) })
        {
            var phrase = new ExactPhraseQuery { Boost = boost };
            foreach (var (term, position) in analyzer.PhraseTerms(text)) phrase.Add(new Term(IndexSchema.Text, term), position);
            group.Add(phrase, Occur.SHOULD);
        }
        group.Add(new TermQuery(new Term(IndexSchema.Text, "lac")) { Boost = 0.01f }, Occur.SHOULD);
        return group;
    }

    private static BooleanQuery WithHealth(Query group) => new(disableCoord: false)
    {
        { group, Occur.MUST },
        { new TermQuery(new Term(IndexSchema.Text, "health")), Occur.MUST },
    };

    private static BooleanQuery Boosted(Query group)
    {
        var boosted = new BooleanQuery(disableCoord: true) { { group, Occur.SHOULD } };
        boosted.Boost = 2.5f;
        return boosted;
    }

    private static List<int> Docs(Scorer? scorer)
    {
        var docs = new List<int>();
        if (scorer is null) return docs;
        for (int d = scorer.NextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = scorer.NextDoc()) docs.Add(d);
        return docs;
    }

    private static List<(int Doc, float Score)> Collected(BulkScorer? bulk)
    {
        var collector = new ScoresCollector();
        bulk?.Score(collector);
        return collector.Scored;
    }

    private static void AssertSame(TopDocs expected, TopDocs actual)
    {
        Assert.True(expected.TotalHits > 0);
        Assert.Equal(expected.TotalHits, actual.TotalHits);
        var scores = actual.ScoreDocs.ToDictionary(d => d.Doc, d => d.Score);
        foreach (var d in expected.ScoreDocs) Assert.Equal(d.Score, scores[d.Doc], d.Score * 1e-5f);
    }

    /// <summary>Every query inside a query (Boolean clauses, filtered and remembered queries' inner ones).</summary>
    private static IEnumerable<Query> Parts(Query query)
    {
        yield return query;
        var inner = query switch
        {
            BooleanQuery b => b.Clauses.Select(c => c.Query),
            FilteredQuery f => [f.Query],
            RememberedScoresQuery r => [r.Inner],
            WordsTogetherQuery w => [w.Words, w.Together],
            _ => [],
        };
        foreach (var q in inner)
            foreach (var p in Parts(q)) yield return p;
    }
}
