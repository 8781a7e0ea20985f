using System.Text.RegularExpressions;
using SearchService.Core.Model;
using SearchService.Core.Prose;

namespace SearchService.Core.Metadata;

/// <summary>
/// Headings and sentences that state a judgement, in the forms the reports print them: an area
/// heading with its grade ("The experiences and progress of children in care: good", "… protection
/// require improvement", "… protection Requires improvement"), a graded sentence ("The graded
/// judgement for adoption performance is that it requires improvement", "The Local Safeguarding
/// Children Board is good"), and a single inspection's overall judgement ("The overall judgement is
/// that children's services require improvement", "Children's services in Peterborough require
/// improvement to be good"). The grade's words are kept as printed.
/// </summary>
public static partial class JudgementPhrases
{
    /// <summary>What a heading states: the heading to file it under, its area, and its grade (null when it states none).</summary>
    public sealed record Stated(string Heading, OutcomeAreas.Term Term, Grade? Grade);

    /// <summary>
    /// Reads an area heading, with or without a grade: the longest start of the text that is an
    /// area heading, followed by nothing or by a grade clause (": good", "is good", "are
    /// inadequate", "require improvement", "is that it requires improvement"). Null when the text
    /// names no area as a whole.
    /// </summary>
    public static Stated? ParseArea(string text, Framework? framework = null)
    {
        var t = WhiteSpace.Fold(text.Trim()).TrimEnd('.', ' ');
        var words = t.Split(' ');
        // A heading followed by a grade clause first (longest heading first), then a heading alone:
        // "Capacity to improve…" may go on, but not over the grade that ends it.
        for (int k = words.Length - 1; k >= 1; k--)
        {
            var head = string.Join(' ', words.Take(k)).TrimEnd(':', ',', ' ', '-', '–');
            // Area headings never hold grade words: a start that does has swallowed part of the grade.
            if (GradeScales.PrintedWords().IsMatch(head)) continue;
            var m = GradeClause().Match(string.Join(' ', words.Skip(k)));
            if (!m.Success || GradeScales.FromWords(m.Groups["g"].Value) is not { } grade) continue;
            if (OutcomeAreas.TermFor(head, framework) is not { } term) continue;
            // "X: good" files under X; a sentence ("X is good") is kept whole, as printed.
            return new Stated(m.Groups["verb"].Success ? t : head, term, grade);
        }
        return OutcomeAreas.TermFor(t, framework) is { } alone ? new Stated(t, alone, null) : null;
    }

    /// <summary>A single inspection's overall judgement as a sentence, anywhere in <paramref name="text"/> (white space folded).</summary>
    public static Grade? ParseOverall(string text)
    {
        var m = OverallSentence().Match(WhiteSpace.Fold(text));
        return m.Success ? GradeScales.FromWords(m.Groups["g"].Value) : null;
    }

    private const string Grade = "(?<g>" + GradeScales.WordsPattern + ")";

    [GeneratedRegex(@"^(?:[:\-–]\s*|(?<verb>(?:is|are|was|were)\b\s*:?\s*(?:that\s+(?:it\s+)?(?:is\s+)?|judged\s+(?:to\s+be\s+|as\s+)?)?))?" + Grade + @"(?:\s+because)?\s*[.:]?$", RegexOptions.IgnoreCase)]
    private static partial Regex GradeClause();

    [GeneratedRegex(@"\b(?:The overall judgement is(?: that)?(?: children['’]s services?)?|Children['’]s services?(?: (?:in|provided by|for) [\w ,.'’&-]{2,80}?)?)\s+(?:are\s+|is\s+)?" + Grade + @"\b", RegexOptions.IgnoreCase)]
    private static partial Regex OverallSentence();
}
