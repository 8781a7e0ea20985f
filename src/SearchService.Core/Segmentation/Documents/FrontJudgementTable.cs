using System.Text;
using System.Text.RegularExpressions;
using SearchService.Core.Metadata;
using SearchService.Core.Model;
using SearchService.Core.Prose;

namespace SearchService.Core.Segmentation;

/// <summary>
/// The judgement table on a report's front page ("Judgement | Grade"; a single inspection's
/// numbered "1. Children who need help and protection … | Requires improvement"), rebuilt from the
/// two column streams a PDF interleaves, as clean "judgement [tab] grade" rows. The grade's words
/// are kept as printed ("Require improvement", "Requires Improvement to be good").
/// </summary>
public static partial class FrontJudgementTable
{
    /// <summary>The rows read, the lines the table takes, and whether a table was found that could not be read.</summary>
    public sealed record Result(IReadOnlyList<string> Rows, int Start, int End, bool Unread);

    public static Result Read(IReadOnlyList<string> lines, List<string> plain)
    {
        int start = -1;
        for (int i = 0; i < Math.Min(plain.Count, 80); i++)
            if (TableHeader().IsMatch(plain[i]) || FirstSingleRow().IsMatch(plain[i])) { start = i; break; }
        if (start < 0) return new Result([], -1, -1, false);
        var (rows, from, end) = Rebuild(lines, start);
        return rows.Count > 0 ? new Result(rows, from, end, false) : new Result([], start, start, true);
    }

    /// <summary>
    /// Two streams, line by line: the judgement column, and the grade column. A grade may wrap over
    /// lines ("Requires improvement to" / "be good") and a PDF may set it on the label's own line
    /// without a column gap ("… with children Good and families"); labels never contain grade words,
    /// so grade words found on the left move to the grade stream where they stand. Then the n-th
    /// judgement gets the n-th grade; if the counts differ nothing is guessed. The table may begin
    /// with grade cells printed above its first judgement.
    /// </summary>
    private static (List<string> Rows, int Start, int End) Rebuild(IReadOnlyList<string> lines, int start)
    {
        while (start > 0 && (lines[start - 1].StartsWith('\t') || lines[start - 1].Trim().Length == 0 && start > 1 && lines[start - 2].StartsWith('\t')))
            start--;
        var left = new List<string>();
        var right = new StringBuilder();
        int end = start, blanks = 0;
        for (int i = start; i < lines.Count; i++)
        {
            var raw = lines[i];
            var text = (Markup.HeadingLevel(raw.Trim(), out var h) > 0 ? h : raw.TrimEnd()).Replace("**", "");
            if (text.Trim().Length == 0) { if (++blanks > 2 && left.Count > 0) break; continue; }
            blanks = 0;
            if (i > start && (text.Trim().Length > 110 && !text.Contains('\t') || TableStop().IsMatch(text.Trim()))) break;
            end = i;
            if (TableHeader().IsMatch(Markup.Strip(text))) continue;
            int tab = text.IndexOf('\t');
            string l = tab < 0 ? text : text[..tab], r = tab < 0 ? "" : text[(tab + 1)..].Replace('\t', ' ');
            if (tab < 0 && GradeOnly().IsMatch(text.Trim())) { l = ""; r = text; }
            l = Markup.Strip(l);
            foreach (Match g in GradeScales.PrintedWords().Matches(l)) right.Append(g.Value).Append(' ');
            l = GradeScales.PrintedWords().Replace(l, " ");
            if (l.Trim().Length > 0) left.Add(l);
            if (r.Trim().Length > 0) right.Append(Markup.Strip(r)).Append(' ');
        }
        var labels = Labels.Value.Matches(WhiteSpace.Fold(string.Join(" ", left))).Select(m => m.Value.Trim()).ToList();
        var grades = GradeScales.PrintedWords().Matches(right.ToString()).Select(m => WhiteSpace.Fold(m.Value)).ToList();
        if (labels.Count == 0 || labels.Count != grades.Count) return ([], start, start);
        return (labels.Zip(grades, (l, g) => $"{WhiteSpace.Fold(l)}\t{g}").ToList(), start, end);
    }

    /// <summary>The judgements a front table prints: the ILACS and single-inspection headings of the outcome-area vocabulary, printed number and "The" allowed.</summary>
    private static readonly Lazy<Regex> Labels = new(() =>
    {
        var phrases = OutcomeAreas.Vocabulary
            .Where(t => t.Frameworks.Contains(Framework.IlacsStandard) || t.Frameworks.Contains(Framework.SingleInspection))
            .SelectMany(t => t.Headings).Select(p => p.TrimEnd('…')).Where(p => !p.StartsWith("graded", StringComparison.Ordinal) && p != "lscb")
            .Distinct().OrderByDescending(p => p.Length)
            .Select(p => Regex.Escape(p).Replace(@"\ ", @"\s+", StringComparison.Ordinal).Replace(",", ",?", StringComparison.Ordinal));
        return new Regex(@"(?:\b\d(?:\.\d)?\.?\s+)?(?:The\s+)?(?:" + string.Join("|", phrases) + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    });

    [GeneratedRegex(@"^Judgement\s*\t?\s*Grade$", RegexOptions.IgnoreCase)]
    private static partial Regex TableHeader();

    [GeneratedRegex(@"^1\.?\s+Children who need help and protection", RegexOptions.IgnoreCase)]
    private static partial Regex FirstSingleRow();

    [GeneratedRegex(@"^(Executive summary|Summary of key findings|What needs to improve\??|Contents|(The judgement for )?the effectiveness of the Local Safeguarding.*|The Local Safeguarding Children Board (is|requires).*)$", RegexOptions.IgnoreCase)]
    private static partial Regex TableStop();

    [GeneratedRegex(@"^(requires? improvement( to be good)?|improvement|requires|to be good|outstanding|good|inadequate|adequate|not judged)$", RegexOptions.IgnoreCase)]
    private static partial Regex GradeOnly();
}
