using System.Text.Json.Serialization;

namespace SearchService.Core.Model;

/// <summary>
/// A judgement grade as printed (<see cref="Raw"/>), the scale it was printed on, and its
/// normalised <see cref="Label"/>: one of outstanding, good, adequate, inadequate.
/// </summary>
public sealed record Grade(string Label, string Raw, GradeScale Scale);

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

/// <summary>The four normalised grade labels, best first.</summary>
public static class GradeLabels
{
    public const string Outstanding = "outstanding";
    public const string Good = "good";
    public const string Adequate = "adequate";
    public const string Inadequate = "inadequate";

    public static readonly IReadOnlyList<string> All = [Outstanding, Good, Adequate, Inadequate];
}
