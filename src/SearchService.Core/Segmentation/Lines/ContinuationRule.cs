using System.Text.RegularExpressions;
using SearchService.Core.Model;

namespace SearchService.Core.Segmentation.Lines;

/// <summary>
/// A line that carries on the open paragraph (broken by a page break or a hard wrap) is appended to
/// it. Where the PDF ran the next numbered paragraph into it ("… sensitively managed and supported.
/// 29. Most children in care …"), the next number in the run after a sentence's end starts that paragraph.
/// </summary>
public sealed partial class ContinuationRule : ILineRule
{
    public bool Apply(LineContext line, BlockWriter writer)
    {
        if (!writer.Continues(line.Text)) return false;
        foreach (Match m in RunIn().Matches(line.Text))
        {
            if (!NumberedRule.IsNextInRun(m.Groups["n"].Value, writer)) continue;
            writer.Append(line.Text[..m.Index]);
            writer.StartParagraph(m.Groups["n"].Value, line.Text[(m.Index + m.Length)..].Trim(), ParagraphKind.Text);
            writer.LastParagraphNumber++;
            return true;
        }
        writer.Append(line.Text);
        return true;
    }

    [GeneratedRegex(@"(?<=[a-z)’”][.!?][’”]?)\s+(?<n>\d{1,3})\.\s+(?=[A-Z‘“'""])")]
    private static partial Regex RunIn();
}
