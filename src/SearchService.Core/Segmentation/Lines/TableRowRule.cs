using System.Text.RegularExpressions;
using SearchService.Core.Prose;

namespace SearchService.Core.Segmentation.Lines;

/// <summary>
/// Tab-separated or pipe rows are a table's rows (cells stripped one by one so positions survive);
/// a contents list's rows are remembered, not kept. Any other line ends the table, and so does
/// the next paragraph number in a run with a tab after it ("40.⇥There is very strong …"): that is a
/// numbered paragraph.
/// </summary>
public sealed partial class TableRowRule : ILineRule
{
    public bool Apply(LineContext line, BlockWriter writer)
    {
        if (!line.IsRow || (TabbedNumber().Match(line.Raw) is { Success: true } m && !writer.TableOpen && NumberedRule.IsNextInRun(m.Groups["n"].Value, writer)))
        {
            writer.CloseTable();
            writer.TableGap = 0;
            return false;
        }
        if (writer.TableOpen && writer.TableGap > 1) writer.CloseTable();
        writer.TableGap = 0;
        var cells = (line.Raw.Contains('\t') ? line.Raw.Split('\t') : line.Raw.Trim().Trim('|').Split('|')).Select(Markup.Strip).ToArray();
        if (writer.InContents) writer.ContentsEntries.Add(LineShapes.ContentsKey(cells[0]));
        else writer.AddTableRow(cells);
        return true;
    }

    [GeneratedRegex(@"^(?<n>\d{1,3})\.\t+[^\t]+$")]
    private static partial Regex TabbedNumber();
}
