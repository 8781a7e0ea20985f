using SearchService.Search.Searching;

namespace SearchService.Search.Tests;

/// <summary>
/// One definition of a count, over the seeds and the published reports: the search's total, its
/// facets, its documents, the trend buckets, the grouped pages and the export all count exactly
/// the paragraphs the query matched as run (relaxed or not, synonyms or not).
/// </summary>
[Collection(CorpusCollection.Name)]
public class CountsTests(CorpusIndexFixture corpus)
{
    private ReportIndex Index => corpus.Index;

    private SearchResult Search(SearchRequest r) => Index.Search(r);

    public static TheoryData<string, string[], string, bool> Requests => new()
    {
        // query, authority filter, match, exact
        { "placement stability", [], "all", false },
        { "\"placement stability\"", [], "all", false },
        { "placement stability", [], "any", false },
        { "looked after children", ["Coventry"], "all", false },
        { "LAC health", [], "all", true },
        { "care leavers accommodation xyzzyq", [], "all", false }, // relaxed: one word matches nothing
        { "-care", [], "all", false },
        { "edge of care", ["Coventry", "Stoke-on-Trent"], "any", false },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void Total_facets_trends_groups_and_export_count_the_same_paragraphs(string q, string[] authority, string match, bool exact)
    {
        var request = new SearchRequest
        {
            Query = q,
            Filters = new SearchFilters { Authority = authority },
            Match = match == "any" ? MatchMode.Any : MatchMode.All,
            Exact = exact,
            PageSize = 100,
        };
        var result = Search(request);
        Assert.True(result.Total > 0, $"{q}: no matches");
        Assert.False(result.Partial);

        // Facets: single-valued per paragraph, so every paragraph with a value counts once (the
        // authority facet is multi-select: its chosen values add up to the total).
        Assert.Equal(result.Total, result.Facets["authority"].Where(v => authority.Length == 0 || authority.Contains(v.Value)).Sum(v => v.Count));
        Assert.Equal(result.Total, result.Facets["documentType"].Sum(v => v.Count));

        // Trends by year: the buckets and the undated matches add up to the total.
        var trends = Index.Trends(request, "year");
        Assert.Equal(result.Total, trends.Total);
        Assert.Equal(result.Total, trends.Buckets.Sum(b => b.Paragraphs) + trends.Unbucketed);
        Assert.Equal(result.Facets["year"].Sum(v => v.Count), trends.Buckets.Sum(b => b.Paragraphs));
        Assert.Equal(result.Documents, trends.Documents);
        Assert.Equal(result.Relaxed?.Dropped, trends.Relaxed?.Dropped);

        // Grouped by document: one group per document; its paragraphs add up to the total.
        var groups = new List<SearchHit>();
        for (int page = 1; ; page++)
        {
            var grouped = Search(request with { GroupByDocument = true, Page = page });
            Assert.Equal(result.Total, grouped.Total);
            Assert.Equal(result.Documents, grouped.Documents);
            groups.AddRange(grouped.Hits);
            if (grouped.Hits.Count < request.PageSize) break;
        }
        Assert.Equal(result.Documents, groups.Count);
        Assert.Equal(result.Total, groups.Sum(h => 1 + h.MoreInDocument!.Value));

        // The export: the same paragraphs, each once.
        using var export = Index.Matching(request, int.MaxValue);
        var rows = export.Rows.Select(p => p.Id).ToList();
        Assert.Equal(result.Total, export.Total);
        Assert.Equal(result.Total, rows.Count);
        Assert.Equal(rows.Count, rows.Distinct().Count());
        Assert.Equal(result.Documents, export.Rows.Select(p => p.DocumentId).Distinct().Count());
        // The first page of the search is the export's first rows (same ranking).
        Assert.Equal(result.Hits.Select(h => h.Paragraph.Id), rows.Take(result.Hits.Count));

        // Without facets (the filters then narrow the search itself): the same paragraphs, in the same order.
        var plain = Search(request with { Facets = false });
        Assert.Empty(plain.Facets);
        Assert.Equal(result.Total, plain.Total);
        Assert.Equal(result.Documents, plain.Documents);
        Assert.Equal(result.Relaxed?.Dropped, plain.Relaxed?.Dropped);
        Assert.Equal(result.Hits.Select(h => (h.Paragraph.Id, h.Score)), plain.Hits.Select(h => (h.Paragraph.Id, h.Score)));
    }

    [Fact]
    public void Placement_stability_unquoted_needs_both_words_or_a_synonym_and_equals_the_plus_and_AND_forms()
    {
        var words = Search(new SearchRequest { Query = "placement stability", PageSize = 100 });
        var plus = Search(new SearchRequest { Query = "+placement +stability" });
        var and = Search(new SearchRequest { Query = "placement AND stability" });
        var any = Search(new SearchRequest { Query = "placement stability", Match = MatchMode.Any });
        Assert.Equal(words.Total, plus.Total);
        Assert.Equal(words.Total, and.Total);
        Assert.True(any.Total > 3 * words.Total, $"any word {any.Total}, all words {words.Total}");
        Assert.Null(words.Relaxed);
        Assert.All(words.Hits, h =>
        {
            var text = h.Paragraph.Text.ToLowerInvariant();
            bool both = text.Contains("placement") && text.Contains("stabil");
            bool synonym = text.Contains("stable placement") || text.Contains("stability of placement");
            Assert.True(both || synonym, $"{h.Paragraph.Id} has neither both words nor a synonym");
        });
    }

    [Fact]
    public void A_multi_word_concept_with_synonyms_is_never_an_OR_of_its_single_words()
    {
        var all = Search(new SearchRequest { Query = "looked after children", PageSize = 100 });
        var children = Search(new SearchRequest { Query = "children", Exact = true });
        Assert.True(all.Total < children.Total / 2, $"{all.Total} of {children.Total} paragraphs with 'children'");
        string[] forms = ["looked after", "looked-after", "children in care", "lac", "cla", "children looked after"];
        Assert.All(all.Hits, h => Assert.Contains(forms, f => h.Paragraph.Text.Contains(f, StringComparison.OrdinalIgnoreCase)));
        Assert.Contains(all.Expansions, e => e.Typed == "looked after children" && e.Alternatives.Contains("children in care"));
    }

    [Fact]
    public void Too_few_paragraphs_with_every_word_drops_the_least_informative_and_says_which()
    {
        // No paragraph holds the made-up word: it is dropped first, and said to be.
        var result = Search(new SearchRequest { Query = "placement stability xyzzyq" });
        Assert.NotNull(result.Relaxed);
        Assert.Equal(["xyzzyq"], result.Relaxed.Dropped);
        Assert.Equal(0, result.Relaxed.MatchedAllWords);
        Assert.Equal(Search(new SearchRequest { Query = "placement stability" }).Total, result.Total);

        // Three words of which few paragraphs hold all: the most frequent goes, the rare ones stay,
        // and the paragraphs with every word still rank first.
        var strict = Search(new SearchRequest { Query = "fostering sufficiency Mockingbird", PageSize = 10 });
        var all = Index.Search(new SearchRequest { Query = "+fostering +sufficiency +Mockingbird", PageSize = 10 });
        Assert.True(all.Total < Index.Limits.RelaxBelow, $"{all.Total} paragraphs hold every word");
        Assert.NotNull(strict.Relaxed);
        Assert.Equal(all.Total, strict.Relaxed.MatchedAllWords);
        Assert.DoesNotContain("Mockingbird", strict.Relaxed.Dropped);
        Assert.True(strict.Total > all.Total);
        Assert.Equal(all.Hits.Select(h => h.Paragraph.Id).ToHashSet(), strict.Hits.Take(all.Total).Select(h => h.Paragraph.Id).ToHashSet());

        // +words, phrases and any-word matching are never relaxed.
        Assert.Null(all.Relaxed);
        Assert.Equal(["xyzzyq"], Search(new SearchRequest { Query = "\"placement stability\" xyzzyq" }).Relaxed?.Dropped);
        Assert.Null(Search(new SearchRequest { Query = "placement stability xyzzyq", Match = MatchMode.Any }).Relaxed);
    }

    [Fact]
    public void Only_exclusions_is_every_paragraph_without_the_word()
    {
        var without = Search(new SearchRequest { Query = "-care" });
        var with = Search(new SearchRequest { Query = "care" });
        Assert.Equal(Index.ParagraphCount, without.Total + with.Total);
        Assert.All(without.Hits, h => Assert.DoesNotContain("care", h.Paragraph.Text, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Trends_give_every_year_of_the_range_with_zeros_and_name_the_denominator()
    {
        var t = Index.Trends(new SearchRequest { Query = "\"placement stability\"", Filters = new SearchFilters { Authority = ["Coventry"] } }, "year");
        var years = t.Buckets.Select(b => int.Parse(b.Value)).ToList();
        Assert.Equal(Enumerable.Range(years[0], years[^1] - years[0] + 1), years);
        Assert.Contains(t.Buckets, b => b.Paragraphs == 0);
        Assert.Contains("that year", t.Denominator);
        Assert.Contains("authority", t.Denominator);
        Assert.All(t.Buckets, b => Assert.Equal(b.TotalParagraphs == 0 ? 0 : Math.Round((double)b.Paragraphs / b.TotalParagraphs, 4), b.Share));

        var range = Index.Trends(new SearchRequest { Query = "care", Filters = new SearchFilters { YearFrom = 2000, YearTo = 2030 } }, "year");
        Assert.Equal(31, range.Buckets.Count);
        Assert.Equal(0, range.Buckets.Single(b => b.Value == "2000").TotalParagraphs);
    }
}
