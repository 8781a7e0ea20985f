using SearchService.Core.Enrichment;
using SearchService.Core.Metadata;
using SearchService.Core.Model;
using SearchService.Search.Indexing;
using SearchService.Search.Searching;

namespace SearchService.Search.Tests;

/// <summary>
/// Acronyms learned from the documents' own definitions: stored with the index, expanded both ways,
/// local names only in their authority's paragraphs, the curated vocabulary first, exact=true off.
/// </summary>
public sealed class LearnedAcronymTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "searchservice-learned-" + Guid.NewGuid().ToString("N"));
    private readonly ReportIndex _index;

    private static ReportDocument Document(string authority, params string[] paragraphs)
    {
        var ps = paragraphs.Select((t, i) => new Paragraph($"{authority.ToLowerInvariant()}~{i + 1}", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), i, ["Findings"], null, null, t, ParagraphKind.Text)).ToList();
        return new ReportDocument($"{authority.ToLowerInvariant()}-2024", $"Inspection of {authority}", "Inspection of local authority children's services", Framework.IlacsStandard, "Ofsted",
            Authorities.Find(authority), new FrontMatter(new DateOnly(2024, 1, 2), DateBasis.PrintedPublication, null, null, null), "x.txt", null, [], ps, [])
        {
            Definitions = AcronymDefinitions.In(ps),
        };
    }

    public LearnedAcronymTests()
    {
        using (var writer = new ReportIndexWriter(_folder))
        {
            writer.Add(Document("Coventry",
                "Neglect is assessed with the graded care profile (GCP) in most cases.",
                "Workers use the GCP well and managers check it.",
                "The Families First Team (FFT) works with schools across the city.",
                "The families first team visits parents at home.",
                "A local authority designated officer (LADO) handles allegations."));
            writer.Add(Document("Hillingdon",
                "The graded care profile (GCP) is embedded in early help.",
                "Some families receive FFT (functional family therapy) from health partners.",
                "The families first team of a neighbouring council was visited.",
                "Functional family therapy has a waiting list."));
            writer.Commit();
        }
        _index = ReportIndex.Open(_folder, new Synonyms([["LADO", "local authority designated officer", "designated officer"]]));
    }

    public void Dispose()
    {
        _index.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private SearchResult Search(string q, string? authority = null, bool exact = false) => _index.Search(new SearchRequest
    {
        Query = q,
        Exact = exact,
        PageSize = 20,
        Filters = authority is null ? SearchFilters.None : new SearchFilters { Authority = [authority] },
    });

    private static IEnumerable<string> Texts(SearchResult r) => r.Hits.Select(h => h.Paragraph.Text);

    [Fact]
    public void The_dictionary_is_stored_with_the_index_with_counts_authorities_and_a_source()
    {
        var gcp = Assert.Single(_index.Learned.Entries, e => e.Acronym == "GCP");
        Assert.Equal("graded care profile", gcp.FullForm);
        Assert.Equal(2, gcp.Count);
        Assert.True(gcp.Global);
        Assert.Equal("coventry~1", gcp.SourceParagraphId);
        Assert.Contains("Coventry, para. 1", gcp.SourceCitation);
        var families = Assert.Single(_index.Learned.Entries, e => e.FullForm == "families first team");
        Assert.False(families.Global);
        Assert.Equal(["Coventry"], families.Authorities);
    }

    [Fact]
    public void The_acronym_finds_its_full_form_and_the_full_form_its_acronym()
    {
        var byAcronym = Search("GCP");
        Assert.Contains(byAcronym.Expansions, e => e.Alternatives.Contains("graded care profile") && e.Learned.Any(l => l.Definition.Acronym == "GCP"));
        Assert.Contains("The graded care profile (GCP) is embedded in early help.", Texts(byAcronym));
        var byFullForm = Search("graded care profiles");
        Assert.Contains(byFullForm.Expansions, e => e.Alternatives.Contains("GCP"));
        Assert.Contains("Workers use the GCP well and managers check it.", Texts(byFullForm));
    }

    [Fact]
    public void A_local_name_is_searched_only_in_its_authority_s_paragraphs()
    {
        var all = Search("FFT");
        Assert.Contains("The families first team visits parents at home.", Texts(all));
        Assert.Contains("Functional family therapy has a waiting list.", Texts(all));
        // Hillingdon's papers never define FFT as the families first team: its paragraph on another council's team is not an FFT.
        Assert.DoesNotContain("The families first team of a neighbouring council was visited.", Texts(all));
        var expansion = Assert.Single(all.Expansions);
        Assert.All(expansion.Learned, l => Assert.False(l.Definition.Global));

        // Filtered to Hillingdon, Coventry's local name is not even tried.
        var hillingdon = Search("FFT", authority: "Hillingdon");
        Assert.DoesNotContain(hillingdon.Expansions.SelectMany(e => e.Alternatives), a => a == "families first team");
        Assert.Contains("Functional family therapy has a waiting list.", Texts(hillingdon));

        // The other way: the full form finds the acronym only where it was defined so.
        var team = Search("families first team");
        Assert.Contains(team.Expansions, e => e.Alternatives.Contains("FFT"));
        Assert.DoesNotContain("Some families receive FFT (functional family therapy) from health partners.", Texts(team));
    }

    [Fact]
    public void The_curated_vocabulary_wins_and_exact_turns_learning_off()
    {
        var lado = Search("LADO");
        Assert.All(lado.Expansions, e => Assert.Empty(e.Learned));
        Assert.Contains(lado.Expansions, e => e.Alternatives.Contains("designated officer"));
        var exact = Search("graded care profile", exact: true);
        Assert.Empty(exact.Expansions);
        Assert.Equal(2, exact.Total); // only the paragraphs that print the words
        Assert.All(Texts(exact), t => Assert.Contains("graded care profile", t, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void With_learning_off_nothing_is_learned_at_query_time()
    {
        using var off = ReportIndex.Open(_folder, Synonyms.Empty.With(VocabularyMechanisms.All & ~VocabularyMechanisms.Learned));
        var result = off.Search(new SearchRequest { Query = "graded care profiles", PageSize = 20 });
        Assert.Empty(result.Expansions);
        Assert.DoesNotContain("Workers use the GCP well and managers check it.", result.Hits.Select(h => h.Paragraph.Text));
    }
}
