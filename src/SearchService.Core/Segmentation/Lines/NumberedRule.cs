using System.Text.RegularExpressions;
using SearchService.Core.Model;

namespace SearchService.Core.Segmentation.Lines;

/// <summary>
/// Printed numbers: a numbered paragraph keeps its number as its label ("86. Looked after…"); a
/// short numbered title is a numbered heading ("2 Recommendations", "5. **Headlines …** (Pages 9 - 26)"),
/// unless it is the next number in a run of numbered paragraphs ("124. Ensure young people's views …").
/// </summary>
public sealed partial class NumberedRule : ILineRule
{
    public bool Apply(LineContext line, BlockWriter writer)
    {
        var m = LineShapes.Numbered().Match(line.Text);
        if (!m.Success) return Unspaced(line, writer);
        var number = m.Groups["n"].Value;
        var rest = m.Groups["rest"].Value.Trim();
        bool hasDot = m.Groups["dot"].Success || number.Contains('.');
        // "46. . Most care leavers …": a stray full stop after the next number in the run is not text.
        if (hasDot && rest.StartsWith(". ", StringComparison.Ordinal) && IsNextInRun(number, writer)) rest = rest[2..].TrimStart();
        if (rest.Length == 0 || !(char.IsUpper(rest[0]) || (hasDot && char.IsDigit(rest[0])) || rest[0] is '\'' or '‘' or '"' or '“' or '(')) return false;
        if (!(hasDot || LineShapes.LooksLikeHeading(rest))) return false;
        bool boldTitle = BoldItem().IsMatch(line.Raw);
        bool continuesParagraphs = hasDot && IsNextInRun(number, writer);
        bool headingShape = LineShapes.LooksLikeHeading(rest) && !LineShapes.EndsSentence(rest) && (line.Bold || !rest.EndsWith(':'));
        if (!continuesParagraphs && ((boldTitle && rest.Length < 300) || headingShape))
        {
            writer.AddHeading(new HeadingBlock(LineShapes.WithoutPages(rest), 0, number.TrimEnd('.'), null));
            return true;
        }
        if (!int.TryParse(number.TrimEnd('.'), out var printed))
        {
            writer.StartParagraph(number.TrimEnd('.'), rest, ParagraphKind.Text);
            return true;
        }
        writer.LastParagraphNumber = printed;
        ContinuationRule.WriteRunIn(rest, writer, t => writer.StartParagraph(number.TrimEnd('.'), t, ParagraphKind.Text));
        return true;
    }

    /// <summary>Whether a printed number ("40.", "40") is the next in the run of numbered paragraphs.</summary>
    internal static bool IsNextInRun(string number, BlockWriter writer) =>
        writer.LastParagraphNumber > 0 && int.TryParse(number.TrimEnd('.'), out var n) && n == writer.LastParagraphNumber + 1;

    /// <summary>
    /// "38.Leaders and practitioners …": the number printed with no space before the text (a PDF that
    /// kerns the gap away). Taken as a paragraph number only when it is the next in the run of numbered
    /// paragraphs, so a decimal, an abbreviation or a heading's number is never mistaken for one.
    /// </summary>
    private static bool Unspaced(LineContext line, BlockWriter writer)
    {
        var m = UnspacedNumber().Match(line.Text);
        if (!m.Success || !IsNextInRun(m.Groups["n"].Value, writer)) return false;
        writer.StartParagraph(m.Groups["n"].Value, m.Groups["rest"].Value.Trim(), ParagraphKind.Text);
        writer.LastParagraphNumber++;
        return true;
    }

    [GeneratedRegex(@"^\s*\d{1,3}\.?\s+\*\*[^*]+\*\*")]
    private static partial Regex BoldItem();

    [GeneratedRegex(@"^(?<n>\d{1,3})\.(?<rest>[A-Z‘“'""(][a-z’'""A-Z ].*)$")]
    private static partial Regex UnspacedNumber();
}
