using System.Globalization;
using SearchService.Core.Metadata;
using SearchService.Core.Model;

namespace SearchService.Core.Enrichment;

/// <summary>
/// The data-quality findings of a document, worked out when it is read: what a framework's
/// published layout always prints (an authority, a publication date, the inspection's dates on an
/// inspection's front page, the judgements every report of the framework carries) and the reader
/// did not get. A finding says only what is missing or contradictory; a value read wrongly but
/// plausibly cannot be seen from the document alone (the corpus tests catch those).
/// </summary>
public static class QualityRules
{
    /// <summary>
    /// The judgement areas (cross-framework terms) every report of a framework prints. ILACS's overall
    /// effectiveness is not among them: the framework's 2026 layout grades the four areas without one.
    /// Frameworks absent here print no judgements of their own (visits, council papers) or vary in
    /// what they judge.
    /// </summary>
    public static IReadOnlyList<string> AlwaysJudged(Framework framework) => framework switch
    {
        Framework.IlacsStandard or Framework.IlacsShort or Framework.Ilacs =>
            [OutcomeAreas.ImpactOfLeaders, OutcomeAreas.HelpAndProtection, OutcomeAreas.ChildrenInCare],
        Framework.SingleInspection =>
            [OutcomeAreas.OverallEffectiveness, OutcomeAreas.HelpAndProtection, OutcomeAreas.ChildrenInCare, OutcomeAreas.CareLeavers, OutcomeAreas.ImpactOfLeaders],
        Framework.LscbReview => [OutcomeAreas.Lscb],
        Framework.LookedAfterChildrenInspection or Framework.SafeguardingAndLookedAfterChildrenInspection => [OutcomeAreas.OverallEffectiveness],
        Framework.AnnualPerformanceAssessment => [OutcomeAreas.OverallEffectiveness],
        _ => [],
    };

    /// <summary>Whether the framework's front page prints the first and last day of the inspection.</summary>
    public static bool PrintsInspectionDates(Framework framework) => framework is Framework.IlacsStandard or Framework.IlacsShort or Framework.Ilacs
        or Framework.SingleInspection or Framework.LscbReview or Framework.LookedAfterChildrenInspection or Framework.SafeguardingAndLookedAfterChildrenInspection;

    /// <param name="document">The document as read and enriched.</param>
    /// <param name="unreadJudgementTable">The recogniser found a judgement table's header but could not pair its rows with grades.</param>
    public static IReadOnlyList<QualityFinding> Check(ReportDocument document, bool unreadJudgementTable = false)
    {
        var findings = new List<QualityFinding>();
        void Add(QualityProblem problem, string detail) => findings.Add(new QualityFinding(problem, detail));

        if (document.LocalAuthority is null)
            Add(QualityProblem.AuthorityUnresolved, "the authority could not be resolved to a row of the gazetteer from the title, front page or council name; filed under \"Unknown\"");
        if (document.DocumentType == DocumentTypes.Other || document.Framework == Framework.Unknown)
            Add(QualityProblem.TypeUnrecognised, "not recognised as any framework's report or letter, nor as council papers; typed \"Other\"");

        if (document.Date is null)
            Add(QualityProblem.PublicationDateUnread, "no publication date: none printed, and no letter, meeting or PDF production date");
        else if (document.InspectionEnd is { } end && document.Date < end && document.FrontMatter.PublishedBasis == DateBasis.PrintedPublication)
            Add(QualityProblem.PublicationDateUnread, $"the publication date read ({Day(document.Date.Value)}) is before the inspection ended ({Day(end)})");

        if (PrintsInspectionDates(document.Framework))
        {
            var name = Frameworks.Name(document.Framework);
            if (document.InspectionStart is null && document.InspectionEnd is null)
                Add(QualityProblem.InspectionDatesUnread, $"no inspection dates read (a {name} prints them on its front page)");
            else if (document.InspectionStart is null || document.InspectionEnd is null)
                Add(QualityProblem.InspectionDatesUnread, $"only the inspection's {(document.InspectionStart is null ? "last" : "first")} day was read");
            else if (document.InspectionEnd < document.InspectionStart)
                Add(QualityProblem.InspectionDatesUnread, $"the inspection ends ({Day(document.InspectionEnd.Value)}) before it starts ({Day(document.InspectionStart.Value)})");
        }

        var always = AlwaysJudged(document.Framework);
        var missing = always.Where(area => !document.Judgements.Any(j => j.Area == area)).ToList();
        if (always.Count > 0 && document.Judgements.Count == 0)
            Add(QualityProblem.JudgementsUnread, $"no judgements read, where a {Frameworks.Name(document.Framework)} prints {List(always)}");
        else if (missing.Count > 0)
            Add(QualityProblem.JudgementsUnread, $"no judgement read for {List(missing)}, which every {Frameworks.Name(document.Framework)} prints");
        if (unreadJudgementTable)
            Add(QualityProblem.JudgementsUnread, "a judgement table is printed, but its rows could not be paired with their grades");

        foreach (var j in document.Judgements.Where(j => j.FrameworkArea is null && !OutcomeAreas.All.Contains(j.Area)))
            Add(QualityProblem.GradedHeadingWithoutArea, j.Source == JudgementSource.Section
                ? $"the heading \"{(j.SectionPath.Count > 0 ? j.SectionPath[^1] : j.Area)}\" is graded \"{j.Grade.Raw}\" but names no outcome area of the {Frameworks.Name(document.Framework)}"
                : $"the judgement table row \"{j.Area}\" ({j.Grade.Raw}) names no outcome area of the {Frameworks.Name(document.Framework)}");
        return findings;
    }

    private static string Day(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string List(IReadOnlyList<string> areas) => areas.Count switch
    {
        1 => $"\"{areas[0]}\"",
        _ => string.Join(", ", areas.Take(areas.Count - 1).Select(a => $"\"{a}\"")) + $" and \"{areas[^1]}\"",
    };
}
