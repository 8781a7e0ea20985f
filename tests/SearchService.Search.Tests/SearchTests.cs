using SearchService.Search.Indexing;
using SearchService.Search.Searching;

namespace SearchService.Search.Tests;

public class SearchTests(SeedIndexFixture seeds) : IClassFixture<SeedIndexFixture>
{
    private ReportIndex Index => seeds.Index;

    private SearchResult Search(string q, SearchFilters? filters = null, int pageSize = 10) =>
        Index.Search(new SearchRequest { Query = q, Filters = filters ?? SearchFilters.None, PageSize = pageSize });

    [Fact]
    public void The_seeds_index_into_nine_documents()
    {
        Assert.Equal((5, 5, 0, 0, 9), (seeds.Summary.Files, seeds.Summary.Indexed, seeds.Summary.Skipped, seeds.Summary.Failed, seeds.Summary.Documents));
        Assert.Equal(seeds.Summary.Paragraphs, Index.ParagraphCount);
    }

    [Fact]
    public void Placement_stability_finds_both_2007_letters_and_the_2011_inspection_with_the_phrase_marked()
    {
        var result = Search("\"placement stability\"", pageSize: 50);
        var documents = result.Hits.Select(h => h.Paragraph.DocumentId).ToHashSet();
        Assert.Contains("coventry-2007-11-26-apa", documents);
        Assert.Contains("stoke-on-trent-2007-11-26-apa", documents);
        Assert.Contains("coventry-2011-05-12-slac-inspection", documents);
        Assert.All(result.Hits, h => Assert.Matches("<mark>[Pp]lacement stability</mark>|<mark>stable placements</mark>", h.Snippet));
        Assert.All(result.Hits, h => Assert.EndsWith($"para. {h.Paragraph.Label}.", h.Paragraph.Citation));
    }

    [Fact]
    public void Synonyms_join_placement_stability_and_stable_placements()
    {
        var result = Search("\"placement stability\"", pageSize: 50);
        Assert.Contains(result.Hits, h => h.Paragraph.Id == "coventry-2011-05-12-slac-inspection~86" && h.Snippet.Contains("<mark>stable placements</mark>"));
    }

    [Fact]
    public void Single_valued_facets_add_up_to_the_total()
    {
        var result = Search("placement");
        foreach (var dim in new[] { "authority", "year", "documentType" })
            Assert.Equal(result.Total, result.Facets[dim].Sum(v => v.Count));
    }

    [Fact]
    public void Facets_are_multi_select_a_dimension_ignores_its_own_filter()
    {
        var unfiltered = Search("health");
        var safe = Search("health", new SearchFilters { OutcomeArea = ["Staying safe"] });
        var both = Search("health", new SearchFilters { OutcomeArea = ["Staying safe", "Being healthy"] });
        Assert.True(both.Total > safe.Total, "adding a second outcome area widens the results");
        Assert.Equal(unfiltered.Facets["outcomeArea"], safe.Facets["outcomeArea"]);
        var beingHealthy = safe.Facets["outcomeArea"].Single(v => v.Value == "Being healthy").Count;
        Assert.Equal(safe.Total + beingHealthy, both.Total);
        Assert.All(safe.Hits, h => Assert.Equal("Staying safe", h.Paragraph.OutcomeArea));
        // Other dimensions honour the filter.
        Assert.Equal(safe.Total, safe.Facets["authority"].Sum(v => v.Count));
    }

    [Fact]
    public void Year_ranges_and_grades_filter()
    {
        var result = Search("children", new SearchFilters { YearFrom = 2011, YearTo = 2011, Grade = ["inadequate"] });
        Assert.True(result.Total > 0);
        Assert.All(result.Hits, h => Assert.Equal((2011, "inadequate"), (h.Paragraph.Document.Year!.Value, h.Paragraph.Grade!.Label)));
    }

    [Fact]
    public void Malformed_syntax_falls_back_to_plain_words_and_says_so()
    {
        var result = Search("\"placement stability");
        Assert.NotNull(result.Warning);
        Assert.Contains("never closed", result.Warning);
        Assert.True(result.Total > 0);
    }

    [Theory]
    [InlineData("(")]
    [InlineData("\"\"")]
    [InlineData("-")]
    public void A_query_with_no_words_is_an_error(string q) => Assert.Throws<QuerySyntaxException>(() => Search(q));

    [Fact]
    public void Exclusion_and_or_work()
    {
        var withStoke = Search("\"placement stability\"", pageSize: 50);
        var without = Search("\"placement stability\" -Stoke", pageSize: 50);
        Assert.True(without.Total < withStoke.Total);
        Assert.DoesNotContain(without.Hits, h => h.Paragraph.Text.Contains("Stoke", StringComparison.OrdinalIgnoreCase));
        var either = Search("teenage OR obesity", pageSize: 100);
        Assert.Contains(either.Hits, h => h.Paragraph.Text.Contains("obese", StringComparison.OrdinalIgnoreCase) && !h.Paragraph.Text.Contains("teenage", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("wellbeing")]
    [InlineData("well-being")]
    [InlineData("\"well being\"")]
    public void Wellbeing_is_found_however_it_is_spelt(string q)
    {
        var result = Search(q, pageSize: 100);
        Assert.Contains(result.Hits, h => h.Paragraph.Text.Contains("well-being"));
        Assert.Contains(result.Hits, h => h.Paragraph.Text.Contains("well being"));
    }

    [Fact]
    public void Tables_are_searchable_by_row()
    {
        var result = Search("Coventry 63.9");
        Assert.Contains(result.Hits, h => h.Paragraph.Label == "Table 1");
    }

    [Fact]
    public void Group_by_document_returns_one_hit_per_document_with_the_count_of_the_rest()
    {
        var grouped = Index.Search(new SearchRequest { Query = "looked after children", GroupByDocument = true, PageSize = 20 });
        Assert.Equal(grouped.Hits.Count, grouped.Hits.Select(h => h.Paragraph.DocumentId).Distinct().Count());
        var flat = Search("looked after children", pageSize: 100);
        Assert.Equal(flat.Total, grouped.Hits.Sum(h => 1 + h.MoreInDocument!.Value));
    }

    [Fact]
    public void Sorting_by_date_puts_the_newest_first()
    {
        var result = Index.Search(new SearchRequest { Query = "children", Sort = SearchSort.Date, PageSize = 50 });
        var dates = result.Hits.Select(h => h.Paragraph.Document.Date!.Value).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
    }

    [Fact]
    public void Paging_limits_are_enforced()
    {
        Assert.Throws<QueryLimitException>(() => Index.Search(new SearchRequest { Query = "children", PageSize = 101 }));
        Assert.Throws<QueryLimitException>(() => Index.Search(new SearchRequest { Query = "children", Page = 0 }));
        Assert.Throws<QueryLimitException>(() => Index.Search(new SearchRequest { Query = new string('a', 1001) }));
    }

    [Fact]
    public void Trends_count_paragraphs_documents_and_share_per_year()
    {
        var trends = Index.Trends(new SearchRequest { Query = "\"placement stability\"" }, "year");
        var y2007 = trends.Buckets.Single(t => t.Value == "2007");
        Assert.Equal(2, y2007.Documents);
        Assert.True(y2007.Paragraphs >= 2 && y2007.Share > 0 && y2007.Share < 1);
        Assert.Equal(trends.Buckets.Sum(t => t.TotalParagraphs), Index.ParagraphCount);
    }

    [Fact]
    public void Paragraphs_are_fetched_by_id_with_their_neighbours()
    {
        var p = Index.GetParagraph("coventry-2011-05-12-slac-inspection~86");
        Assert.NotNull(p);
        Assert.Equal("Staying safe", p.OutcomeArea);
        var (previous, next) = p.Neighbours();
        Assert.Equal(("coventry-2011-05-12-slac-inspection~85", "coventry-2011-05-12-slac-inspection~87"), (previous, next));
        Assert.Null(Index.GetParagraph("nope"));
    }
}
