using System.Text.RegularExpressions;
using SearchService.Core.Model;

namespace SearchService.Core.Metadata;

/// <summary>
/// The outcome areas, in one place: for each framework, the areas it judges under the headings it
/// prints (its own controlled vocabulary), and the cross-framework term each maps to, which is what
/// paragraphs, sections and facets carry. A single inspection's "Children looked after and achieving
/// permanence" and ILACS's "The experiences and progress of children in care" are both
/// <see cref="ChildrenInCare"/>; "Leadership, management and governance" and "The impact of leaders
/// on social work practice" are both <see cref="ImpactOfLeaders"/>. A heading is matched as a whole
/// (its printed number and a leading "The" aside), so prose that mentions an area never takes it.
/// </summary>
public static partial class OutcomeAreas
{
    // Cross-framework terms: the facet's values.
    public const string BeingHealthy = "Being healthy";
    public const string StayingSafe = "Staying safe";
    public const string EnjoyingAndAchieving = "Enjoying and achieving";
    public const string MakingAPositiveContribution = "Making a positive contribution";
    public const string AchievingEconomicWellBeing = "Achieving economic well-being";
    public const string OverallEffectiveness = "Overall effectiveness";
    public const string CapacityToImprove = "Capacity to improve";
    public const string LeadershipAndManagement = "Leadership and management";
    public const string QualityOfProvision = "Quality of provision";
    public const string AmbitionAndPrioritisation = "Ambition and prioritisation";
    public const string PerformanceManagement = "Performance management and quality assurance";
    public const string PartnershipWorking = "Partnership working";
    public const string EqualityAndDiversity = "Equality and diversity";
    public const string SafeAndFeelSafe = "Children and young people are safe and feel safe";
    public const string HealthContribution = "Health contribution to safeguarding";
    public const string ImpactOfLeaders = "Impact of leaders";
    public const string HelpAndProtection = "Help and protection";
    public const string ChildrenInCare = "Children in care";
    public const string OutcomesForLookedAfterChildren = "Outcomes for looked after children";
    public const string CareLeavers = "Care leavers";
    public const string Adoption = "Adoption performance";
    public const string Lscb = "Local Safeguarding Children Board";
    public const string EarlyYears = "Early years";
    public const string KeyStage2 = "Key stage 2";
    public const string KeyStage4 = "Key stage 4";
    public const string KeyStage5 = "Key stage 5";
    public const string Post16 = "Post-16 participation";
    public const string SchoolInspections = "Ofsted school inspections";
    public const string ImprovementPlan = "Improvement plan";

    /// <summary>Every Child Matters outcomes (and the safeguarding outcome that stands with them).</summary>
    public static readonly IReadOnlySet<string> Outcomes = new HashSet<string>
    {
        BeingHealthy, StayingSafe, EnjoyingAndAchieving, MakingAPositiveContribution, AchievingEconomicWellBeing, SafeAndFeelSafe,
    };

    /// <summary>
    /// One area of one framework's vocabulary: its name as the framework prints it, the
    /// cross-framework term it maps to, and the headings (normalised, see <see cref="Normalise"/>)
    /// that report it. A heading ending in "…" may go on ("capacity to improve, including …").
    /// </summary>
    public sealed record Term(string Name, string Common, IReadOnlyList<Framework> Frameworks, IReadOnlyList<string> Headings);

    private static readonly Framework[] Ilacs = [Framework.IlacsStandard, Framework.IlacsShort, Framework.Ilacs, Framework.FocusedVisit, Framework.MonitoringVisit];
    private static readonly Framework[] Single = [Framework.SingleInspection, Framework.LscbReview];
    private static readonly Framework[] Lac = [Framework.LookedAfterChildrenInspection, Framework.SafeguardingAndLookedAfterChildrenInspection];
    private static readonly Framework[] Slac = [Framework.SafeguardingAndLookedAfterChildrenInspection];
    private static readonly Framework[] LacAndApa = [.. Lac, Framework.AnnualPerformanceAssessment];
    private static readonly Framework[] Apa = [Framework.AnnualPerformanceAssessment];
    private static readonly Framework[] Annual = [Framework.AnnualChildrensServicesAssessment];
    private static readonly Framework[] Papers = [Framework.CouncilPapers, Framework.Unknown];

    /// <summary>Each framework's vocabulary with its cross-framework mapping (the README's table is this list).</summary>
    public static IReadOnlyList<Term> Vocabulary { get; } =
    [
        // ILACS, 2018–: the judgement table's and the body's headings.
        new("The impact of leaders on social work practice with children and families", ImpactOfLeaders, Ilacs,
            ["impact of leaders on social work practice with children and families", "impact of leaders…"]),
        new("The experiences and progress of children who need help and protection", HelpAndProtection, Ilacs,
            ["experiences and progress of children who need help and protection"]),
        new("The experiences and progress of children in care and care leavers", ChildrenInCare, Ilacs,
            ["experiences and progress of children in care and care leavers"]),
        new("The experiences and progress of children in care", ChildrenInCare, Ilacs, ["experiences and progress of children in care"]),
        new("The experiences and progress of care leavers", CareLeavers, Ilacs, ["experiences and progress of care leavers", "experiences and progress of children care leavers"]),
        new("Overall effectiveness", OverallEffectiveness, Ilacs, ["overall effectiveness"]),

        // Single inspections and LSCB reviews, 2013–2018: the numbered judgements and the body's headings.
        new("Children who need help and protection", HelpAndProtection, Single,
            ["children who need help and protection", "experiences and progress of children who need help and protection"]),
        new("Children looked after and achieving permanence", ChildrenInCare, Single,
            ["children looked after and achieving permanence", "experiences and progress of children looked after and achieving permanence", "experience and progress of children looked after and achieving permanence"]),
        new("Adoption performance", Adoption, Single,
            ["adoption performance", "graded judgement for adoption performance", "graded judgement about adoption performance"]),
        new("Experiences and progress of care leavers", CareLeavers, Single,
            ["experiences and progress of care leavers", "experience and progress of care leavers",
             "graded judgement about the experience and progress of care leavers", "graded judgement about the experiences and progress of care leavers",
             "graded judgement for the experiences and progress of care leavers", "graded judgement for the experience and progress of care leavers"]),
        new("Leadership, management and governance", ImpactOfLeaders, Single, ["leadership, management and governance", "leadership management and governance"]),
        new("Local Safeguarding Children Board", Lscb, Single,
            ["local safeguarding children board", "local safeguarding children board (lscb)", "local safeguarding children boards", "lscb", "review of the effectiveness of the local safeguarding children board",
             "effectiveness of the local safeguarding children board", "effectiveness of the local safeguarding children board (lscb)", "local safeguarding children's board"]),
        new("Overall effectiveness", OverallEffectiveness, Single, ["overall effectiveness"]),

        // Inspections of looked after children (2012–13) and of safeguarding and looked after children (2009–12).
        new("Overall effectiveness", OverallEffectiveness, Lac,
            ["overall effectiveness", "overall effectiveness of services for looked after children and young people", "overall effectiveness of services for looked after children…"]),
        new("Capacity for improvement", CapacityToImprove, Lac, ["capacity for improvement…", "capacity to improve…"]),
        // Judged as one area in 2012–13 (judgements.csv keeps it apart from ILACS's children in care, and so do we).
        new("Outcomes for looked after children and young people", OutcomesForLookedAfterChildren, [Framework.LookedAfterChildrenInspection],
            ["outcomes for looked after children and young people", "outcomes for looked after children"]),
        new("Children and young people are safe and feel safe", SafeAndFeelSafe, Slac, ["children and young people are safe and feel safe"]),
        new("The contribution of health agencies to keeping children and young people safe", HealthContribution, Slac,
            ["contribution of health agencies to keeping children and young people safe"]),
        new("Quality of provision", QualityOfProvision, Lac, ["quality of provision"]),
        new("Ambition and prioritisation", AmbitionAndPrioritisation, Lac, ["ambition and prioritisation", "ambition and prioritization"]),
        new("Leadership and management", LeadershipAndManagement, Lac, ["leadership and management"]),
        new("Performance management and quality assurance", PerformanceManagement, Lac, ["performance management and quality assurance"]),
        new("Partnership working", PartnershipWorking, Lac, ["partnership working"]),
        new("Equality and diversity", EqualityAndDiversity, Lac, ["equality and diversity"]),

        // The Every Child Matters outcomes: APA letters (2005–08) and the outcomes for looked after children (2009–13).
        new("Being healthy", BeingHealthy, LacAndApa, ["being healthy"]),
        new("Staying safe", StayingSafe, LacAndApa, ["staying safe"]),
        new("Enjoying and achieving", EnjoyingAndAchieving, LacAndApa, ["enjoying and achieving"]),
        new("Making a positive contribution", MakingAPositiveContribution, LacAndApa, ["making a positive contribution…"]),
        new("Achieving economic well-being", AchievingEconomicWellBeing, LacAndApa,
            ["achieving economic well-being", "achieving economic wellbeing", "economic well-being", "economic wellbeing"]),
        new("Overall effectiveness of children's services", OverallEffectiveness, Apa, ["overall effectiveness of children's services", "overall effectiveness"]),
        new("Capacity to improve", CapacityToImprove, Apa, ["capacity to improve…", "capacity for improvement…"]),

        // Annual children's services assessments (2009–12): one judgement.
        new("Children's services assessment", OverallEffectiveness, Annual, ["children's services assessment", "childrens services assessment"]),

        // Council scrutiny papers: the themes they report under (not judged).
        new("Early years", EarlyYears, Papers, ["early years foundation stage", "early years foundation stage profile", "early years"]),
        new("Key stage 2", KeyStage2, Papers, ["key stage 2…"]),
        new("Key stage 4", KeyStage4, Papers, ["key stage 4…"]),
        new("Key stage 5", KeyStage5, Papers, ["key stage 5…"]),
        new("Post-16 participation", Post16, Papers, ["post-16 participation…", "post 16 participation…"]),
        new("Ofsted school inspections", SchoolInspections, Papers, ["ofsted", "ofsted school inspections", "ofsted school inspection", "ofsted inspections of schools", "ofsted inspection of schools"]),
        new("Improvement plan", ImprovementPlan, Papers, ["improvement plan…", "children's services improvement plan…"]),
    ];

    /// <summary>All cross-framework terms, for facets and validation.</summary>
    public static readonly IReadOnlyList<string> All = Vocabulary.Select(t => t.Common).Distinct().ToList();

    /// <summary>The cross-framework term a heading names, or null when it names none.</summary>
    public static string? FromHeading(string heading, Framework? framework = null) => TermFor(heading, framework)?.Common;

    /// <summary>
    /// The vocabulary term a heading names: the framework's own where it has one, else any
    /// framework's (a report quoting another framework's heading still names that area).
    /// </summary>
    public static Term? TermFor(string heading, Framework? framework = null)
    {
        var h = Normalise(heading);
        if (h.Length == 0) return null;
        // A board printed under its own name ("the Swindon Safeguarding Children Board (SSCB)"), its
        // effectiveness or the judgement of it ("The judgement for the effectiveness of the LSCB") is the LSCB.
        h = LocalBoard().Replace(h, "effectiveness of the local safeguarding children board");
        Term? any = null;
        foreach (var term in Vocabulary)
        {
            if (!term.Headings.Any(p => Matches(h, p))) continue;
            if (framework is null || term.Frameworks.Contains(framework.Value)) return term;
            any ??= term;
        }
        return any;
    }

    /// <summary>
    /// Whether text could be the start of an area heading printed over more lines ("The experiences
    /// and progress of", "Leadership, management and"): a prefix, word by word, of some heading.
    /// </summary>
    public static bool StartsHeading(string text)
    {
        var h = Normalise(text);
        if (h.Length == 0) return false;
        foreach (var term in Vocabulary)
            foreach (var p in term.Headings)
            {
                var phrase = p.TrimEnd('…');
                if (phrase.Length > h.Length && phrase.StartsWith(h, StringComparison.Ordinal) && phrase[h.Length] == ' ') return true;
            }
        return false;
    }

    /// <summary>The cross-framework term for a user's spelling of an area ("staying safe", "children in care", a framework's own name).</summary>
    public static string? Canonical(string name)
    {
        var n = Normalise(name);
        return All.FirstOrDefault(a => Normalise(a) == n) ?? FromHeading(name);
    }

    private static bool Matches(string heading, string phrase)
    {
        if (!phrase.EndsWith('…')) return heading == phrase;
        var stem = phrase[..^1];
        return heading.StartsWith(stem, StringComparison.Ordinal) && (heading.Length == stem.Length || heading[stem.Length] is ' ' or ',' or '(' or ':');
    }

    /// <summary>
    /// A heading as compared: lower case, quotes and dashes folded, white space collapsed, its
    /// printed number ("2.1", "3.") and a leading "the" taken off, closing punctuation dropped.
    /// </summary>
    public static string Normalise(string s)
    {
        var t = s.Trim().Replace('’', '\'').Replace('‘', '\'').Replace('–', '-').Replace('—', '-').ToLowerInvariant();
        t = string.Join(' ', t.Split((char[])[' ', '\t', '\n', '\r', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));
        t = t.Trim(' ', ':', '.', '?', '*');
        int i = 0;
        while (i < t.Length && (char.IsDigit(t[i]) || t[i] == '.')) i++;
        if (i > 0 && i < t.Length && t[i] == ' ') t = t[(i + 1)..];
        // Ofsted prints both spellings ("The graded judgment for adoption performance is good").
        t = t.Replace("judgment", "judgement", StringComparison.Ordinal);
        // A part's number ("Section 2: The effectiveness of …") as a printed number.
        if (PartNumber().Match(t) is { Success: true } part) t = t[part.Length..];
        if (t.StartsWith("the ", StringComparison.Ordinal)) t = t[4..];
        return t;
    }

    [GeneratedRegex(@"^section \d+: ")]
    private static partial Regex PartNumber();

    // "[the judgement for] [the effectiveness of] the Hartlepool Safeguarding Children Board [(HSCB)]", "… of the LSCB".
    [GeneratedRegex(@"^(?:(?:graded )?judgement (?:for|about|on|of) (?:the )?)?(?:effectiveness of (?:the )?)?(?:(?:[a-z'&-]+ ){1,6}safeguarding children'?s? board(?: \([a-z]{3,6}\))?|lscb)$")]
    private static partial Regex LocalBoard();
}
