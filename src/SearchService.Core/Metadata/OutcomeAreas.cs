using System.Text.RegularExpressions;

namespace SearchService.Core.Metadata;

/// <summary>
/// The controlled vocabulary of outcome areas, kept in one place: the Every Child Matters outcomes,
/// the judgement areas of the 2007–2013 frameworks, the ILACS judgements, and the education phases
/// and themes of scrutiny papers. Each canonical name has the headings that report it.
/// </summary>
public static partial class OutcomeAreas
{
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

    // Heading patterns, tried in order against a normalised heading (lower case, no punctuation at the ends).
    // Anchored so that prose that merely mentions an area is never taken for its heading.
    private static readonly (Regex Pattern, string Area)[] Headings =
    [
        (R(@"^overall effectiveness( of (children'?s services|services for looked after children.*))?$"), OverallEffectiveness),
        (R(@"^children'?s services assessment$"), OverallEffectiveness),
        (R(@"^capacity (to|for) improve(ment)?\b.*$"), CapacityToImprove),
        (R(@"^being healthy$"), BeingHealthy),
        (R(@"^staying safe$"), StayingSafe),
        (R(@"^enjoying and achieving$"), EnjoyingAndAchieving),
        (R(@"^making a positive contribution\b.*$"), MakingAPositiveContribution),
        (R(@"^(achieving )?economic well-?being$"), AchievingEconomicWellBeing),
        (R(@"^children and young people are safe and feel safe$"), SafeAndFeelSafe),
        (R(@"^the contribution of health agencies to keeping children and young people safe$"), HealthContribution),
        (R(@"^quality of provision$"), QualityOfProvision),
        (R(@"^ambition and prioriti[sz]ation$"), AmbitionAndPrioritisation),
        (R(@"^leadership and management$"), LeadershipAndManagement),
        (R(@"^performance management and quality assurance$"), PerformanceManagement),
        (R(@"^partnership working$"), PartnershipWorking),
        (R(@"^equality and diversity$"), EqualityAndDiversity),
        (R(@"^(the )?impact of leaders\b.*$"), ImpactOfLeaders),
        (R(@"^(3\.? )?leadership,? management and governance$"), ImpactOfLeaders),
        (R(@"^(the )?experiences and progress of children who need help and protection$"), HelpAndProtection),
        (R(@"^(1\.? )?children who need help and protection$"), HelpAndProtection),
        (R(@"^(the )?experiences and progress of children in care( and care leavers)?$"), ChildrenInCare),
        (R(@"^(2\.? )?children looked after and achieving permanence$"), ChildrenInCare),
        (R(@"^(the )?experiences and progress of (children )?care leavers$"), CareLeavers),
        (R(@"^(2\.2\.? )?(the )?experiences and progress of care leavers$"), CareLeavers),
        (R(@"^(2\.1\.? )?adoption performance$"), Adoption),
        (R(@"^(the )?(review of the )?(effectiveness of the )?local safeguarding children'?s? board\b.*$"), Lscb),
        (R(@"^(early years foundation stage( profile)?|early years)$"), EarlyYears),
        (R(@"^(\d+\.? )?key stage 2\b( ?\(.*\))?$"), KeyStage2),
        (R(@"^(\d+\.? )?key stage 4\b( ?\(.*\))?$"), KeyStage4),
        (R(@"^(\d+\.? )?key stage 5\b( ?\(.*\))?$"), KeyStage5),
        (R(@"^(\d+\.? )?post[- ]16 participation\b.*$"), Post16),
        (R(@"^(\d+\.? )?ofsted( school inspections?| inspections? of schools)?$"), SchoolInspections),
        (R(@"^(\d+\.? )?(children'?s services )?improvement plan\b.*$"), ImprovementPlan),
    ];

    /// <summary>All canonical names, for facets and validation.</summary>
    public static readonly IReadOnlyList<string> All = Headings.Select(h => h.Area).Distinct().ToList();

    /// <summary>The outcome area a heading names, or null when it names none.</summary>
    public static string? FromHeading(string heading)
    {
        var h = Normalise(heading);
        foreach (var (pattern, area) in Headings)
            if (pattern.IsMatch(h)) return area;
        return null;
    }

    /// <summary>The canonical name for a user's spelling of an area ("staying safe", "Children in care").</summary>
    public static string? Canonical(string name)
    {
        var n = Normalise(name);
        return All.FirstOrDefault(a => Normalise(a) == n) ?? FromHeading(name);
    }

    internal static string Normalise(string s)
    {
        var t = s.Trim().Replace('’', '\'').Replace('‘', '\'').Replace('–', '-').Replace('—', '-').ToLowerInvariant();
        t = Whitespace().Replace(t, " ");
        return t.Trim(' ', ':', '.', '?', '*');
    }

    private static Regex R(string p) => new(p, RegexOptions.CultureInvariant | RegexOptions.Compiled);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
