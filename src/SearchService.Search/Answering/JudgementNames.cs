using System.Text.RegularExpressions;
using SearchService.Core.Metadata;
using SearchService.Core.Model;

namespace SearchService.Search.Answering;

/// <summary>
/// How people name the judgements of every framework, and the grades: the words of a question mapped
/// to the outcome areas the indexer files judgements under. One place for the question side of the
/// vocabulary; the report side is <see cref="OutcomeAreas"/>.
/// </summary>
public static partial class JudgementNames
{
    /// <summary>A judgement area a question names, the areas that may stand for it (in order), and whether the question names the combined one.</summary>
    public sealed record AreaAsked(string Area, IReadOnlyList<string> Alternatives, bool Combined, bool FrameworkWords);

    // Most specific first: "children in care and care leavers" before "care leavers", outcomes before "looked after children".
    private static readonly (Regex Pattern, string Area, string[] Alternatives, bool Combined, bool FrameworkWords)[] Areas =
    [
        (R(@"\b(children in care|looked[- ]after children|children looked[- ]after)( and|,) (care leavers|young people leaving care)\b"), OutcomeAreas.ChildrenInCare, [], true, true),
        (R(@"\bstay(ing)? safe\b"), OutcomeAreas.StayingSafe, [], false, true),
        (R(@"\bbeing healthy\b|\bhealth outcomes\b"), OutcomeAreas.BeingHealthy, [], false, true),
        (R(@"\benjoying and achieving\b"), OutcomeAreas.EnjoyingAndAchieving, [], false, true),
        (R(@"\bpositive contribution\b"), OutcomeAreas.MakingAPositiveContribution, [], false, true),
        (R(@"\beconomic well-?\s?being\b"), OutcomeAreas.AchievingEconomicWellBeing, [], false, true),
        (R(@"\bsafe and feel safe\b"), OutcomeAreas.SafeAndFeelSafe, [], false, true),
        (R(@"\bcapacity (to|for) improve(ment)?\b"), OutcomeAreas.CapacityToImprove, [], false, true),
        (R(@"\bchildren looked[- ]after and achieving permanence\b|\bachieving permanence\b"), OutcomeAreas.ChildrenInCare, [], false, true),
        (R(@"\bhelp and protection\b|\bneed(s)? help\b|\bneed of help\b"), OutcomeAreas.HelpAndProtection, [], false, true),
        (R(@"\bimpact of leaders\b|\bleadership,? management and governance\b|\bleadership and governance\b"), OutcomeAreas.ImpactOfLeaders, [], false, true),
        (R(@"\bleadership and management\b"), OutcomeAreas.LeadershipAndManagement, [OutcomeAreas.ImpactOfLeaders], false, true),
        (R(@"\badoption( performance)?\b"), OutcomeAreas.Adoption, [], false, true),
        (R(@"\blscb\b|\blocal safeguarding children'?s? board\b|\bsafeguarding children board\b"), OutcomeAreas.Lscb, [], false, true),
        (R(@"\boverall\b"), OutcomeAreas.OverallEffectiveness, [], false, true),
        (R(@"\bquality of provision\b"), OutcomeAreas.QualityOfProvision, [], false, true),
        (R(@"\bpartnership working\b"), OutcomeAreas.PartnershipWorking, [], false, true),
        (R(@"\bequality and diversity\b"), OutcomeAreas.EqualityAndDiversity, [], false, true),
        (R(@"\bambition and prioriti[sz]ation\b"), OutcomeAreas.AmbitionAndPrioritisation, [], false, true),
        (R(@"\bperformance management\b"), OutcomeAreas.PerformanceManagement, [], false, true),
        (R(@"\bcare leavers?\b|\bleaving care\b"), OutcomeAreas.CareLeavers, [OutcomeAreas.ChildrenInCare], false, false),
        (R(@"\bchildren in care\b|\blooked[- ]after children\b|\bchildren looked[- ]after\b|\blooked[- ]after\b"), OutcomeAreas.ChildrenInCare, [], false, false),
        (R(@"\bleaders(hip)?\b|\bgovernance\b"), OutcomeAreas.ImpactOfLeaders, [OutcomeAreas.LeadershipAndManagement], false, false),
    ];

    /// <summary>The judgement area a question names, or null.</summary>
    public static AreaAsked? Find(string lower)
    {
        foreach (var (pattern, area, alternatives, combined, words) in Areas)
            if (pattern.IsMatch(lower))
                // "the experiences and progress of …" and "impact of leaders" are the frameworks' own words.
                return new AreaAsked(area, alternatives, combined, words || ExperiencesAndProgress().IsMatch(lower));
        return null;
    }

    /// <summary>The normalised grade labels a grade word in a question stands for ("requires improvement" is filed as adequate).</summary>
    public static IReadOnlyList<string>? GradeAsked(string lower)
    {
        var m = GradeWord().Match(lower);
        if (!m.Success) return null;
        return m.Value switch
        {
            "outstanding" => [GradeLabels.Outstanding],
            "good" => [GradeLabels.Good],
            "inadequate" => [GradeLabels.Inadequate],
            _ => [GradeLabels.RequiresImprovement],
        };
    }

    /// <summary>Whether a judgement's grade is one of the labels asked for.</summary>
    public static bool IsGrade(Grade grade, IReadOnlyList<string> labels) => labels.Contains(grade.Label, StringComparer.OrdinalIgnoreCase);

    private static Regex R(string p) => new(p, RegexOptions.IgnoreCase | RegexOptions.Compiled | RegexOptions.CultureInvariant);

    [GeneratedRegex(@"\bexperiences? and progress\b")]
    private static partial Regex ExperiencesAndProgress();

    // "good" but not "requires improvement to be good".
    [GeneratedRegex(@"\boutstanding\b|\binadequate\b|\brequires? improvement\b|\badequate\b|(?<!to be )\bgood\b")]
    private static partial Regex GradeWord();
}
