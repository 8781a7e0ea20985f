using System.Text.RegularExpressions;
using SearchService.Core.Metadata;
using SearchService.Core.Model;
using SearchService.Core.Prose;
using SearchService.Core.Segmentation;

namespace SearchService.Core.Enrichment;

/// <summary>
/// Builds the outline a reader sees from a document's blocks: the section path of every
/// paragraph (outermost first), its printed label, outcome area and grade, and the judgements
/// printed in the document (section grades and judgement tables).
/// <para>
/// Heading depth comes from what a heading is: a part of the report ("Services for looked
/// after children") is outermost; a heading that introduces outcomes ("How good are outcomes
/// for looked after children and care leavers?") holds the outcome headings ("Staying safe");
/// other judgement areas stand at the second level; anything else is a sub-heading of the
/// nearest judged section. Markdown heading levels are used where the source has them.
/// </para>
/// </summary>
public sealed partial class OutlineBuilder
{
    private enum HeadingRole { Part, Group, Area, Structural, Numbered, Other }

    private sealed record OpenHeading(string Text, int Rank, HeadingRole Role, string? Area, string? Number);

    private sealed class SectionState(IReadOnlyList<string> path, string? area)
    {
        public IReadOnlyList<string> Path { get; } = path;
        public string? OwnArea { get; set; } = area;
        public Grade? Grade { get; set; }
        public List<int> Paragraphs { get; } = [];
    }

    private sealed record PendingParagraph(TextBlock Block, SectionState Section, string? NumberedAncestor, int Ordinal);

    public static (IReadOnlyList<Section> Sections, IReadOnlyList<Paragraph> Paragraphs, IReadOnlyList<Judgement> Judgements)
        Build(IReadOnlyList<Block> blocks, DocumentProfile profile, string documentId)
    {
        var stack = new List<OpenHeading>();
        var sections = new List<SectionState>();
        var byPath = new Dictionary<string, SectionState>();
        var root = Section([], null);
        var pending = new List<PendingParagraph>();
        var tableJudgements = new List<(int Index, SectionState Section)>();

        SectionState Section(IReadOnlyList<string> path, string? area)
        {
            var key = string.Join("\u001F", path);
            if (!byPath.TryGetValue(key, out var s))
            {
                s = new SectionState(path, area);
                byPath[key] = s;
                sections.Add(s);
            }
            return s;
        }

        SectionState Current() => stack.Count == 0 ? root : Section(stack.Select(h => h.Text).ToList(), stack[^1].Area);

        for (int bi = 0; bi < blocks.Count; bi++)
        {
            var block = blocks[bi];
            // A plain line standing alone before a numbered item or at the end ("Briefing Note of the
            // Executive Director for People" under an agenda item) heads nothing: it is text.
            if (block is HeadingBlock { MarkdownLevel: 0, Number: null, Grade: null } orphan
                && (bi + 1 == blocks.Count || blocks[bi + 1] is HeadingBlock { Number: not null })
                && Classify(orphan, stack, profile).Role == HeadingRole.Other)
                block = new TextBlock(orphan.Text, null, ParagraphKind.Text);
            switch (block)
            {
                case HeadingBlock h:
                    {
                        var (rank, role, area) = Classify(h, stack, profile);
                        while (stack.Count > 0 && stack[^1].Rank >= rank) stack.RemoveAt(stack.Count - 1);
                        stack.Add(new OpenHeading(h.Text, rank, role, area, h.Number));
                        var s = Current();
                        if (h.Grade is not null) s.Grade = h.Grade;
                        break;
                    }
                case GradeBlock g:
                    {
                        // The grade judges the innermost judged section around it, else the innermost section.
                        int at = stack.FindLastIndex(x => x.Area is not null);
                        var target = at >= 0 ? Section(stack.Take(at + 1).Select(x => x.Text).ToList(), stack[at].Area) : Current();
                        target.Grade ??= g.Grade;
                        break;
                    }
                case TextBlock t:
                    {
                        var s = Current();
                        var numbered = stack.LastOrDefault(x => x.Number is not null)?.Number;
                        if (t.Kind == ParagraphKind.Table && t.Rows.Count > 0) tableJudgements.Add((pending.Count, s));
                        s.Paragraphs.Add(pending.Count);
                        pending.Add(new PendingParagraph(t, s, numbered, pending.Count + 1));
                        break;
                    }
            }
        }

        // Labels and identifiers: printed numbers where printed; otherwise the enclosing numbered
        // item ("22" in minutes), a table's own caption number, or the reading-order number.
        // Unlabelled paragraphs seen so far in each section, for "Headline summary 2".
        var unlabelledInSection = new Dictionary<SectionState, int>();
        string SectionOrdinal(PendingParagraph p)
        {
            var heading = p.Section.Path.Count > 0 ? p.Section.Path[^1].TrimEnd('?', ':', '.') : "Preamble";
            return $"{heading}, para. {unlabelledInSection[p.Section]}";
        }

        static bool PrintedNumber(TextBlock b) => b.Label is { Length: > 0 } l && char.IsDigit(l[0]) && b.Kind != ParagraphKind.Table;
        bool printsNumbers = pending.Any(p => PrintedNumber(p.Block))
            || blocks.Any(b => b is HeadingBlock { Number: not null });
        int unnumbered = 0;
        string? lastPrinted = null;
        var used = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new string[pending.Count];
        var labels = new string[pending.Count];
        for (int i = 0; i < pending.Count; i++)
        {
            var p = pending[i];
            if (p.Block.Label is null) unlabelledInSection[p.Section] = unlabelledInSection.GetValueOrDefault(p.Section) + 1;
            // A table without a numbered caption is cited by its heading ("Record of main findings");
            // other unnumbered paragraphs in a numbered document by the numbered item or paragraph they follow.
            // Before any printed number, a numbered document's paragraphs are cited by their section
            // ("Headline summary 2"), so they never take a number the document prints elsewhere.
            string label = p.Block.Label
                ?? (p.Block.Kind == ParagraphKind.Table && p.Section.Path.Count > 0 ? p.Section.Path[^1] : null)
                ?? (printsNumbers ? p.NumberedAncestor ?? lastPrinted ?? SectionOrdinal(p) : null)
                ?? (++unnumbered).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (PrintedNumber(p.Block)) lastPrinted = p.Block.Label;
            labels[i] = label;
            var slug = Identifiers.Slug(label);
            used[slug] = used.GetValueOrDefault(slug) + 1;
            ids[i] = used[slug] == 1 ? $"{documentId}~{slug}" : $"{documentId}~{slug}_{used[slug]}";
        }


        // Areas and grades are inherited from the innermost ancestor that has one.
        string? AreaOf(SectionState s)
        {
            for (int n = s.Path.Count; n >= 1; n--)
                if (byPath.TryGetValue(string.Join("\u001F", s.Path.Take(n)), out var a) && a.OwnArea is not null) return a.OwnArea;
            return null;
        }
        Grade? GradeOf(SectionState s)
        {
            for (int n = s.Path.Count; n >= 1; n--)
                if (byPath.TryGetValue(string.Join("\u001F", s.Path.Take(n)), out var a) && a.Grade is not null) return a.Grade;
            return null;
        }

        // A table with a single judgement row ("Children's services assessment | Performs well (3)") judges its section.
        var tables = new List<Judgement>();
        foreach (var (index, s) in tableJudgements)
        {
            var rows = JudgementRows(pending[index].Block, s, profile);
            if (rows.Count == 1 && s.Grade is null && s != root)
            {
                s.Grade = rows[0].Grade;
                s.OwnArea ??= rows[0].Area;
            }
            tables.AddRange(rows.Select(r => r with { ParagraphId = ids[index] }));
        }

        var paragraphs = new List<Paragraph>(pending.Count);
        for (int i = 0; i < pending.Count; i++)
        {
            var p = pending[i];
            paragraphs.Add(new Paragraph(ids[i], labels[i], i + 1, p.Section.Path, AreaOf(p.Section), GradeOf(p.Section), p.Block.Text, p.Block.Kind));
        }

        var outline = sections.Where(s => s != root || s.Paragraphs.Count > 0)
            .Select(s => new Model.Section(s.Path, AreaOf(s), GradeOf(s), s.Paragraphs.Select(i => ids[i]).ToList()))
            .ToList();

        // Judgements: every graded section, then table rows not already printed as a section grade.
        var judgements = new List<Judgement>();
        foreach (var s in sections.Where(s => s.Grade is not null))
        {
            var firstParagraph = s.Paragraphs.Count > 0 ? ids[s.Paragraphs[0]] : FirstParagraphUnder(s, sections, ids);
            judgements.Add(new Judgement(AreaOf(s) ?? (s.Path.Count > 0 ? s.Path[^1] : null) ?? profile.Title, s.Path, s.Grade!, firstParagraph, "section"));
        }
        foreach (var j in tables)
        {
            bool printedAbove = judgements.Any(x => x.Source == "section" && x.Area == j.Area && x.Grade.Label == j.Grade.Label
                && (j.SectionPath.Count < 2 || x.SectionPath.Count == 0 || !profile.PartHeadings.Contains(j.SectionPath[^2]) || x.SectionPath[0] == j.SectionPath[^2]));
            if (!printedAbove) judgements.Add(j);
        }
        return (outline, paragraphs, judgements);
    }

    private static string? FirstParagraphUnder(SectionState s, List<SectionState> all, string[] ids)
    {
        foreach (var other in all)
            if (other.Path.Count > s.Path.Count && other.Path.Take(s.Path.Count).SequenceEqual(s.Path) && other.Paragraphs.Count > 0)
                return ids[other.Paragraphs[0]];
        return null;
    }

    /// <summary>
    /// Rows of a judgement table: label | grade. A row with an empty grade cell names a part of
    /// the report (when the next row is its overall effectiveness) or a group of judgements.
    /// </summary>
    private static List<Judgement> JudgementRows(TextBlock table, SectionState s, DocumentProfile profile)
    {
        var result = new List<Judgement>();
        string? part = null;
        var rows = table.Rows.Select(r => r.Where(c => c.Length > 0).ToArray()).Where(r => r.Length > 0).ToList();
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Length == 1)
            {
                bool opensPart = profile.PartHeadings.Contains(row[0])
                    && i + 1 < rows.Count && OutcomeAreas.FromHeading(rows[i + 1][0]) == OutcomeAreas.OverallEffectiveness;
                if (opensPart) part = row[0];
                continue;
            }
            if (row.Length != 2) continue;
            var grade = GradeScales.TryParseGradeLine(row[1], profile.NumericScale, out var g, out var before) && before.Length == 0 ? g : GradeScales.FromWords(row[1]);
            if (grade is null) continue;
            var area = OutcomeAreas.FromHeading(row[0]) ?? row[0];
            var path = new List<string>(s.Path);
            if (part is not null) path.Add(part);
            path.Add(row[0]);
            result.Add(new Judgement(area, path, grade, null, "table"));
        }
        return result;
    }

    private static (int Rank, HeadingRole Role, string? Area) Classify(HeadingBlock h, List<OpenHeading> stack, DocumentProfile profile)
    {
        var area = OutcomeAreas.FromHeading(h.Text);
        if (profile.PartHeadings.Contains(h.Text)) return (1, HeadingRole.Part, null);
        if (h.MarkdownLevel > 0) return (h.MarkdownLevel, HeadingRole.Other, area);
        if (GroupHeading().IsMatch(h.Text)) return (2, HeadingRole.Group, null);
        bool groupOpen = stack.Count > 0 && stack.Any(x => x.Role == HeadingRole.Group);
        if (area is not null)
        {
            if (groupOpen && OutcomeAreas.Outcomes.Contains(area)) return (3, HeadingRole.Area, area);
            return (2, HeadingRole.Area, area);
        }
        if (OuterHeading().IsMatch(h.Text)) return (1, HeadingRole.Structural, null);
        if (StructuralHeading().IsMatch(h.Text)) return (2, HeadingRole.Structural, null);
        if (h.Number is not null)
        {
            int depth = h.Number.Count(c => c == '.');
            return (2 + depth, HeadingRole.Numbered, null);
        }
        if (stack.Count == 0) return (2, HeadingRole.Other, null);
        var top = stack[^1];
        return top.Role == HeadingRole.Other ? (top.Rank, HeadingRole.Other, null) : (top.Rank + 1, HeadingRole.Other, null);
    }

    [GeneratedRegex(@"^(how good are outcomes\b.*|safeguarding outcomes for children and young people)$", RegexOptions.IgnoreCase)]
    private static partial Regex GroupHeading();

    [GeneratedRegex(@"^(record of main findings|appendix \d+|annex [a-z0-9]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex OuterHeading();

    [GeneratedRegex(@"^(about this inspection|the inspection judgements and what they mean|service information|areas for improvement|public business|private business)$", RegexOptions.IgnoreCase)]
    private static partial Regex StructuralHeading();
}
