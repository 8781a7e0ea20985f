using SearchService.Core.Model;
using SearchService.Core.Segmentation.Lines;

namespace SearchService.Core.Segmentation;

/// <summary>
/// Turns the lines of a document body into blocks (headings, grade lines, paragraphs with their
/// printed numbers, lists, tables) by running a layout profile's rules over each line in order:
/// the first rule that takes a line decides it. The rules, one layout decision each, live in
/// <see cref="Lines"/>; which apply to which kind of document is <see cref="LayoutProfiles"/>.
/// </summary>
public static class BlockBuilder
{
    /// <param name="headingsMarked">
    /// The source marks its headings (a PDF's type sizes and weights, read as Markdown headings):
    /// then a short unmarked line is text, such as the end of a paragraph at the foot of a page.
    /// </param>
    public static IReadOnlyList<Block> Build(IEnumerable<string> lines, GradeScale numericScale, bool headingsMarked = false,
        IReadOnlyList<ILineRule>? rules = null, IReadOnlyList<ILinePass>? passes = null)
    {
        rules ??= LayoutProfiles.Default;
        var writer = new BlockWriter(numericScale, headingsMarked);
        var list = lines as IReadOnlyList<string> ?? lines.ToList();
        foreach (var pass in passes ?? LayoutProfiles.DefaultPasses) list = pass.Apply(list);
        for (int i = 0; i < list.Count; i++)
        {
            var line = LineContext.Create(list[i], i > 0 ? list[i - 1] : "", i + 1 < list.Count ? list[i + 1] : "");
            foreach (var rule in rules)
                if (rule.Apply(line, writer)) break;
        }
        writer.Close();
        return writer.Blocks;
    }
}
