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
        WriteRunIn(line.Text, writer, t => writer.Append(t));
        return true;
    }

    /// <summary>
    /// Writes a line's text with <paramref name="first"/>, up to a numbered paragraph run into it
    /// after a sentence's end (its number the next in the run), which starts a paragraph of its own.
    /// </summary>
    internal static void WriteRunIn(string text, BlockWriter writer, Action<string> first)
    {
        var m = RunIn().Matches(text).FirstOrDefault(x => NumberedRule.IsNextInRun(x.Groups["n"].Value, writer));
        if (m is null)
        {
            first(text);
            return;
        }
        first(text[..m.Index]);
        var number = m.Groups["n"].Value;
        writer.LastParagraphNumber++;
        WriteRunIn(text[(m.Index + m.Length)..].Trim(), writer, t => writer.StartParagraph(number, t, ParagraphKind.Text));
    }

    [GeneratedRegex(@"(?<=[a-z)’”][.!?][’”]?)\s+(?<n>\d{1,3})\.\s+(?=[A-Z‘“'""])")]
    private static partial Regex RunIn();
}
