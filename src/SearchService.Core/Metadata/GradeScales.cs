using System.Text.RegularExpressions;
using SearchService.Core.Model;

namespace SearchService.Core.Metadata;

/// <summary>
/// The grading scales the reports use, and how each printed grade normalises. The frameworks run
/// opposite ways: the 2007 APA letters and 2011 annual assessments grade 4 = best, the 2008–2013
/// inspections and school inspections grade 1 = best, ILACS prints words.
/// </summary>
public static partial class GradeScales
{
    public const GradeScale Apa = GradeScale.Apa;
    public const GradeScale AnnualAssessment = GradeScale.AnnualAssessment;
    public const GradeScale Inspection = GradeScale.Inspection;
    public const GradeScale SchoolInspection = GradeScale.SchoolInspection;
    public const GradeScale Words = GradeScale.Words;

    /// <summary>The grade a number means on a numeric scale.</summary>
    public static Grade FromNumber(int n, GradeScale scale, string raw)
    {
        string label = scale switch
        {
            Apa or AnnualAssessment => n switch { 4 => GradeLabels.Outstanding, 3 => GradeLabels.Good, 2 => GradeLabels.Adequate, _ => GradeLabels.Inadequate },
            _ => n switch { 1 => GradeLabels.Outstanding, 2 => GradeLabels.Good, 3 => GradeLabels.Adequate, _ => GradeLabels.Inadequate },
        };
        return new Grade(label, raw, scale);
    }

    /// <summary>The normalised label for a grade word or phrase, or null if it is not one.</summary>
    public static string? LabelFromWords(string words)
    {
        var w = words.Trim().Trim('.', '*', ' ').ToLowerInvariant().Replace('’', '\'');
        w = Spaces().Replace(w, " ");
        return w switch
        {
            "outstanding" or "performs excellently" or "excellent" => GradeLabels.Outstanding,
            "good" or "performs well" => GradeLabels.Good,
            "adequate" or "satisfactory" or "performs adequately" or "requires improvement" or "require improvement"
                or "requires improvement to be good" or "require improvement to be good" => GradeLabels.Adequate,
            "inadequate" or "performs poorly" or "poor" => GradeLabels.Inadequate,
            _ => null,
        };
    }

    /// <summary>A grade printed in words ("Good", "Requires improvement to be good").</summary>
    public static Grade? FromWords(string words)
    {
        var label = LabelFromWords(words);
        return label is null ? null : new Grade(label, words.Trim().Trim('*', ' '), Words);
    }

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
            if (m.Groups["word"].Success && LabelFromWords(m.Groups["word"].Value) is { } wordLabel)
            {
                // "Grade 2 (Good)": the word says which way the scale runs; trust it.
                grade = new Grade(wordLabel, raw, Inspection);
            }
            else
            {
                grade = FromNumber(n, numericScale, raw);
            }
            return true;
        }
        m = PerformsLine().Match(line.Trim());
        if (m.Success)
        {
            before = m.Groups["before"].Value.Trim();
            var label = LabelFromWords(m.Groups["word"].Value)!;
            grade = new Grade(label, m.Groups["raw"].Value.Trim(), AnnualAssessment);
            return true;
        }
        return false;
    }

    [GeneratedRegex(@"^(?<before>.*?)\s*\**\s*(?<raw>Grade\s+(?<n>[1-4])(\s*\((?<word>Outstanding|Good|Adequate|Inadequate)\))?)\s*\**$", RegexOptions.IgnoreCase)]
    private static partial Regex GradeLine();

    [GeneratedRegex(@"^(?<before>.*?)\s*\t?\s*(?<raw>(?<word>Performs (excellently|well|adequately|poorly))\s*\([1-4]\))\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PerformsLine();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
