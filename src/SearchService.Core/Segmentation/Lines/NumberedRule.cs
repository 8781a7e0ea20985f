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
        if (!m.Success) return false;
        var number = m.Groups["n"].Value;
        var rest = m.Groups["rest"].Value.Trim();
        bool hasDot = m.Groups["dot"].Success || number.Contains('.');
        if (rest.Length == 0 || !(char.IsUpper(rest[0]) || (hasDot && char.IsDigit(rest[0])) || rest[0] is '\'' or '‘' or '"' or '“' or '(')) return false;
        if (!(hasDot || LineShapes.LooksLikeHeading(rest))) return false;
        bool boldTitle = BoldItem().IsMatch(line.Raw);
        bool continuesParagraphs = hasDot && int.TryParse(number.TrimEnd('.'), out var n) && n == writer.LastParagraphNumber + 1 && writer.LastParagraphNumber > 0;
        bool headingShape = LineShapes.LooksLikeHeading(rest) && !LineShapes.EndsSentence(rest) && (line.Bold || !rest.EndsWith(':'));
        if (!continuesParagraphs && ((boldTitle && rest.Length < 300) || headingShape))
        {
            writer.AddHeading(new HeadingBlock(LineShapes.WithoutPages(rest), 0, number.TrimEnd('.'), null));
            return true;
        }
        writer.StartParagraph(number.TrimEnd('.'), rest, ParagraphKind.Text);
        if (int.TryParse(number.TrimEnd('.'), out var printed)) writer.LastParagraphNumber = printed;
        return true;
    }

    [GeneratedRegex(@"^\s*\d{1,3}\.?\s+\*\*[^*]+\*\*")]
    private static partial Regex BoldItem();
}
