using System.Text;
using System.Text.RegularExpressions;
using SearchService.Core.Metadata;
using SearchService.Core.Model;
using SearchService.Core.Prose;

namespace SearchService.Core.Segmentation.Lines;

/// <summary>
/// An area heading printed over several lines, its grade cell set between them or on its own line
/// ("The experiences and progress of" / "children looked after and achieving [tab] Outstanding" /
/// "permanence"; a single inspection's "Key judgement | Judgement grade" table), becomes one heading
/// line stating its grade: "## The experiences and progress of children looked after and achieving
/// permanence: Outstanding". The grade's words stay as printed. Lines are joined only while they
/// spell out a heading of the vocabulary, so prose is never taken in.
/// </summary>
public sealed partial class GradedHeadingAssembler : ILinePass
{
    public IReadOnlyList<string> Apply(IReadOnlyList<string> lines)
    {
        var result = new List<string>(lines.Count);
        for (int i = 0; i < lines.Count; i++)
        {
            var (left, right) = Cells(lines[i]);
            // A key judgement table's header introduces the heading; it is not content.
            if (KeyJudgementHeader().IsMatch(left + " " + right)) continue;
            if (TryAssemble(lines, i, out var heading, out int last))
            {
                result.Add(heading);
                i = last;
                continue;
            }
            result.Add(lines[i]);
        }
        return result;
    }

    private static bool TryAssemble(IReadOnlyList<string> lines, int i, out string heading, out int last)
    {
        heading = "";
        last = i;
        var (left, right) = Cells(lines[i]);
        // "Being healthy Grade 2 (Good)": a numbered grade ending a heading is the grade line rule's.
        if (GradeScales.TryParseGradeLine((left + " " + right).Trim(), GradeScale.Inspection, out _, out _)) return false;
        var grades = new StringBuilder(right);
        var label = TakeGrades(left, grades);
        if (label.Length is 0 or > 200) return false;
        // It starts with the beginning of an area heading, or with a whole one the source marks as a
        // heading; a table row that is already whole ("Overall effectiveness | Good") stays a table row.
        bool complete = JudgementPhrases.ParseArea(label) is not null;
        bool marked = Markup.HeadingLevel(lines[i].Trim(), out _) > 0;
        // "13. The capacity to improve … is good." is a numbered paragraph stating a grade, not a heading.
        if (!marked && LineShapes.StartsNumberedParagraph(left)) return false;
        // A grade set inside the label's own line (no column gap) also marks a table row to assemble.
        bool gradeInside = grades.Length > right.Length;
        if (!(marked ? complete || OutcomeAreas.StartsHeading(label) : (complete ? gradeInside : OutcomeAreas.StartsHeading(label)))) return false;

        int blanks = 0;
        for (int j = i + 1; j < lines.Count && j <= i + 8; j++)
        {
            if (lines[j].Trim().Length == 0)
            {
                if (++blanks > 1) break;
                continue;
            }
            blanks = 0;
            var (l, r) = Cells(lines[j]);
            var found = new StringBuilder();
            var words = TakeGrades(l, found);
            if (words.Length == 0 || (GradeFragment().IsMatch(words) && r.Length == 0))
            {
                // A grade cell on its own line ("[tab] Requires" / "[tab] Improvement", "Good").
                if (words.Length == 0 && found.Length == 0 && r.Length == 0) break;
                grades.Append(' ').Append(found).Append(' ').Append(words).Append(' ').Append(r);
                last = j;
                continue;
            }
            if (words.Length > 100) break;
            var candidate = label + " " + words;
            bool extends = OutcomeAreas.StartsHeading(candidate)
                || (JudgementPhrases.ParseArea(candidate) is { } stated && (!complete || stated.Grade is not null));
            if (!extends) break;
            label = candidate;
            complete = JudgementPhrases.ParseArea(label) is not null;
            grades.Append(' ').Append(found).Append(' ').Append(r);
            last = j;
        }
        if (last == i && right.Length == 0 && !gradeInside) return false;
        if (JudgementPhrases.ParseArea(label) is not { } area)
        {
            last = i;
            return false;
        }
        var printed = GradeScales.PrintedWords().Match(WhiteSpace.Fold(grades.ToString()));
        heading = "## " + label + (area.Grade is null && printed.Success ? ": " + printed.Value : "");
        return true;
    }

    /// <summary>The line's text (heading marks and markup stripped) left of its first tab, and the cells right of it.</summary>
    private static (string Left, string Right) Cells(string raw)
    {
        var line = raw.Trim('\r', ' ');
        Markup.HeadingLevel(line.Trim(), out var text);
        if (Markup.HeadingLevel(line.Trim(), out _) == 0) text = line;
        int tab = text.IndexOf('\t');
        return tab < 0 ? (Markup.Strip(text), "") : (Markup.Strip(text[..tab]), Markup.Strip(text[(tab + 1)..].Replace('\t', ' ')));
    }

    /// <summary>The text without its grade words (a PDF may set the grade cell inside the label's line), which go to <paramref name="grades"/>.</summary>
    private static string TakeGrades(string text, StringBuilder grades)
    {
        foreach (Match g in GradeScales.PrintedWords().Matches(text)) grades.Append(' ').Append(g.Value);
        return WhiteSpace.Fold(GradeScales.PrintedWords().Replace(text, " ")).Trim();
    }

    [GeneratedRegex(@"^\s*key judgements?\s+judgement grades?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex KeyJudgementHeader();

    /// <summary>Part of a grade wrapped over lines: "Requires", "Improvement", "to be good".</summary>
    [GeneratedRegex(@"^(requires?|improvement|to be good|be good|requires? improvement to|not|judged)$", RegexOptions.IgnoreCase)]
    private static partial Regex GradeFragment();
}
