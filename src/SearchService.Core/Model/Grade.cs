using System.Text.Json.Serialization;

namespace SearchService.Core.Model;

/// <summary>
/// A judgement grade: the words as printed (<see cref="Raw"/>: "Requires improvement to be good",
/// "Grade 2 (Good)", "Performs well (3)"), the scale it was printed on, and its normalised level
/// (<see cref="Label"/>), named in ILACS's four words: outstanding, good, requires improvement,
/// inadequate — or "not judged" where the report says so.
/// </summary>
public sealed record Grade(string Label, string Raw, GradeScale Scale)
{
    /// <summary>Whether this grades anything (a "Not judged" records that the report judged nothing).</summary>
    public bool Judged => Label != GradeLabels.NotJudged;
}

/// <summary>The grading scales the reports print grades on (they run opposite ways).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GradeScale>))]
public enum GradeScale
{
    /// <summary>Grade words: outstanding, good, requires improvement (to be good), adequate, inadequate.</summary>
    [JsonStringEnumMemberName("words")] Words,
    /// <summary>APA letters 2005–2008: 4 outstanding, 3 good, 2 adequate, 1 inadequate.</summary>
    [JsonStringEnumMemberName("apa-4-best")] Apa,
    /// <summary>Annual children's services assessment 2009–2011: performs excellently (4) … performs poorly (1).</summary>
    [JsonStringEnumMemberName("annual-assessment-4-best")] AnnualAssessment,
    /// <summary>Inspections 2009–2013: Grade 1 (Outstanding) … Grade 4 (Inadequate).</summary>
    [JsonStringEnumMemberName("inspection-1-best")] Inspection,
    /// <summary>School inspections: 1 outstanding, 2 good, 3 requires improvement (satisfactory), 4 inadequate.</summary>
    [JsonStringEnumMemberName("school-1-best")] SchoolInspection,
}

/// <summary>
/// The normalised levels, best first, named as ILACS prints them; the older scales map onto them
/// (an APA "Grade 2", a 2011 "Grade 3 (Adequate)" and "performs adequately" are all "requires improvement").
/// </summary>
public static class GradeLabels
{
    public const string Outstanding = "outstanding";
    public const string Good = "good";
    public const string RequiresImprovement = "requires improvement";
    public const string Inadequate = "inadequate";
    /// <summary>Not a level: the report printed "Not judged" (e.g. no adoptions to judge, no children looked after).</summary>
    public const string NotJudged = "not judged";

    /// <summary>The four levels, best first (what grade facets and filters offer).</summary>
    public static readonly IReadOnlyList<string> All = [Outstanding, Good, RequiresImprovement, Inadequate];
}
