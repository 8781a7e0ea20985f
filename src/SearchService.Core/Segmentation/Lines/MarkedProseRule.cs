using System.Text.RegularExpressions;
using SearchService.Core.Model;

namespace SearchService.Core.Segmentation.Lines;

/// <summary>
/// Prose set in large type (a summary for children and young people) is read as marked headings
/// by the PDF reader; a marked line that is plainly a sentence (long, or with a sentence ending
/// inside it) is text: it goes on with the open paragraph or starts one.
/// </summary>
public sealed partial class MarkedProseRule : ILineRule
{
    public bool Apply(LineContext line, BlockWriter writer)
    {
        if (line.MarkdownLevel == 0 || !(line.Text.Length > 120 || SentenceInside().IsMatch(line.Text))) return false;
        if (writer.HasOpenParagraph && writer.Continues(line.Text)) writer.Append(line.Text);
        else writer.StartParagraph(null, line.Text, ParagraphKind.Text);
        return true;
    }

    [GeneratedRegex(@"[a-z,;]\s*\.\s+[A-Z]|^[a-z]")]
    private static partial Regex SentenceInside();
}
