using SearchService.Search.Analysis;
using SearchService.Search.Searching;

namespace SearchService.Search.Tests;

/// <summary>The vocabulary file: its format, its checks, and the groups it must hold.</summary>
public class VocabularyFileTests
{
    private static string Write(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), "vocabulary-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void The_shipped_vocabulary_loads_with_at_least_150_sourced_groups()
    {
        var vocabulary = Synonyms.Load(ProjectPaths.VocabularyFile);
        Assert.True(vocabulary.Groups.Count >= 150, $"{vocabulary.Groups.Count} groups");
        Assert.All(vocabulary.Groups, g => Assert.False(string.IsNullOrWhiteSpace(g.Source), $"line {g.Line} has a source"));
        // The 25 groups of the synonyms file it replaces are all here (plurals and spellings now by the analyzer and variants).
        foreach (var term in new[] { "lac", "cin", "camhs", "neet", "iro", "pep", "cse", "uasc", "sgo", "mash", "lscb", "ehcp", "yos", "placement stability", "missing from home", "care leavers" })
            Assert.NotNull(vocabulary.Find(term));
    }

    [Theory]
    [InlineData("# comment\nlac, looked after children\n", 2, "no tab")]
    [InlineData("lac, looked after children\tSource\tmore\n", 1, "2 tabs")]
    [InlineData("\n\nlac, looked after children\t  \n", 3, "source after the tab is empty")]
    [InlineData("lac\tSource\n", 1, "at least two terms")]
    [InlineData("lac,, cla\tSource\n", 1, "empty term")]
    [InlineData("lac, looked after children\tS\ncin, children in need\tS\ncla, LAC\tS\n", 3, "already in the group on line 1")]
    [InlineData("lac, --\tS\n", 1, "no letters or digits")]
    public void A_malformed_line_is_named_by_its_number(string text, int line, string reason)
    {
        var path = Write(text);
        var e = Assert.Throws<VocabularyFormatException>(() => Synonyms.Load(path));
        Assert.Equal(line, e.Line);
        Assert.Contains(reason, e.Message);
        Assert.Contains($"line {line}", e.Message);
        File.Delete(path);
    }

    [Fact]
    public void An_acronym_in_capitals_is_expanded_only_when_typed_in_capitals_and_never_searched_for_another_term()
    {
        var vocabulary = Synonyms.Load(Write("special educational needs, SEND, sen\tSEND Code of Practice\n"));
        Assert.Null(vocabulary.Find("send"));
        Assert.Null(vocabulary.Find("Send"));
        Assert.NotNull(vocabulary.Find("SEND"));
        Assert.DoesNotContain("send", vocabulary.Variants("special educational needs", null));
        Assert.Contains("special educational needs", vocabulary.Variants("SEND", null));
    }

    [Theory]
    [InlineData("IROs", "iro")]
    [InlineData("UASC's", "uasc")]
    [InlineData("SGOs", "sgo")]
    [InlineData("EHCPs", "ehcp")]
    [InlineData("PAs", "pa")]
    public void Plurals_and_possessives_find_their_group(string typed, string member)
    {
        var vocabulary = Synonyms.Load(ProjectPaths.VocabularyFile);
        var group = vocabulary.Find(typed);
        Assert.NotNull(group);
        Assert.Contains(member, group.Terms.Select(Synonyms.Normalise));
        Assert.Null(vocabulary.With(VocabularyMechanisms.Groups).Find(typed)); // as typed, without the analysed forms, it is in no group
    }

    [Theory]
    [InlineData("radicalization", "radicalisation")]
    [InlineData("behavior", "behaviour")]
    [InlineData("behavioral", "behavioural")]
    [InlineData("program", "programme")]
    [InlineData("counseling", "counselling")]
    [InlineData("organization", "organisation")]
    [InlineData("honor based violence", "honour based violence")]
    public void American_spellings_have_the_British_form_as_a_candidate(string typed, string british) =>
        Assert.Contains(british, SpellingVariants.Of(typed));

    [Theory]
    [InlineData("size")]
    [InlineData("Taylor")]
    [InlineData("placement")]
    public void Words_without_an_American_ending_are_left_alone(string typed) => Assert.Empty(SpellingVariants.Of(typed));

    [Theory]
    [InlineData("multiagency", "multi agency")]
    [InlineData("caseload", "case load")]
    [InlineData("multi-agency", "multiagency")]
    [InlineData("well being", "wellbeing")]
    public void Compounds_have_their_closed_or_split_form_as_a_candidate(string typed, string other) =>
        Assert.Contains(other, CompoundVariants.Of(typed));

    [Fact]
    public void A_closed_word_is_split_only_after_a_known_first_part_or_before_a_known_head() =>
        Assert.Empty(CompoundVariants.Of("understand"));
}

/// <summary>The examples of issue 22 over the published reports: each finds its paragraphs, with the expansion shown, and exact=true turns it off.</summary>
[Collection(CorpusCollection.Name)]
public class VocabularySearchTests(CorpusIndexFixture corpus)
{
    private SearchResult Search(string q, bool exact = false, string? authority = null) => corpus.Index.Search(new SearchRequest
    {
        Query = q,
        Exact = exact,
        PageSize = 10,
        Filters = authority is null ? SearchFilters.None : new SearchFilters { Authority = [authority] },
    });

    [Theory]
    [InlineData("LADO", "designated officer")]
    [InlineData("DoLS", "deprivation of liberty")]
    [InlineData("FGM", "female genital mutilation")]
    [InlineData("s20", "section 20")]
    [InlineData("GCP", "graded care profile")]
    [InlineData("B&B", "bed and breakfast")]
    [InlineData("IROs", "independent reviewing officer")]
    [InlineData("SGOs", "special guardianship")]
    [InlineData("UASCs", "unaccompanied")]
    [InlineData("radicalization", "radicalisation")]
    [InlineData("multiagency", "multi-agency")]
    [InlineData("county lines", "criminal exploitation")]
    [InlineData("kinship", "connected")]
    [InlineData("home schooling", "home education")]
    public void The_issue_examples_find_paragraphs_in_the_reports_own_words(string query, string printed)
    {
        var result = Search(query);
        Assert.NotEmpty(result.Expansions);
        Assert.Contains(result.Hits, h => h.Paragraph.Text.Contains(printed, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Exact_turns_every_expansion_off()
    {
        var result = Search("radicalization", exact: true);
        Assert.Empty(result.Expansions);
        Assert.Equal(0, result.Total);
        Assert.Empty(Search("LADO", exact: true).Expansions);
    }

    [Fact]
    public void Send_the_verb_is_not_expanded_and_SEND_the_acronym_is()
    {
        Assert.Empty(Search("send").Expansions);
        var acronym = Search("SEND");
        Assert.Contains(acronym.Expansions, e => e.Alternatives.Contains("special educational needs"));
        Assert.DoesNotContain(Search("special educational needs").Expansions.SelectMany(e => e.Alternatives), a => a == "send");
    }

    [Fact]
    public void A_paragraph_in_the_words_typed_ranks_above_one_holding_only_a_synonym()
    {
        var hits = Search("LADO", authority: "Greenwich").Hits;
        var typed = hits.Select((h, i) => (h, i)).Where(x => x.h.Paragraph.Text.Contains("LADO", StringComparison.Ordinal)).Select(x => x.i).ToList();
        var synonymOnly = hits.Select((h, i) => (h, i)).Where(x => !x.h.Paragraph.Text.Contains("LADO", StringComparison.Ordinal)).Select(x => x.i).ToList();
        if (typed.Count > 0 && synonymOnly.Count > 0) Assert.True(typed.Max() < synonymOnly.Min());
        Assert.NotEmpty(synonymOnly);
    }

    /// <summary>
    /// A concept typed in several words: paragraphs with the words together, then those in the concept's other words,
    /// then those that merely hold the words apart ("partner agencies ... staff", "doing well ... not being used").
    /// </summary>
    [Theory]
    [InlineData("agency staff", "Somerset", "agency staff|staff from agencies|locum|agency worker|agency social worker|temporary staff|interim staff", "agenc|staff")]
    [InlineData("well being", "Swindon", "well-being|wellbeing|well being", "well|being")]
    public void A_concepts_words_apart_rank_below_the_concept_in_other_words(string query, string authority, string concept, string typedWords)
    {
        var forms = concept.Split('|');
        var words = typedWords.Split('|');
        var hits = corpus.Index.Search(new SearchRequest { Query = query, PageSize = 50, Filters = new SearchFilters { Authority = [authority] } }).Hits;
        bool HasConcept(SearchHit h) => forms.Any(f => h.Paragraph.Text.Contains(f, StringComparison.OrdinalIgnoreCase));
        bool HasWords(SearchHit h) => words.All(w => h.Paragraph.Text.Contains(w, StringComparison.OrdinalIgnoreCase));
        var with = hits.Select((h, i) => (h, i)).Where(x => HasConcept(x.h)).Select(x => x.i).ToList();
        var apart = hits.Select((h, i) => (h, i)).Where(x => !HasConcept(x.h) && HasWords(x.h)).Select(x => x.i).ToList();
        Assert.NotEmpty(with);
        Assert.NotEmpty(apart); // the words apart still match: nothing is lost from the count
        Assert.True(with.Max() < apart.Min(), $"{query}: a paragraph with the words only apart ranks {apart.Min() + 1}, above one with the concept at {with.Max() + 1}");
    }

    [Fact]
    public void Each_word_of_a_concept_keeps_its_own_synonyms()
    {
        // "sibling contact": the report prints "brothers and sisters" (the group of "sibling") and "contact" a sentence apart.
        var result = Search("sibling contact", authority: "Hillingdon");
        Assert.Contains(result.Expansions, e => e.Typed == "sibling" && e.Alternatives.Contains("brothers and sisters"));
        Assert.Contains(result.Hits, h => h.Paragraph.Text.Contains("contact is given high priority", StringComparison.Ordinal));
        Assert.DoesNotContain(Search("sibling contact", exact: true, authority: "Hillingdon").Hits, h => h.Paragraph.Text.Contains("contact is given high priority", StringComparison.Ordinal));
    }
}
