using System.Text.RegularExpressions;
using SearchService.Core.Metadata;

namespace SearchService.Search.Answering;

/// <summary>What a question asks for.</summary>
public enum AnswerType { Judgement, Number, Date, Person, Text }

/// <summary>A question understood: the authority, year and month, outcome area, the expected answer type, and its content words.</summary>
public sealed record Question(
    string Text,
    string? Authority,
    int? Year,
    int? Month,
    string? OutcomeArea,
    AnswerType Type,
    bool Percentage,
    IReadOnlyList<string> ContentWords);

/// <summary>
/// Reads a question in everyday words: authority names ("Stoke", "Coventry's"), years and
/// month-years ("in February 2011", "2026 inspection"), outcome areas and judgement names
/// ("staying safe", "children in care", "overall"), and the expected answer type ("how many",
/// "what percentage", "when", "who", "what grade").
/// </summary>
public static partial class QuestionParser
{
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "of", "in", "on", "for", "to", "and", "or", "by", "with", "at", "from", "about", "as", "is", "are", "was", "were",
        "be", "been", "did", "do", "does", "what", "which", "who", "whom", "whose", "when", "where", "how", "many", "much", "why", "get", "got",
        "have", "has", "had", "say", "said", "tell", "me", "there", "their", "they", "it", "its", "that", "this", "these", "those", "s",
        "grade", "grades", "graded", "judgement", "judgment", "judged", "rated", "rating", "percentage", "proportion", "per", "cent", "number",
        "inspectors", "inspector", "ofsted", "report", "council", "city", "county", "borough", "led", "lead", "inspection", "inspected", "year",
    };

    // Everyday names of judgement areas, most specific first.
    private static readonly (Regex Pattern, string Area)[] Areas =
    [
        (R(@"\bstaying safe\b|\bstay safe\b"), OutcomeAreas.StayingSafe),
        (R(@"\bbeing healthy\b|\bhealth outcomes\b"), OutcomeAreas.BeingHealthy),
        (R(@"\benjoying and achieving\b"), OutcomeAreas.EnjoyingAndAchieving),
        (R(@"\bpositive contribution\b"), OutcomeAreas.MakingAPositiveContribution),
        (R(@"\beconomic well-?\s?being\b"), OutcomeAreas.AchievingEconomicWellBeing),
        (R(@"\bcapacity (to|for) improve(ment)?\b"), OutcomeAreas.CapacityToImprove),
        (R(@"\bcare leavers?\b"), OutcomeAreas.CareLeavers),
        (R(@"\bhelp and protection\b|\bneed help\b"), OutcomeAreas.HelpAndProtection),
        (R(@"\bchildren in care\b|\blooked after children\b|\bchildren looked after\b"), OutcomeAreas.ChildrenInCare),
        (R(@"\bimpact of leaders\b|\bleaders\b|\bleadership\b"), OutcomeAreas.ImpactOfLeaders),
        (R(@"\boverall( effectiveness)?\b"), OutcomeAreas.OverallEffectiveness),
        (R(@"\bquality of provision\b"), OutcomeAreas.QualityOfProvision),
        (R(@"\bpartnership working\b"), OutcomeAreas.PartnershipWorking),
        (R(@"\bequality and diversity\b"), OutcomeAreas.EqualityAndDiversity),
        (R(@"\bambition and prioriti[sz]ation\b"), OutcomeAreas.AmbitionAndPrioritisation),
        (R(@"\bperformance management\b"), OutcomeAreas.PerformanceManagement),
        (R(@"\bsafe and feel safe\b"), OutcomeAreas.SafeAndFeelSafe),
        (R(@"\blscb\b|\bsafeguarding children board\b"), OutcomeAreas.Lscb),
    ];

    public static Question Parse(string text)
    {
        var q = text.Trim();
        var lower = q.ToLowerInvariant().Replace('’', '\'');

        string? authority = Authorities.FindIn(q);
        if (authority is null)
            foreach (Match w in Word().Matches(q))
                if (char.IsUpper(w.Value[0]) && Authorities.FromUserText(w.Value) is { } a) { authority = a; break; }

        int? year = null, month = null;
        var my = MonthYear().Match(q);
        if (my.Success) { month = PrintedDates.MonthNumber(my.Groups[1].Value); year = int.Parse(my.Groups[2].Value); }
        else if (Year().Match(q) is { Success: true } y) year = int.Parse(y.Value);

        var type = AnswerType.Text;
        bool percentage = false;
        if (JudgementAsked().IsMatch(lower)) type = AnswerType.Judgement;
        else if (PercentAsked().IsMatch(lower)) { type = AnswerType.Number; percentage = true; }
        else if (NumberAsked().IsMatch(lower)) type = AnswerType.Number;
        else if (lower.StartsWith("when", StringComparison.Ordinal) || DateAsked().IsMatch(lower)) type = AnswerType.Date;
        else if (lower.StartsWith("who", StringComparison.Ordinal)) type = AnswerType.Person;

        string? area = null;
        foreach (var (pattern, a) in Areas)
            if (pattern.IsMatch(lower)) { area = a; break; }

        // Content words: what the answer must talk about, without the question's own machinery.
        // The authority is a filter, not a word to find: drop its words however they are written ("Stoke-on-Trent's").
        var authorityWords = (authority ?? "").ToLowerInvariant().Split([' ', '-', ','], StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        var content = Word().Matches(lower).Select(m => m.Value.Trim('\'').Replace("'s", ""))
            .SelectMany(w => w.Split('-', StringSplitOptions.RemoveEmptyEntries) is var parts && parts.All(authorityWords.Contains) ? [] : new[] { w })
            .Where(w => w.Length > 1 && !StopWords.Contains(w) && !authorityWords.Contains(w) && !Year().IsMatch(w) && PrintedDates.MonthNumber(w) == 0 && w != "stoke")
            .Distinct().ToList();
        return new Question(q, authority, year, month, area, type, percentage, content);
    }

    private static Regex R(string p) => new(p, RegexOptions.IgnoreCase | RegexOptions.Compiled);

    [GeneratedRegex(@"\b(what|which) (grade|judgement|judgment|rating)\b|\bhow (was|were|is|are) .{0,60}\b(judged|graded|rated)\b|\bwhat did .{2,60}\bget for\b|\b(grade|judgement|judgment|rating|rated|judged) (for|of|on|in)\b|\bwas .{2,60} (judged|rated) (as )?\w+\?", RegexOptions.IgnoreCase)]
    private static partial Regex JudgementAsked();

    [GeneratedRegex(@"\bwhat (percentage|proportion|per ?cent|%)|\bhow many per ?cent\b", RegexOptions.IgnoreCase)]
    private static partial Regex PercentAsked();

    [GeneratedRegex(@"\bhow many\b|\bhow much\b|\bwhat (was|is) the number\b|\bnumber of\b|\bwhat (was|is) the (rate|total|caseload)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberAsked();

    [GeneratedRegex(@"\bwhat date\b|\bwhich date\b|\bon what day\b", RegexOptions.IgnoreCase)]
    private static partial Regex DateAsked();

    [GeneratedRegex(@"\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+((?:19|20)\d{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"\b(19|20)\d{2}\b")]
    private static partial Regex Year();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’-]*")]
    private static partial Regex Word();
}
