namespace SearchService.Core.Segmentation.Lines;

/// <summary>A blank line ends nothing by itself but is remembered (a paragraph broken by a page break goes on after one); a Markdown table's rule line is skipped.</summary>
public sealed class BlankLineRule : ILineRule
{
    public bool Apply(LineContext line, BlockWriter writer)
    {
        if (line.IsBlank)
        {
            // A table may have a blank line between rows; it ends at the first line that is not a row.
            if (writer.TableOpen) writer.TableGap++;
            writer.BlankSinceOpen = true;
            return true;
        }
        return LineShapes.IsTableRule(line.Raw);
    }
}
