using System.Text.RegularExpressions;

namespace SearchService.Core.Segmentation.Lines;

/// <summary>
/// A contents list is not content: from its heading, entries are remembered and dropped until the
/// body begins, at the first line that repeats an entry without a page number, or at running prose.
/// </summary>
public sealed partial class ContentsRule : ILineRule
{
    public bool Apply(LineContext line, BlockWriter writer)
    {
        var text = line.Text;
        if (ContentsHeading().IsMatch(text))
        {
            writer.Close();
            writer.InContents = true;
            return true;
        }
        if (!writer.InContents) return false;
        bool entry = LineShapes.EndsWithPageNumber(text);
        if (!entry && (writer.ContentsEntries.Contains(LineShapes.ContentsKey(text)) || text.Length > 150))
        {
            writer.InContents = false;
            return false;
        }
        writer.ContentsEntries.Add(LineShapes.ContentsKey(LineShapes.WithoutPageNumber(text)));
        return true;
    }

    [GeneratedRegex(@"^(table of )?contents$", RegexOptions.IgnoreCase)]
    private static partial Regex ContentsHeading();
}
