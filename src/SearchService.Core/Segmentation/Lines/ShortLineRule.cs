using SearchService.Core.Metadata;
using SearchService.Core.Prose;

namespace SearchService.Core.Segmentation.Lines;

/// <summary>
/// In a source that does not mark its headings, a short line that is not a sentence is a heading,
/// unless it belongs to a run of short lines (an attendance list, a work programme, an address),
/// which is one list paragraph.
/// </summary>
public sealed class ShortLineRule : ILineRule
{
    public bool Apply(LineContext line, BlockWriter writer)
    {
        var text = line.Text;
        if (writer.HeadingsMarked || !LineShapes.LooksLikeHeading(text) || text.EndsWith(':') || LineShapes.EndsSentence(text)) return false;
        bool previousNonBlank = line.PreviousRaw.Trim().Length > 0;
        bool nextNonBlank = line.NextRaw.Trim().Length > 0 && !line.NextRaw.Contains('\t');
        var next = Markup.Strip(line.NextRaw);
        if (previousNonBlank || (nextNonBlank && LineShapes.LooksLikeHeading(next) && !GradeScales.TryParseGradeLine(next, writer.NumericScale, out _, out _) && !LineShapes.Numbered().IsMatch(next)))
        {
            writer.AddListLine(text, previousNonBlank);
            return true;
        }
        writer.AddHeading(new HeadingBlock(text, 0, null, null));
        return true;
    }
}
