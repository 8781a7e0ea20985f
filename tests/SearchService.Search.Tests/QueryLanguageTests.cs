using SearchService.Search.Analysis;
using SearchService.Search.Searching;

namespace SearchService.Search.Tests;

/// <summary>The query language's operators, its limits on cost, synonyms in the open, and the filter cache's keys (over the seeds).</summary>
public class QueryLanguageTests(SeedIndexFixture seeds) : IClassFixture<SeedIndexFixture>
{
    private ReportIndex Index => seeds.Index;

    private SearchResult Search(string q, SearchFilters? filters = null, bool exact = false, MatchMode match = MatchMode.All) =>
        Index.Search(new SearchRequest { Query = q, Filters = filters ?? SearchFilters.None, PageSize = 100, Exact = exact, Match = match });

    [Theory]
    [InlineData("-care", "", "care")]
    [InlineData("+children -care", "children", "care")]
    [InlineData("NOT placement", "", "placement")]
    public void Exclusions_exclude_and_are_never_searched_for(string q, string rest, string excluded)
    {
        using var analyzer = new ReportAnalyzer();
        var result = Search(q);
        Assert.True(result.Total > 0);
        Assert.All(result.Hits, h => Assert.DoesNotContain(excluded, analyzer.Terms(h.Paragraph.Text)));
        // Everything the rest matches, less what also has the excluded word.
        int all = rest.Length == 0 ? Index.ParagraphCount : Search(rest, exact: true).Total;
        int both = Search($"{rest} {excluded}".Trim(), exact: true).Total;
        Assert.Equal(all - both, result.Total);
    }

    [Fact]
    public void Plus_words_are_required_even_when_any_word_matches()
    {
        var any = Search("fostering adoption", match: MatchMode.Any);
        var plus = Search("fostering +adoption", match: MatchMode.Any);
        Assert.True(plus.Total < any.Total);
        Assert.All(plus.Hits, h => Assert.Contains("adopt", h.Paragraph.Text, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(Search("adoption", exact: true).Total, plus.Total);
    }

    [Fact]
    public void Repeated_words_collapse_to_one()
    {
        var once = Search("the");
        var many = Search(string.Join(" ", Enumerable.Repeat("the", 250)));
        Assert.Equal(once.Total, many.Total);
        Assert.Equal(once.Hits.Select(h => h.Paragraph.Id), many.Hits.Select(h => h.Paragraph.Id));
        Assert.Equal(Search("LAC").Total, Search("LAC lac LAC").Total);
    }

    [Fact]
    public void Too_many_different_words_or_filter_values_is_a_limit_named_before_Lucene_sees_it()
    {
        var words = string.Join(" ", Enumerable.Range(0, Index.Limits.MaxQueryTerms + 1).Select(i => "w" + i));
        var e = Assert.Throws<QueryLimitException>(() => Search(words));
        Assert.Equal(("maxQueryTerms", (long)Index.Limits.MaxQueryTerms), (e.Limit, e.Value));

        var values = Enumerable.Range(0, 1025).Select(i => "Authority " + i).ToList();
        var f = Assert.Throws<QueryLimitException>(() => Search("children", new SearchFilters { Authority = values }));
        Assert.Equal("maxFilterValues", f.Limit);
        Assert.Contains("authority", f.Message);
        Assert.Throws<QueryLimitException>(() => Index.Trends(new SearchRequest { Filters = new SearchFilters { Year = Enumerable.Range(1, 101).ToList() } }, "year"));
        // At the limit it runs.
        Assert.Equal(0, Search("children", new SearchFilters { Authority = values.Take(Index.Limits.MaxFilterValues).ToList() }).Total);
    }

    [Fact]
    public void A_one_value_filter_that_prints_like_two_values_does_not_poison_the_two_value_filter()
    {
        // A fresh index, so its filter cache is empty: the one-value filter is cached first.
        using var index = ReportIndex.Open(seeds.Folder, Synonyms.Load(ProjectPaths.VocabularyFile));
        int Total(params string[] authority) => index.Search(new SearchRequest { Query = "children", Filters = new SearchFilters { Authority = authority } }).Total;
        // One value whose text is what the two-value filter query prints as (authority:Coventry authority:Stoke-on-Trent).
        Assert.Equal(0, Total("Coventry authority:Stoke-on-Trent"));
        int both = Total("Coventry", "Stoke-on-Trent");
        int reversed = Total("Stoke-on-Trent", "Coventry");
        int coventry = Total("Coventry"), stoke = Total("Stoke-on-Trent");
        Assert.True(coventry > 0 && stoke > 0);
        Assert.Equal(coventry + stoke, both);
        Assert.Equal(both, reversed);
        Assert.Equal(0, Total("Coventry authority:Stoke-on-Trent"));
    }

    [Fact]
    public void A_hit_names_the_synonyms_it_matched_and_the_response_lists_the_expansions()
    {
        var result = Search("\"placement stability\"");
        var hit = result.Hits.Single(h => h.Paragraph.Id == "coventry-2011-05-12-slac-inspection~86");
        Assert.Contains("<mark>stable placements</mark>", hit.Snippet);
        Assert.Equal(["stable placements"], hit.AlsoMatched);
        var expansion = Assert.Single(result.Expansions);
        Assert.Equal("placement stability", expansion.Typed);
        Assert.Contains("stable placements", expansion.Alternatives);
        // A hit with only the words typed names no synonym.
        Assert.Contains(result.Hits, h => h.AlsoMatched.Count == 0 && h.Snippet.Contains("<mark>placement stability</mark>", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("LAC", true)]
    [InlineData("=LAC", false)]
    public void Exact_turns_synonyms_off(string q, bool exactFlag)
    {
        var expanded = Search("LAC");
        var exact = Search(q, exact: exactFlag);
        Assert.NotEmpty(expanded.Expansions);
        Assert.Empty(exact.Expansions);
        Assert.True(exact.Total < expanded.Total, $"exact {exact.Total}, expanded {expanded.Total}");
        Assert.Contains(expanded.Hits, h => h.AlsoMatched.Contains("looked after children"));
        Assert.All(exact.Hits, h => Assert.Empty(h.AlsoMatched));
        Assert.All(exact.Hits, h => Assert.Contains("lac", new ReportAnalyzer().Terms(h.Paragraph.Text)));
    }

    [Fact]
    public void Equals_on_one_word_leaves_the_others_expanded()
    {
        var result = Search("=LAC CAMHS", match: MatchMode.Any);
        Assert.Equal(["CAMHS"], result.Expansions.Select(e => e.Typed));
    }

    [Fact]
    public void The_parser_reads_prefixes_and_AND()
    {
        Assert.Equal(new AllNode([new RequiredNode(new WordNode("a")), new WordNode("b", Exact: true)], [new PhraseNode("c d")]), UserQuery.Parse("+a =b -\"c d\""), new NodeComparer());
        Assert.Equal(new AllNode([new RequiredNode(new WordNode("a")), new RequiredNode(new WordNode("b")), new WordNode("c")], []), UserQuery.Parse("a AND b c"), new NodeComparer());
        Assert.Equal(new AllNode([], [new WordNode("care")]), UserQuery.Parse("-care"), new NodeComparer());
        Assert.Equal(new WordNode("e-mail"), UserQuery.Parse("e-mail"));
        Assert.Throws<QuerySyntaxException>(() => UserQuery.Parse("-"));
        Assert.Throws<QuerySyntaxException>(() => UserQuery.Parse("a -"));
    }

    [Fact]
    public void Snippets_say_which_synonyms_a_paragraph_holds_and_mark_them()
    {
        using var analyzer = new ReportAnalyzer();
        var synonyms = new Synonyms([["lac", "looked after children", "children in care"]]);
        var (_, highlights) = new QueryBuilder(analyzer, synonyms).Build(UserQuery.Parse("LAC health"));
        var snippet = new SnippetBuilder(analyzer).BuildWithForms("Health assessments for children in care are timely.", highlights);
        Assert.Contains("<mark>children in care</mark>", snippet.Html);
        Assert.Equal(["children in care"], snippet.SynonymsMatched);
        Assert.Empty(new SnippetBuilder(analyzer).BuildWithForms("LAC health is good.", highlights).SynonymsMatched);
    }

    [Fact]
    public void Phrases_are_searched_as_common_grams_unless_the_index_has_none()
    {
        using var analyzer = new ReportAnalyzer();
        var phrase = UserQuery.Parse("\"looked after children\"");
        var grams = new QueryBuilder(analyzer, Synonyms.Empty).Build(phrase).Query.ToString();
        Assert.Contains("text:\"look_after after_children\"", grams);
        var words = new QueryBuilder(analyzer, Synonyms.Empty) { Grams = false }.Build(phrase).Query.ToString();
        Assert.Contains("text:\"look after children\"", words);
        // Over the seed index (built with grams) the phrase finds exactly the paragraphs with the words side by side.
        using var every = Index.Matching(new SearchRequest(), int.MaxValue);
        int expected = every.Rows.Count(p => System.Text.RegularExpressions.Regex.IsMatch(p.Text, @"\blooked[\s-]+after\s+children\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        Assert.True(expected > 10);
        Assert.Equal(expected, Search("=\"looked after children\"").Total);
    }

    [Fact]
    public void A_phrase_form_that_contains_a_one_word_form_of_its_group_is_not_searched_twice()
    {
        using var analyzer = new ReportAnalyzer();
        var synonyms = new Synonyms([["fostering", "foster carers", "foster homes", "kinship care"]]);
        var query = new QueryBuilder(analyzer, synonyms).Build(UserQuery.Parse("fostering")).Query.ToString();
        // "foster homes" (foster home) can only match where "foster" does; "kinship care" can match elsewhere.
        Assert.DoesNotContain("foster home", query);
        Assert.DoesNotContain("foster_care", query);
        Assert.Contains("kinship", query);
        // The count is what the whole group finds, phrase forms included.
        var withGroup = new Synonyms([["fostering", "foster carers", "foster homes"]]);
        var plain = new QueryBuilder(analyzer, withGroup).Build(UserQuery.Parse("fostering")).Query.ToString();
        Assert.Equal("+text:foster", plain);
        using var every = Index.Matching(new SearchRequest(), int.MaxValue);
        int expected = every.Rows.Count(p => System.Text.RegularExpressions.Regex.IsMatch(p.Text, @"\bfoster", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        Assert.True(expected > 0);
        Assert.Equal(expected, Search("fostering").Total);
    }

    /// <summary>Compares parsed nodes by structure (records hold lists, which compare by reference).</summary>
    private sealed class NodeComparer : IEqualityComparer<QueryNode>
    {
        public bool Equals(QueryNode? x, QueryNode? y) => Describe(x) == Describe(y);
        public int GetHashCode(QueryNode obj) => Describe(obj).GetHashCode(StringComparison.Ordinal);

        private static string Describe(QueryNode? n) => n switch
        {
            WordNode w => $"W({w.Word},{w.Exact})",
            PhraseNode p => $"P({p.Phrase},{p.Exact})",
            RequiredNode r => $"+{Describe(r.Inner)}",
            AllNode a => $"All[{string.Join(",", a.Required.Select(Describe))}|-{string.Join(",", a.Excluded.Select(Describe))}]",
            AnyNode a => $"Any[{string.Join(",", a.Alternatives.Select(Describe))}]",
            _ => "?",
        };
    }
}
