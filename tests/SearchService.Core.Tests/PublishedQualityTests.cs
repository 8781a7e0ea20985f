using SearchService.Core.Enrichment;
using SearchService.Core.Model;
using SearchService.Core.Quality;

namespace SearchService.Core.Tests;

/// <summary>
/// The data-quality listing over the seeds and the published reports: it lists what the corpus
/// tests know to be unresolved, and does not cry wolf on reports that read right.
/// </summary>
public class PublishedQualityTests(ITestOutputHelper output)
{
    /// <summary>
    /// The kind of finding a known miss of the corpus tests stands for, when that miss is a value the
    /// reader did not get at all (an authority filed as "Unknown", a type "Other", a date or judgement
    /// read as nothing). A miss whose read value is present but wrong is not unresolved, so the listing
    /// cannot see it and does not claim to.
    /// </summary>
    private static QualityProblem? Unresolved(Miss m, Framework framework) => m.Check switch
    {
        "authority" when m.Read == ReportDocument.UnresolvedAuthority => QualityProblem.AuthorityUnresolved,
        "la_code" or "ons_code" or "region" when m.Read.Length == 0 => QualityProblem.AuthorityUnresolved,
        "document_type" when m.Read == DocumentTypes.Other => QualityProblem.TypeUnrecognised,
        "inspection_start" or "inspection_end" when m.Read.Length == 0 && QualityRules.PrintsInspectionDates(framework) => QualityProblem.InspectionDatesUnread,
        "publication_date" or "publication_year" when m.Read.Length == 0 => QualityProblem.PublicationDateUnread,
        "impact_of_leaders" or "help_and_protection" or "children_in_care" or "care_leavers" or "overall_effectiveness"
            when m.Read.Length == 0 && m.Expected.Length > 0 && QualityRules.AlwaysJudged(framework).Contains(Area(m.Check)) => QualityProblem.JudgementsUnread,
        _ => null,
    };

    private static string Area(string column) => column switch
    {
        "impact_of_leaders" => Metadata.OutcomeAreas.ImpactOfLeaders,
        "help_and_protection" => Metadata.OutcomeAreas.HelpAndProtection,
        "children_in_care" => Metadata.OutcomeAreas.ChildrenInCare,
        "care_leavers" => Metadata.OutcomeAreas.CareLeavers,
        _ => Metadata.OutcomeAreas.OverallEffectiveness,
    };

    /// <summary>
    /// Over every published report, the listing's entries are exactly (a) the known misses of the
    /// authority, type, date and judgement checks that are unresolved values, and (b) the defects only
    /// the listing checks (a graded heading naming no area, a judgement table whose rows did not pair),
    /// each listed with its reason in Data/known-misses/quality.tsv. Anything else is the listing crying
    /// wolf (or a new defect), and fails.
    /// </summary>
    [Fact]
    public void Over_the_published_reports_the_listing_is_exactly_the_known_unresolved_readings()
    {
        Assert.True(PublishedReports.Available, $"the shared corpus is not at {PublishedReports.Folder}");
        var documents = PublishedReports.Documents.ToList();
        var frameworkOf = documents.GroupBy(d => d.SourceFile).ToDictionary(g => g.Key, g => g.First().Framework);
        var expected = new[] { "judgements", "frontmatter" }.SelectMany(KnownMisses.Load)
            .Select(k => (k.Miss.File, Kind: frameworkOf.TryGetValue(k.Miss.File, out var f) ? Unresolved(k.Miss, f) : null))
            .Where(x => x.Kind is not null).Select(x => (x.File, x.Kind!.Value)).ToHashSet();

        var listing = QualityListing.Of(documents, []);
        var listed = listing.Entries.SelectMany(e => e.Findings.Select(f => (e.FileName, f))).ToList();
        foreach (var (file, finding) in listed) output.WriteLine($"{file}\t{QualityProblems.Name(finding.Problem)}\t{finding.Detail}");
        output.WriteLine($"{listing.Documents} documents, {listing.DocumentsNeedingALook} listed; {expected.Count} expected from the corpus tests' known misses");

        var missing = expected.Where(x => !listed.Any(l => l.FileName == x.File && l.f.Problem == x.Item2)).ToList();
        Assert.True(missing.Count == 0, "known unresolved readings the listing does not list: " + string.Join("; ", missing));
        var others = listed.Where(l => !expected.Contains((l.FileName, l.f.Problem)))
            .Select(l => new Miss(l.FileName, "quality", QualityProblems.Name(l.f.Problem), l.f.Detail));
        var verdict = KnownMisses.Verdict("quality", others, KnownMisses.Load("quality"));
        Assert.True(verdict is null, verdict);
    }

    /// <summary>The seeds (two APA letters, an annual assessment, a safeguarding and LAC inspection, council papers) read clean.</summary>
    [Fact]
    public void The_seed_documents_read_clean()
    {
        var listing = QualityListing.Of(SeedCorpus.All, []);
        Assert.True(listing.Entries.Count == 0, string.Join("\n", listing.Entries.Select(e => $"{e.FileName} {e.DocumentId}: {e.Detail}")));
        Assert.True(listing.Documents >= 5);
    }

    /// <summary>
    /// Found by the listing: Hartlepool 2014's front table was followed by the LSCB's judgement printed as a
    /// sentence, whose grade words were taken into the table, so its rows could not be paired. The table
    /// now ends at that sentence (as at any LSCB heading) and its five rows are read.
    /// </summary>
    [Fact]
    public void A_single_inspection_front_table_ends_at_the_lscb_judgement_sentence()
    {
        var d = PublishedReports.Outcome("80473_hartlepool_2014-02-11.pdf").Documents.Single();
        Assert.Empty(d.Findings);
        var table = d.Judgements.Where(j => j.Source == JudgementSource.Table).Select(j => (j.Area, j.Grade.Label)).ToList();
        Assert.Contains((Metadata.OutcomeAreas.Adoption, "good"), table);
        Assert.Contains((Metadata.OutcomeAreas.CareLeavers, "good"), table);
    }

    [Fact]
    public void The_file_that_is_not_a_pdf_is_listed_as_not_read_with_its_reason()
    {
        var outcome = PublishedReports.Outcome("80490_bromley_2012-08-17.pdf");
        var entry = Assert.Single(QualityListing.Of([], UnreadFile.From([outcome])).Entries);
        Assert.Equal((null, "80490_bromley_2012-08-17.pdf", QualityProblem.FileNotRead), (entry.DocumentId, entry.FileName, entry.Problems.Single()));
        Assert.Contains("not a PDF", entry.Detail, StringComparison.Ordinal);
    }
}
