using SearchService.Core.Model;
using SearchService.Core.Segmentation;

namespace SearchService.Core.Enrichment;

/// <summary>
/// Builds the outline a reader sees from a document's blocks: the section path of every paragraph
/// (outermost first), its printed label, outcome area and grade, and the judgements printed in the
/// document. How deep a heading stands is <see cref="HeadingRules"/>; labels are
/// <see cref="ParagraphLabels"/>; judgements are <see cref="JudgementCollector"/>.
/// </summary>
public static class OutlineBuilder
{
    public static (IReadOnlyList<Section> Sections, IReadOnlyList<Paragraph> Paragraphs, IReadOnlyList<Judgement> Judgements)
        Build(IReadOnlyList<Block> blocks, DocumentProfile profile, string documentId)
    {
        var outline = new OutlineState();
        for (int bi = 0; bi < blocks.Count; bi++)
        {
            switch (AsText(blocks, bi, outline, profile))
            {
                case HeadingBlock h:
                    var term = HeadingRules.TermOf(h, profile);
                    var place = HeadingRules.Place(h, bi + 1 < blocks.Count ? blocks[bi + 1] : null, term, outline.Stack, profile);
                    outline.Open(h, place.Rank, place.Role, term);
                    break;
                case GradeBlock g:
                    // The grade judges the innermost judged section around it, else the innermost section.
                    int at = outline.Stack.FindLastIndex(x => x.Term is not null);
                    var target = at >= 0 ? outline.Section(outline.Stack.Take(at + 1).Select(x => x.Text).ToList(), outline.Stack[at].Term) : outline.Current();
                    target.Grade ??= g.Grade;
                    break;
                case TextBlock t:
                    var s = outline.Current();
                    if (t.Kind == ParagraphKind.Table && t.Rows.Count > 0) outline.Tables.Add((outline.Paragraphs.Count, s));
                    s.Paragraphs.Add(outline.Paragraphs.Count);
                    outline.Paragraphs.Add(new PendingParagraph(t, s, outline.Stack.LastOrDefault(x => x.Number is not null)?.Number));
                    break;
            }
        }

        var (labels, ids) = ParagraphLabels.Assign(outline.Paragraphs, blocks, documentId);
        var judgements = JudgementCollector.Collect(outline, ids, profile);
        var paragraphs = outline.Paragraphs.Select((p, i) => new Paragraph(ids[i], labels[i], i + 1, p.Section.Path,
            outline.TermOf(p.Section)?.Common, outline.GradeOf(p.Section), p.Block.Text, p.Block.Kind)).ToList();
        var sections = outline.Sections.Where(s => s != outline.Root || s.Paragraphs.Count > 0)
            .Select(s => new Section(s.Path, outline.TermOf(s)?.Common, outline.GradeOf(s), s.Paragraphs.Select(i => ids[i]).ToList()))
            .ToList();
        return (sections, paragraphs, judgements);
    }

    /// <summary>
    /// A plain line standing alone before a numbered item or at the end ("Briefing Note of the
    /// Executive Director for People" under an agenda item) heads nothing: it is text.
    /// </summary>
    private static Block AsText(IReadOnlyList<Block> blocks, int bi, OutlineState outline, DocumentProfile profile)
    {
        if (blocks[bi] is HeadingBlock { MarkdownLevel: 0, Number: null, Grade: null } orphan
            && (bi + 1 == blocks.Count || blocks[bi + 1] is HeadingBlock { Number: not null })
            && HeadingRules.Place(orphan, bi + 1 < blocks.Count ? blocks[bi + 1] : null, HeadingRules.TermOf(orphan, profile), outline.Stack, profile).Role == HeadingRole.Other)
            return new TextBlock(orphan.Text, null, ParagraphKind.Text);
        return blocks[bi];
    }
}
