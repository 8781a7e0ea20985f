using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Search.Analysis;
using SearchService.Search.Indexing;
using SearchService.Search.Searching;

namespace SearchService.Search.Tests;

/// <summary>
/// The machinery behind fast search: multi-select facets counted in one pass, cached filters,
/// the record cache and the all-words factor. Each is checked against the plain way of getting
/// the same answer.
/// </summary>
[Collection(CorpusCollection.Name)]
public class SearchMachineryTests(CorpusIndexFixture corpus)
{
    private SearchResult Search(string q, SearchFilters filters) =>
        corpus.Index.Search(new SearchRequest { Query = q, Filters = filters, PageSize = 10 });

    public static TheoryData<string, string[], string[], string[], string[]> FilterCombinations => new()
    {
        // query, authority, year, outcome area, grade
        { "children", ["Coventry"], ["2011"], [], [] },
        { "placement", ["Coventry", "Stoke-on-Trent"], [], ["Staying safe"], [] },
        { "care leavers", [], ["2019", "2023", "2026"], [], [] },
        { "health", ["Coventry"], ["2007", "2011"], ["Being healthy", "Staying safe"], ["good", "adequate"] },
        { "", ["Wiltshire"], ["2019"], [], [] },
    };

    [Theory]
    [MemberData(nameof(FilterCombinations))]
    public void A_filtered_dimension_counts_as_if_only_its_own_filter_were_removed(string q, string[] authority, string[] year, string[] outcomeArea, string[] grade)
    {
        var filters = new SearchFilters { Authority = authority, Year = year.Select(int.Parse).ToList(), OutcomeArea = outcomeArea, Grade = grade };
        var result = Search(q, filters);
        Assert.Equal(result.Total, result.Facets["documentType"].Sum(v => v.Count));

        // Each filtered dimension, against a search without that one filter (where it is counted the plain way).
        if (authority.Length > 0) Assert.Equal(Search(q, filters with { Authority = [] }).Facets["authority"], result.Facets["authority"]);
        if (year.Length > 0) Assert.Equal(Search(q, filters with { Year = [] }).Facets["year"], result.Facets["year"]);
        if (outcomeArea.Length > 0) Assert.Equal(Search(q, filters with { OutcomeArea = [] }).Facets["outcomeArea"], result.Facets["outcomeArea"]);
        if (grade.Length > 0) Assert.Equal(Search(q, filters with { Grade = [] }).Facets["grade"], result.Facets["grade"]);

        // The hits honour every filter.
        Assert.All(result.Hits, h =>
        {
            if (authority.Length > 0) Assert.Contains(h.Paragraph.Document.Authority, authority);
            if (year.Length > 0) Assert.Contains(h.Paragraph.Document.Year!.Value.ToString(), year);
            if (outcomeArea.Length > 0) Assert.Contains(h.Paragraph.OutcomeArea, outcomeArea);
            if (grade.Length > 0) Assert.Contains(h.Paragraph.Grade!.Label, grade);
        });
    }

    [Theory]
    [InlineData("adoption")]
    [InlineData("children")]
    [InlineData("nosuchtermanywhere")]
    public void A_term_query_given_its_remembered_place_finds_and_scores_as_one_that_looks_it_up(string word)
    {
        using var served = new ServedReader(corpus.Folder);
        var (statistics, searcher) = (served.Statistics, served.Searcher);
        var term = new Term(IndexSchema.Text, word);

        // Remembered: the second request is the same lookup, not a new one.
        Assert.Same(statistics.ContextOf(term), statistics.ContextOf(term));
        var looked = searcher.Search(new TermQuery(term), 50);
        var given = searcher.Search(new TermQuery(term, statistics.ContextOf(term)), 50);
        AssertSameHits(looked, given);
        if (word != "nosuchtermanywhere") Assert.True(given.TotalHits > 0);
    }

    [Theory]
    [InlineData("looked after children")]
    [InlineData("placement stability")]
    [InlineData("return home interviews")]
    [InlineData("children in care")]
    [InlineData("child protection plans")]
    [InlineData("the voice of the child")]
    [InlineData("day to day")]
    [InlineData("social workers visit")]
    [InlineData("care leavers nosuchtermanywhere")]
    public void Our_exact_phrase_finds_and_scores_as_Lucenes_with_and_without_remembered_places(string phrase)
    {
        using var served = new ServedReader(corpus.Folder);
        var (statistics, searcher) = (served.Statistics, served.Searcher);
        using var analyzer = new ReportAnalyzer();
        // As searched: common words joined into grams, with the gaps in position that leaves.
        var terms = analyzer.PhraseTerms(phrase);
        Assert.True(terms.Count > 1);
        T Phrase<T>(T q) where T : PhraseQuery
        {
            foreach (var (term, position) in terms) q.Add(new Term(IndexSchema.Text, term), position);
            q.Boost = 1.5f;
            return q;
        }

        var lucene = searcher.Search(Phrase(new PhraseQuery()), 100_000);
        foreach (var ours in new[] { Phrase(new ExactPhraseQuery()), Phrase(new ExactPhraseQuery(statistics.ContextOf)) })
        {
            AssertSameHits(lucene, searcher.Search(ours, 100_000));
            if (lucene.TotalHits > 0) Assert.Equal(searcher.Explain(Phrase(new PhraseQuery()), lucene.ScoreDocs[0].Doc).Value, searcher.Explain(ours, lucene.ScoreDocs[0].Doc).Value);
        }
        if (!phrase.Contains("nosuch", StringComparison.Ordinal)) Assert.True(lucene.TotalHits > 0, $"'{phrase}' should be in the corpus");
    }

    [Theory]
    [InlineData("care leavers")]
    [InlineData("placement stability")]
    [InlineData("return home")]
    [InlineData("children social")]
    [InlineData("leavers nosuchtermanywhere")]
    public void Words_together_first_match_and_score_as_the_filtered_and_excluded_pair_they_replace(string text)
    {
        using var served = new ServedReader(corpus.Folder);
        var searcher = served.Searcher;
        using var analyzer = new ReportAnalyzer();
        var words = new BooleanQuery(); // coordinated, as the words typed are
        foreach (var t in analyzer.Terms(text)) words.Add(new TermQuery(new Term(IndexSchema.Text, t)), Occur.MUST);
        // Together as the builder has it: the one common gram, or the words within a few positions.
        var grams = analyzer.PhraseTerms(text);
        Query together = grams.Count == 1 ? new TermQuery(new Term(IndexSchema.Text, grams[0].Term)) : new PhraseQuery { Slop = 3 };
        if (together is PhraseQuery phrase) foreach (var t in analyzer.Terms(text)) phrase.Add(new Term(IndexSchema.Text, t));
        const float apart = 1e-4f;
        var elsewhere = new BooleanQuery(disableCoord: true) { { words, Occur.MUST }, { together, Occur.MUST_NOT } };
        elsewhere.Boost = apart;
        var pair = new BooleanQuery(disableCoord: true) { { new FilteredQuery(words, new QueryWrapperFilter(together)), Occur.SHOULD }, { elsewhere, Occur.SHOULD } };
        var ours = new BooleanQuery(disableCoord: true) { { new WordsTogetherQuery(words, together, apart), Occur.SHOULD } };

        var expected = searcher.Search(pair, 100_000);
        var actual = searcher.Search(ours, 100_000);
        Assert.Equal(expected.TotalHits, actual.TotalHits);
        // The same paragraphs with the same scores; the apart scores are multiplied in another order, so to a few parts in ten million.
        var scores = actual.ScoreDocs.ToDictionary(d => d.Doc, d => d.Score);
        foreach (var d in expected.ScoreDocs) Assert.Equal(d.Score, scores[d.Doc], d.Score * 1e-5f);
        var togetherDocs = searcher.Search(together, 100_000).ScoreDocs.Select(d => d.Doc).ToHashSet();
        foreach (var d in actual.ScoreDocs.Where(d => togetherDocs.Contains(d.Doc)).Take(3).Concat(actual.ScoreDocs.Where(d => !togetherDocs.Contains(d.Doc)).Take(3)))
            Assert.Equal(d.Score, searcher.Explain(ours, d.Doc).Value, d.Score * 1e-5f);
        if (!text.Contains("nosuch", StringComparison.Ordinal))
        {
            Assert.Contains(actual.ScoreDocs, d => togetherDocs.Contains(d.Doc));
            Assert.Contains(actual.ScoreDocs, d => !togetherDocs.Contains(d.Doc));
        }
    }

    [Theory]
    [InlineData("care")]
    [InlineData("placement")]
    [InlineData("adoption")]
    public void Facet_counts_equal_each_match_counted_from_its_own_doc_values(string word)
    {
        using var served = new ServedReader(corpus.Folder);
        var query = new TermQuery(new Term(IndexSchema.Text, word));
        var matches = new List<(AtomicReaderContext Leaf, int Doc)>();
        served.Searcher.Search(query, new EachMatch(matches));
        Assert.NotEmpty(matches);
        // Counted the plain way: every match's value of every field, read from Lucene's own doc values.
        var fields = IndexSchema.Facets.Append(IndexSchema.DocumentId).ToList();
        var expected = fields.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal));
        foreach (var (leaf, doc) in matches)
            foreach (var field in fields)
            {
                var values = leaf.AtomicReader.GetSortedDocValues(field);
                if (values is null || values.GetOrd(doc) < 0) continue;
                var bytes = new Lucene.Net.Util.BytesRef();
                values.Get(doc, bytes);
                var counts = expected[field];
                counts[bytes.Utf8ToString()] = counts.GetValueOrDefault(bytes.Utf8ToString()) + 1;
            }
        // With the document id (document-level fields added up per document) and without it (every field match by match).
        foreach (var counted in new[] { fields, IndexSchema.Facets.ToList() })
        {
            var collector = new FacetCollector(counted);
            served.Searcher.Search(query, collector);
            foreach (var field in counted)
                Assert.Equal(expected[field].OrderBy(kv => kv.Key, StringComparer.Ordinal), collector.Counts[field].OrderBy(kv => kv.Key, StringComparer.Ordinal));
        }
        // Authority is a document's metadata and is added up per document; outcome area belongs to paragraphs.
        var segment = SegmentValues.Of(served.Reader.Leaves[0].AtomicReader);
        Assert.NotNull(segment.ByDocument(IndexSchema.Authority));
        Assert.Null(segment.ByDocument(IndexSchema.OutcomeArea));
    }

    private sealed class EachMatch(List<(AtomicReaderContext Leaf, int Doc)> matches) : ICollector
    {
        private AtomicReaderContext? _leaf;
        public void SetScorer(Scorer scorer) { }
        public void Collect(int doc) => matches.Add((_leaf!, doc));
        public void SetNextReader(AtomicReaderContext context) => _leaf = context;
        public bool AcceptsDocsOutOfOrder => true;
    }

    /// <summary>The same paragraphs, in the same order, with the same scores.</summary>
    private static void AssertSameHits(TopDocs expected, TopDocs actual)
    {
        Assert.Equal(expected.TotalHits, actual.TotalHits);
        Assert.Equal(expected.ScoreDocs.Select(d => (d.Doc, d.Score)), actual.ScoreDocs.Select(d => (d.Doc, d.Score)));
    }

    [Theory]
    [InlineData("looked after children")]
    [InlineData("children in care")]
    [InlineData("care leavers")]
    [InlineData("behavior")]
    [InlineData("CAMHS")]
    [InlineData("well-being")]
    public void Remembered_query_analysis_is_the_analysis(string text)
    {
        using var analyzer = new ReportAnalyzer();
        using var fresh = new ReportAnalyzer();
        var terms = analyzer.QueryTerms(text);
        Assert.Equal(fresh.Terms(text), terms);
        Assert.Same(terms, analyzer.QueryTerms(text));
        var phrase = analyzer.PhraseTerms(text);
        Assert.Same(phrase, analyzer.PhraseTerms(text));
        // Past the bound it starts again, and still gives the analysis.
        for (int i = 0; i <= ReportAnalyzer.MaxRemembered; i++) analyzer.QueryTerms("word" + i);
        Assert.Equal(fresh.Terms(text), analyzer.QueryTerms(text));
        Assert.Equal(phrase, analyzer.PhraseTerms(text));
    }

    [Theory]
    [InlineData("\"looked after children\"")]
    [InlineData("LAC health")]
    [InlineData("care leavers")]
    [InlineData("placement stability")]
    [InlineData("challenging behavior")]
    [InlineData("multi agency working")]
    public void A_query_planned_from_what_is_remembered_is_the_query_planned_afresh(string q)
    {
        // A second index over the same commit starts with nothing remembered; the shared one has planned many queries.
        using var cold = ReportIndex.Open(corpus.Folder, corpus.Index.Synonyms);
        var request = new SearchRequest { Query = q };
        string first = cold.QueryAsRun(request);
        Assert.Equal(first, cold.QueryAsRun(request));
        Assert.Equal(first, corpus.Index.QueryAsRun(request));
        Assert.Equal(corpus.Index.Search(request).Total, cold.Search(request).Total);
    }

    [Fact]
    public void Variants_are_found_once_per_text_and_reader_and_given_back_as_found()
    {
        using var served = new ServedReader(corpus.Folder);
        var synonyms = corpus.Index.Synonyms;
        string[] texts = ["care", "carers", "care leavers", "LAC", "lac", "looked after children", "behavior"];
        var found = texts.ToDictionary(t => t, t => synonyms.Variants(t, null));
        var calls = new Dictionary<string, int>();
        List<string> Find(string t) { calls[t] = calls.GetValueOrDefault(t) + 1; return [.. found[t]]; }
        for (int round = 0; round < 2; round++)
            foreach (var t in texts) Assert.Equal(found[t], served.Statistics.VariantsOf(synonyms, t, () => Find(t)));
        Assert.All(texts, t => Assert.Equal(1, calls[t]));
        // Another vocabulary is another question.
        var other = Synonyms.Empty;
        Assert.Empty(served.Statistics.VariantsOf(other, "care", () => other.Variants("care", null)));
    }

    [Fact]
    public void A_filter_is_built_once_and_the_cache_stays_bounded()
    {
        var cache = new FilterCache();
        int built = 0;
        Query Coventry() { built++; return new TermQuery(new Term(IndexSchema.Authority, "Coventry")); }
        Assert.Same(cache.For("authority=Coventry", Coventry), cache.For("authority=Coventry", Coventry));
        Assert.Equal(1, built);
        for (int i = 0; i < FilterCache.Capacity * 2; i++) cache.For("a" + i, () => new TermQuery(new Term(IndexSchema.Authority, "a" + i)));
        Assert.True(cache.Count <= FilterCache.Capacity);
    }

    [Fact]
    public void The_record_cache_loads_each_record_once_and_forgets_the_least_recent()
    {
        var cache = new RecordCache(capacity: 4);
        var segment = new object();
        int loads = 0;
        ParagraphRecord Get(int doc) => cache.GetOrLoad(segment, doc, () => { loads++; return Record(doc); });

        Assert.Equal("p1", Get(1).Id);
        Assert.Equal("p1", Get(1).Id);
        Assert.Equal(1, loads);
        for (int doc = 2; doc <= 6; doc++) Get(doc);
        Assert.Equal(6, loads);
        Get(6); // recent: still cached
        Assert.Equal(6, loads);
        Get(1); // the oldest: forgotten
        Assert.Equal(7, loads);

        cache.Clear();
        Get(6);
        Assert.Equal(8, loads);
        var off = new RecordCache(capacity: 0);
        off.GetOrLoad(segment, 1, () => { loads++; return Record(1); });
        off.GetOrLoad(segment, 1, () => { loads++; return Record(1); });
        Assert.Equal(10, loads);
    }

    [Fact]
    public void After_a_reindex_a_paragraph_is_read_afresh_not_from_the_cache()
    {
        var folder = Directory.CreateTempSubdirectory("searchservice-recache-").FullName;
        var source = Directory.CreateTempSubdirectory("searchservice-recache-src-").FullName;
        try
        {
            var seed = Path.Combine(ProjectPaths.Seeds, "004_6dc884be81250f76.txt");
            var file = Path.Combine(source, "report.txt");
            File.Copy(seed, file);
            IndexBuilder.Build([file], folder);
            using var index = ReportIndex.Open(folder);
            var first = index.Search(new SearchRequest { Query = "placement stability", PageSize = 1 }).Hits[0].Paragraph;
            Assert.Equal(first.Text, index.GetParagraph(first.Id)!.Text);

            // The same report with that paragraph reworded: same ids, new text.
            File.WriteAllText(file, File.ReadAllText(seed).Replace(first.Text[..40], "REWORDED " + first.Text[..40]));
            IndexBuilder.Build([file], folder);
            Assert.True(index.Refresh());
            Assert.StartsWith("REWORDED ", index.GetParagraph(first.Id)!.Text);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
            Directory.Delete(source, recursive: true);
        }
    }

    [Fact]
    public void Every_word_present_multiplies_the_score_some_words_do_not()
    {
        var similarity = new ReportSimilarity();
        Assert.Equal(ReportSimilarity.AllWordsFactor, similarity.Coord(2, 2));
        Assert.Equal(ReportSimilarity.AllWordsFactor, similarity.Coord(3, 3));
        Assert.Equal(1f, similarity.Coord(1, 2));
        Assert.Equal(1f, similarity.Coord(1, 1));
    }

    [Fact]
    public void Paragraphs_with_all_the_words_rank_above_those_with_some()
    {
        var hits = corpus.Index.Search(new SearchRequest { Query = "return home interviews", PageSize = 10 }).Hits;
        var all = hits.Select(h => new[] { "return", "home", "interview" }.All(w => h.Paragraph.Text.Contains(w, StringComparison.OrdinalIgnoreCase))).ToList();
        int firstPartial = all.IndexOf(false);
        Assert.True(firstPartial == -1 || all.Skip(firstPartial).All(a => !a), "no paragraph with every word ranks below one without");
        Assert.True(all[0]);
    }

    private static ParagraphRecord Record(int doc) => new($"p{doc}", "d", [], null, null, doc.ToString(), doc, "text", Core.Model.ParagraphKind.Text, "citation");
}
