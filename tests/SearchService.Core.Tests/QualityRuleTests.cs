using SearchService.Core.Enrichment;
using SearchService.Core.Metadata;
using SearchService.Core.Model;
using SearchService.Core.Quality;

namespace SearchService.Core.Tests;

/// <summary>The data-quality rules, table-driven: a document with each defect gives that finding (and only it); a clean one gives none.</summary>
public class QualityRuleTests
{
    private static Judgement Judged(string area, string? frameworkArea = "printed", JudgementSource source = JudgementSource.Table, string heading = "") =>
        new(area, heading.Length > 0 ? ["Judgements", heading] : ["Judgements", area], new Grade(GradeLabels.Good, "Good", GradeScale.Words), null, source)
        {
            FrameworkArea = frameworkArea is null ? null : area,
        };

    /// <summary>A clean ILACS standard inspection: a gazetteer authority, printed publication date after the inspection, the four judgements.</summary>
    private static ReportDocument Clean() => new(
        "coventry-2022-11-25-ilacs", "Inspection of Coventry local authority children's services", DocumentTypes.Ilacs, Framework.IlacsStandard, "Ofsted",
        Authorities.Resolve("Coventry"),
        new FrontMatter(new DateOnly(2022, 11, 25), DateBasis.PrintedPublication, new DateOnly(2022, 10, 3), new DateOnly(2022, 10, 14), "Jane Smith"),
        "80456_coventry_2022-11-25.pdf", null, [], [],
        [Judged(OutcomeAreas.OverallEffectiveness), Judged(OutcomeAreas.ImpactOfLeaders), Judged(OutcomeAreas.HelpAndProtection), Judged(OutcomeAreas.ChildrenInCare)]);

    private static readonly Dictionary<string, Func<ReportDocument, ReportDocument>> Defects = new()
    {
        ["authority not in the gazetteer"] = d => d with { LocalAuthority = null },
        ["type not recognised"] = d => d with { DocumentType = DocumentTypes.Other, Framework = Framework.Unknown, Judgements = [] },
        ["no publication date"] = d => d with { FrontMatter = d.FrontMatter with { Published = null, PublishedBasis = DateBasis.None } },
        ["printed publication before the inspection ended"] = d => d with { FrontMatter = d.FrontMatter with { Published = new DateOnly(2022, 10, 1) } },
        ["no inspection dates"] = d => d with { FrontMatter = d.FrontMatter with { InspectionStart = null, InspectionEnd = null } },
        ["only the first inspection day"] = d => d with { FrontMatter = d.FrontMatter with { InspectionEnd = null } },
        ["inspection ends before it starts"] = d => d with { FrontMatter = d.FrontMatter with { InspectionStart = new DateOnly(2022, 10, 20) } },
        ["no judgements"] = d => d with { Judgements = [] },
        ["fewer judgements than the framework prints"] = d => d with { Judgements = d.Judgements.Where(j => j.Area != OutcomeAreas.HelpAndProtection).ToList() },
        ["graded heading naming no area"] = d => d with { Judgements = [.. d.Judgements, Judged("Social work practice", frameworkArea: null, JudgementSource.Section)] },
        ["judgement table row naming no area"] = d => d with { Judgements = [.. d.Judgements, Judged("Practice in the front door", frameworkArea: null)] },
        ["single inspection without care leavers"] = d => d with
        {
            Framework = Framework.SingleInspection,
            DocumentType = DocumentTypes.SingleInspection,
            Judgements = [Judged(OutcomeAreas.OverallEffectiveness), Judged(OutcomeAreas.HelpAndProtection), Judged(OutcomeAreas.ChildrenInCare), Judged(OutcomeAreas.ImpactOfLeaders)],
        },
        ["LSCB review without its judgement"] = d => d with { Framework = Framework.LscbReview, DocumentType = DocumentTypes.LscbReview, Judgements = [] },
    };

    [Fact]
    public void A_clean_document_has_no_findings() => Assert.Empty(QualityRules.Check(Clean()));

    [Theory]
    [InlineData("authority not in the gazetteer", QualityProblem.AuthorityUnresolved, "gazetteer")]
    [InlineData("type not recognised", QualityProblem.TypeUnrecognised, "Other")]
    [InlineData("no publication date", QualityProblem.PublicationDateUnread, "no publication date")]
    [InlineData("printed publication before the inspection ended", QualityProblem.PublicationDateUnread, "before the inspection ended (14 October 2022)")]
    [InlineData("no inspection dates", QualityProblem.InspectionDatesUnread, "no inspection dates read")]
    [InlineData("only the first inspection day", QualityProblem.InspectionDatesUnread, "only the inspection's first day")]
    [InlineData("inspection ends before it starts", QualityProblem.InspectionDatesUnread, "before it starts")]
    [InlineData("no judgements", QualityProblem.JudgementsUnread, "no judgements read")]
    [InlineData("fewer judgements than the framework prints", QualityProblem.JudgementsUnread, "\"Help and protection\"")]
    [InlineData("graded heading naming no area", QualityProblem.GradedHeadingWithoutArea, "the heading \"Social work practice\" is graded \"Good\"")]
    [InlineData("judgement table row naming no area", QualityProblem.GradedHeadingWithoutArea, "table row \"Practice in the front door\"")]
    [InlineData("single inspection without care leavers", QualityProblem.JudgementsUnread, "\"Care leavers\", which every Single inspection prints")]
    [InlineData("LSCB review without its judgement", QualityProblem.JudgementsUnread, "\"Local Safeguarding Children Board\"")]
    public void Each_defect_gives_its_finding_and_only_it(string defect, QualityProblem problem, string detail)
    {
        var findings = QualityRules.Check(Defects[defect](Clean()));
        var finding = Assert.Single(findings);
        Assert.Equal(problem, finding.Problem);
        Assert.Contains(detail, finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_judgement_table_whose_rows_could_not_be_paired_is_a_finding_even_when_the_judgements_were_read()
    {
        var finding = Assert.Single(QualityRules.Check(Clean(), unreadJudgementTable: true));
        Assert.Equal(QualityProblem.JudgementsUnread, finding.Problem);
    }

    [Theory]
    [InlineData(Framework.FocusedVisit)]
    [InlineData(Framework.MonitoringVisit)]
    [InlineData(Framework.CouncilPapers)]
    [InlineData(Framework.AnnualChildrensServicesAssessment)]
    public void Frameworks_that_print_no_inspection_dates_or_fixed_judgements_are_not_asked_for_them(Framework framework)
    {
        var d = Clean() with { Framework = framework, FrontMatter = Clean().FrontMatter with { InspectionStart = null, InspectionEnd = null }, Judgements = [] };
        Assert.Empty(QualityRules.Check(d));
    }

    [Fact]
    public void An_ilacs_report_without_an_overall_effectiveness_grade_is_clean_as_the_2026_layout_prints_none() =>
        Assert.Empty(QualityRules.Check(Clean() with { Judgements = Clean().Judgements.Where(j => j.Area != OutcomeAreas.OverallEffectiveness).ToList() }));

    [Fact]
    public void A_date_known_only_from_the_pdf_is_not_a_finding() =>
        Assert.Empty(QualityRules.Check(Clean() with { FrontMatter = Clean().FrontMatter with { PublishedBasis = DateBasis.PdfProduced } }));

    [Fact]
    public void Every_defect_at_once_gives_every_finding_in_one_entry_with_the_problems_once_each()
    {
        var d = Clean() with { LocalAuthority = null, Judgements = [], FrontMatter = FrontMatter.None };
        var listing = QualityListing.Of([d with { Findings = QualityRules.Check(d) }, Clean()], [new UnreadFile("/x/broken.pdf", "not a PDF", Skipped: false)]);
        Assert.Equal(2, listing.Documents);
        Assert.Equal((1, 1), (listing.DocumentsNeedingALook, listing.FilesNotIndexed));
        var entry = listing.Entries.Single(e => e.DocumentId is not null);
        Assert.Equal([QualityProblem.AuthorityUnresolved, QualityProblem.PublicationDateUnread, QualityProblem.InspectionDatesUnread, QualityProblem.JudgementsUnread], entry.Problems);
        Assert.Equal("80456_coventry_2022-11-25.pdf", entry.FileName);
        var file = listing.Entries.Single(e => e.DocumentId is null);
        Assert.Equal(("broken.pdf", QualityProblem.FileNotRead, "not a PDF"), (file.FileName, file.Problems.Single(), file.Detail));
        Assert.Equal(1, listing.Counts["file-not-read"]);
        Assert.Equal(1, listing.Counts["authority-unresolved"]);
    }
}
