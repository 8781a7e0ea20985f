using SearchService.Core.Metadata;
using SearchService.Core.Model;
using SearchService.Core.Segmentation;

namespace SearchService.Core.Enrichment;

/// <summary>
/// The judgements a document prints, one for each area it judges, in document order: every graded
/// section, and every row of a judgement table (label | grade) not already printed as a section
/// grade above it. A judgement in a front-page table that a heading below repeats is one judgement
/// in the table's words, citing the section that sets it out. A table with a single judgement row
/// ("Children's services assessment | Performs well (3)") judges its section.
/// </summary>
public static class JudgementCollector
{
    public static IReadOnlyList<Judgement> Collect(OutlineState outline, string[] ids, DocumentProfile profile)
    {
        var tables = new List<(int Index, Judgement Judgement)>();
        foreach (var (index, s) in outline.Tables)
        {
            var rows = Rows(outline.Paragraphs[index].Block, s, outline, profile);
            // A single row judges its section when the section's heading names what the row judges
            // ("Coventry City Council children's services assessment 2011" | "Children's services assessment").
            if (rows.Count == 1 && s.Grade is null && s != outline.Root && s.Path[^1].Contains(outline.Paragraphs[index].Block.Rows[0][0], StringComparison.OrdinalIgnoreCase))
            {
                s.Grade = rows[0].Grade;
                s.Term ??= rows[0].Term;
            }
            tables.AddRange(rows.Select(r => (index, r.Judgement with { ParagraphId = ids[index] })));
        }

        var position = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        var judgements = new List<(int Position, Judgement Judgement)>();
        foreach (var s in outline.Sections.Where(s => s.Grade is not null))
        {
            int first = s.Paragraphs.Count > 0 ? s.Paragraphs[0] : FirstParagraphUnder(s, outline.Sections);
            var term = outline.TermOf(s);
            var judgement = new Judgement(term?.Common ?? (s.Path.Count > 0 ? s.Path[^1] : profile.Title), s.Path, s.Grade!, first >= 0 ? ids[first] : null, JudgementSource.Section)
            {
                FrameworkArea = term?.Name,
            };
            judgements.Add((first >= 0 ? first : int.MaxValue, judgement));
        }
        foreach (var (index, j) in tables)
        {
            // Printed as a section grade above the table (a record of main findings at the end): the section's stands.
            bool printedAbove = judgements.Any(x => x.Position < index && x.Judgement.Area == j.Area && x.Judgement.Grade.Label == j.Grade.Label
                && (j.SectionPath.Count < 2 || x.Judgement.SectionPath.Count == 0 || !outline.Parts.Contains(j.SectionPath[^2]) || x.Judgement.SectionPath[0] == j.SectionPath[^2]));
            if (printedAbove) continue;
            // Printed in a front-page table and again as a heading below it: one judgement, in the
            // table's words (the report's own statement of it), citing the section that sets it out.
            int below = judgements.FindIndex(x => x.Position > index && x.Judgement.Source == JudgementSource.Section
                && x.Judgement.Area == j.Area && x.Judgement.Grade.Label == j.Grade.Label && x.Judgement.FrameworkArea is not null);
            if (below >= 0)
            {
                var section = judgements[below].Judgement;
                judgements.RemoveAt(below);
                judgements.Add((index, j with { ParagraphId = section.ParagraphId ?? j.ParagraphId, SectionPath = section.SectionPath }));
            }
            else judgements.Add((index, j));
        }
        return OnePerAreaAndPart(judgements, outline);
    }

    /// <summary>
    /// One judgement per area and grade in each part of a report: the first printing stands. A
    /// judgement stated before the parts (a single inspection's front page: "The Local Safeguarding
    /// Children Board is good") and set out again in the one part that judges that area is the
    /// same judgement, printed twice; an area judged in several parts is judged once in each.
    /// </summary>
    private static List<Judgement> OnePerAreaAndPart(List<(int Position, Judgement Judgement)> judgements, OutlineState outline)
    {
        var ordered = judgements.OrderBy(x => x.Position).Select(x => (Judgement: x.Judgement, Part: Part(x.Judgement, outline))).ToList();
        // How many parts judge each area: counted once, for every pair compared below.
        var partsJudging = ordered.GroupBy(o => o.Judgement.Area, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(o => o.Part).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).Count(), StringComparer.Ordinal);
        var kept = new List<(Judgement Judgement, string Part)>();
        foreach (var (j, part) in ordered)
        {
            bool repeated = kept.Any(k => k.Judgement.Area == j.Area && k.Judgement.Grade.Label == j.Grade.Label
                && (k.Part == part || (k.Part.Length == 0 && partsJudging[j.Area] == 1)));
            if (!repeated) kept.Add((j, part));
        }
        return kept.Select(k => k.Judgement).ToList();
    }

    /// <summary>The part of the report a judgement is printed in ("Services for looked after children"), or "" for a report in one part.</summary>
    private static string Part(Judgement j, OutlineState outline) => j.SectionPath.FirstOrDefault(outline.Parts.Contains) ?? "";

    private static int FirstParagraphUnder(SectionState s, List<SectionState> all)
    {
        foreach (var other in all)
            if (other.Path.Count > s.Path.Count && other.Path.Take(s.Path.Count).SequenceEqual(s.Path) && other.Paragraphs.Count > 0)
                return other.Paragraphs[0];
        return -1;
    }

    /// <summary>
    /// Rows of a judgement table: label | grade. A row with an empty grade cell names a part of
    /// the report (a part heading, and the next row is its overall effectiveness) or a group of judgements.
    /// </summary>
    private static List<(Judgement Judgement, Grade Grade, OutcomeAreas.Term? Term)> Rows(TextBlock table, SectionState s, OutlineState outline, DocumentProfile profile)
    {
        var result = new List<(Judgement, Grade, OutcomeAreas.Term?)>();
        string? part = null;
        var rows = table.Rows.Select(r => r.Where(c => c.Length > 0).ToArray()).Where(r => r.Length > 0).ToList();
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Length == 1)
            {
                bool opensPart = (outline.Parts.Contains(row[0]) || PartHeadingRule.IsNumberedPart(row[0]))
                    && i + 1 < rows.Count && OutcomeAreas.FromHeading(rows[i + 1][0]) == OutcomeAreas.OverallEffectiveness;
                if (opensPart) part = row[0];
                continue;
            }
            if (row.Length != 2) continue;
            var grade = GradeScales.TryParseGradeLine(row[1], profile.NumericScale, out var g, out var before) && before.Length == 0 ? g : GradeScales.FromWords(row[1]);
            if (grade is null) continue;
            var term = OutcomeAreas.TermFor(row[0], profile.Framework);
            var path = new List<string>(s.Path);
            if (part is not null) path.Add(part);
            path.Add(row[0]);
            result.Add((new Judgement(term?.Common ?? row[0], path, grade, null, JudgementSource.Table) { FrameworkArea = term?.Name }, grade, term));
        }
        return result;
    }
}
