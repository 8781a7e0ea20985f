namespace SearchService.Core.Model;

/// <summary>
/// A judgement grade as printed (<see cref="Raw"/>), the scale it was printed on, and its
/// normalised <see cref="Label"/>: one of outstanding, good, adequate, inadequate.
/// </summary>
public sealed record Grade(string Label, string Raw, string Scale);

/// <summary>The four normalised grade labels, best first.</summary>
public static class GradeLabels
{
    public const string Outstanding = "outstanding";
    public const string Good = "good";
    public const string Adequate = "adequate";
    public const string Inadequate = "inadequate";

    public static readonly IReadOnlyList<string> All = [Outstanding, Good, Adequate, Inadequate];
}
