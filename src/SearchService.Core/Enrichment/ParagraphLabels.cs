using System.Globalization;
using SearchService.Core.Model;
using SearchService.Core.Segmentation;

namespace SearchService.Core.Enrichment;

/// <summary>
/// Labels and identifiers: the printed number where a paragraph has one; a table by its caption
/// number or its heading ("Record of main findings"); in a document that prints numbers, an
/// unnumbered paragraph by the numbered item or paragraph it follows (minutes: "22"), or before any
/// number by its section ("Headline summary, para. 2"); in a document that prints none, by reading
/// order. Ids are the document's id and the label's slug, made unique by a count.
/// </summary>
public static class ParagraphLabels
{
    public static (string[] Labels, string[] Ids) Assign(IReadOnlyList<PendingParagraph> pending, IReadOnlyList<Block> blocks, string documentId)
    {
        bool printsNumbers = pending.Any(p => PrintedNumber(p.Block)) || blocks.Any(b => b is HeadingBlock { Number: not null });
        var unlabelledInSection = new Dictionary<SectionState, int>();
        var used = new Dictionary<string, int>(StringComparer.Ordinal);
        int unnumbered = 0;
        string? lastPrinted = null;
        var labels = new string[pending.Count];
        var ids = new string[pending.Count];
        for (int i = 0; i < pending.Count; i++)
        {
            var p = pending[i];
            if (p.Block.Label is null) unlabelledInSection[p.Section] = unlabelledInSection.GetValueOrDefault(p.Section) + 1;
            labels[i] = p.Block.Label
                ?? (p.Block.Kind == ParagraphKind.Table && p.Section.Path.Count > 0 ? p.Section.Path[^1] : null)
                ?? (printsNumbers ? p.NumberedAncestor ?? lastPrinted ?? SectionOrdinal(p, unlabelledInSection[p.Section]) : null)
                ?? (++unnumbered).ToString(CultureInfo.InvariantCulture);
            if (PrintedNumber(p.Block)) lastPrinted = p.Block.Label;
            var slug = Identifiers.Slug(labels[i]);
            used[slug] = used.GetValueOrDefault(slug) + 1;
            ids[i] = used[slug] == 1 ? $"{documentId}~{slug}" : $"{documentId}~{slug}_{used[slug]}";
        }
        return (labels, ids);
    }

    private static bool PrintedNumber(TextBlock b) => b.Label is { Length: > 0 } l && char.IsDigit(l[0]) && b.Kind != ParagraphKind.Table;

    private static string SectionOrdinal(PendingParagraph p, int n)
    {
        var heading = p.Section.Path.Count > 0 ? p.Section.Path[^1].TrimEnd('?', ':', '.') : "Preamble";
        return $"{heading}, para. {n.ToString(CultureInfo.InvariantCulture)}";
    }
}
