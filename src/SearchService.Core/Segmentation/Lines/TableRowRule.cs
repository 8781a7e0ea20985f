using SearchService.Core.Prose;

namespace SearchService.Core.Segmentation.Lines;

/// <summary>
/// Tab-separated or pipe rows are a table's rows (cells stripped one by one so positions survive);
/// a contents list's rows are remembered, not kept. Any other line ends the table.
/// </summary>
public sealed class TableRowRule : ILineRule
{
    public bool Apply(LineContext line, BlockWriter writer)
    {
        if (!line.IsRow)
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
}
