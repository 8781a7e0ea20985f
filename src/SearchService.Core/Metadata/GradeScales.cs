using System.Text.RegularExpressions;
using SearchService.Core.Model;
using SearchService.Core.Prose;

namespace SearchService.Core.Metadata;

/// <summary>
/// The one grade vocabulary: the words and numbers the reports print, the scale each is printed
/// on, and the level each normalises to. The frameworks run opposite ways: the 2007 APA letters and
/// 2011 annual assessments grade 4 = best, the 2008–2013 inspections and school inspections grade
/// 1 = best, later inspections print words. Levels are named in ILACS's words; the printed words are
/// always kept beside them.
/// </summary>
public static partial class GradeScales
{
    public const GradeScale Apa = GradeScale.Apa;
    public const GradeScale AnnualAssessment = GradeScale.AnnualAssessment;
    public const GradeScale Inspection = GradeScale.Inspection;
    public const GradeScale SchoolInspection = GradeScale.SchoolInspection;
    public const GradeScale Words = GradeScale.Words;

    /// <summary>Every printed form and the level it normalises to: the grade mapping table (README).</summary>
    public static IReadOnlyList<(string Printed, GradeScale Scale, string Level)> Mapping { get; } =
    [
        ("Outstanding", Words, GradeLabels.Outstanding),
        ("Good", Words, GradeLabels.Good),
        ("Requires improvement to be good", Words, GradeLabels.RequiresImprovement),
        ("Requires improvement / Require improvement", Words, GradeLabels.RequiresImprovement),
        ("Adequate (2013 looked after children inspections)", Words, GradeLabels.RequiresImprovement),
        ("Inadequate", Words, GradeLabels.Inadequate),
        ("Not judged / no children looked after", Words, GradeLabels.NotJudged),
        ("Grade 4", Apa, GradeLabels.Outstanding),
        ("Grade 3", Apa, GradeLabels.Good),
        ("Grade 2", Apa, GradeLabels.RequiresImprovement),
        ("Grade 1", Apa, GradeLabels.Inadequate),
        ("Performs excellently (4)", AnnualAssessment, GradeLabels.Outstanding),
        ("Performs well (3)", AnnualAssessment, GradeLabels.Good),
        ("Performs adequately (2)", AnnualAssessment, GradeLabels.RequiresImprovement),
        ("Performs poorly (1)", AnnualAssessment, GradeLabels.Inadequate),
        ("Grade 1 (Outstanding)", Inspection, GradeLabels.Outstanding),
        ("Grade 2 (Good)", Inspection, GradeLabels.Good),
        ("Grade 3 (Adequate)", Inspection, GradeLabels.RequiresImprovement),
        ("Grade 4 (Inadequate)", Inspection, GradeLabels.Inadequate),
        ("1", SchoolInspection, GradeLabels.Outstanding),
        ("2", SchoolInspection, GradeLabels.Good),
        ("3 (requires improvement; formerly satisfactory)", SchoolInspection, GradeLabels.RequiresImprovement),
        ("4", SchoolInspection, GradeLabels.Inadequate),
    ];

    /// <summary>The grade a number means on a numeric scale.</summary>
    public static Grade FromNumber(int n, GradeScale scale, string raw)
    {
        string label = scale switch
        {
            Apa or AnnualAssessment => n switch { 4 => GradeLabels.Outstanding, 3 => GradeLabels.Good, 2 => GradeLabels.RequiresImprovement, _ => GradeLabels.Inadequate },
            _ => n switch { 1 => GradeLabels.Outstanding, 2 => GradeLabels.Good, 3 => GradeLabels.RequiresImprovement, _ => GradeLabels.Inadequate },
        };
        return new Grade(label, raw, scale);
    }

    /// <summary>The level a grade word or phrase names ("Require improvement", "adequate", "Not judged"), or null if it is not one.</summary>
    public static string? LabelFromWords(string words)
    {
        var w = WhiteSpace.Fold(words.Trim().Trim('.', '*', ' ').ToLowerInvariant().Replace('’', '\''));
        return w switch
        {
            "outstanding" or "performs excellently" or "excellent" => GradeLabels.Outstanding,
            "good" or "performs well" => GradeLabels.Good,
            "adequate" or "satisfactory" or "performs adequately" or "requires improvement" or "require improvement"
                or "requires improvement to be good" or "require improvement to be good" => GradeLabels.RequiresImprovement,
            "inadequate" or "performs poorly" or "poor" => GradeLabels.Inadequate,
            "not judged" or "not graded" => GradeLabels.NotJudged,
            _ when NoChildren().IsMatch(w) => GradeLabels.NotJudged,
            _ => null,
        };
    }

    /// <summary>A grade printed in words, kept as printed (white space folded): "Requires improvement to be good", "Not judged".</summary>
    public static Grade? FromWords(string words)
    {
        var label = LabelFromWords(words);
        return label is null ? null : new Grade(label, WhiteSpace.Fold(words.Trim().Trim('*', ' ', '.')), Words);
    }

    /// <summary>
    /// The grade words as a pattern (case is the caller's option), longest first: "requires improvement
    /// (to be good)" and its plural, outstanding, good, inadequate, adequate, not judged. The phrase
    /// readers of judgement sentences and tables build on it, so the words are listed once.
    /// </summary>
    public const string WordsPattern = @"requires?\s+improvement(?:\s+to\s+be\s+good)?|outstanding|good|inadequate|adequate|not\s+judged";

    /// <summary>The grade phrases a judgement table cell or a judgement sentence prints, longest first.</summary>
    public static Regex PrintedWords() => GradeWords();

    /// <summary>
    /// Reads a grade printed on its own or at the end of a heading: "Grade 3", "Grade 2 (Good)",
    /// "Performs well (3)". Returns the grade and the text before it (the heading, possibly empty).
    /// </summary>
    public static bool TryParseGradeLine(string line, GradeScale numericScale, out Grade grade, out string before)
    {
        grade = null!;
        before = "";
        var m = GradeLine().Match(line.Trim());
        if (m.Success)
        {
            before = m.Groups["before"].Value.Trim().TrimEnd('*').Trim();
            var raw = m.Groups["raw"].Value.Trim();
            int n = int.Parse(m.Groups["n"].Value);
            // "Grade 2 (Good)": the word says which way the scale runs; trust it.
            grade = m.Groups["word"].Success && LabelFromWords(m.Groups["word"].Value) is { } wordLabel
                ? new Grade(wordLabel, raw, Inspection)
                : FromNumber(n, numericScale, raw);
            return true;
        }
        m = PerformsLine().Match(line.Trim());
        if (m.Success)
        {
            before = m.Groups["before"].Value.Trim();
            grade = new Grade(LabelFromWords(m.Groups["word"].Value)!, m.Groups["raw"].Value.Trim(), AnnualAssessment);
            return true;
        }
        return false;
    }

    [GeneratedRegex(@"^(?<before>.*?)\s*\**\s*(?<raw>Grade\s+(?<n>[1-4])(\s*\((?<word>Outstanding|Good|Adequate|Inadequate)\))?)\s*\**$", RegexOptions.IgnoreCase)]
    private static partial Regex GradeLine();

    [GeneratedRegex(@"^(?<before>.*?)\s*\t?\s*(?<raw>(?<word>Performs (excellently|well|adequately|poorly))\s*\([1-4]\))\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PerformsLine();

    [GeneratedRegex(@"\b(?:" + WordsPattern + @")\b|\bno\s+children\s+(?:looked\s+after|in\s+care)\b", RegexOptions.IgnoreCase)]
    private static partial Regex GradeWords();

    [GeneratedRegex(@"^no children (looked after|in care)\b")]
    private static partial Regex NoChildren();
}
