using SearchService.Core.Metadata;
using SearchService.Core.Model;

namespace SearchService.Core.Tests;

/// <summary>Outcome areas over the real reports: every paragraph under a graded heading carries its area, and every area is a vocabulary term.</summary>
public class PublishedAreaTests(ITestOutputHelper output)
{
    /// <summary>
    /// Per report: every paragraph in a graded section (or below one) carries an outcome area; every
    /// graded heading names an area of the vocabulary; every area a paragraph carries is a term of the
    /// cross-framework vocabulary. Known misses are listed in Data/known-misses/areas.tsv.
    /// </summary>
    [Fact]
    public void Every_paragraph_under_a_graded_heading_carries_a_vocabulary_area()
    {
        Assert.True(PublishedReports.Available, $"the shared corpus is not at {PublishedReports.Folder}");
        var misses = new List<Miss>();
        int single = 0, singleWithArea = 0;
        foreach (var d in PublishedReports.Documents)
        {
            var found = new List<Miss>();
            var graded = d.Sections.Where(s => s.Grade is not null && s.Path.Count > 0).Select(s => s.Path).ToList();
            foreach (var j in d.Judgements.Where(j => j.Source == JudgementSource.Section && j.FrameworkArea is null))
                found.Add(new Miss(d.SourceFile, "graded_heading_area", "an area of the vocabulary", string.Join(" › ", j.SectionPath)));
            var withoutArea = d.Paragraphs.Where(p => p.OutcomeArea is null && graded.Any(g => p.SectionPath.Count >= g.Count && p.SectionPath.Take(g.Count).SequenceEqual(g))).ToList();
            if (withoutArea.Count > 0)
                found.Add(new Miss(d.SourceFile, "paragraph_area", "every paragraph under a graded heading carries its area", $"{withoutArea.Count} without, first {withoutArea[0].Label}"));
            foreach (var area in d.Paragraphs.Select(p => p.OutcomeArea).OfType<string>().Distinct().Where(a => !OutcomeAreas.All.Contains(a)))
                found.Add(new Miss(d.SourceFile, "vocabulary", "a term of the vocabulary", area));
            if (d.Framework == Framework.SingleInspection)
            {
                single += d.Paragraphs.Count;
                singleWithArea += d.Paragraphs.Count(p => p.OutcomeArea is not null);
            }
            misses.AddRange(found);
            output.WriteLine($"{d.SourceFile}: {d.Paragraphs.Count(p => p.OutcomeArea is not null)} of {d.Paragraphs.Count} paragraphs with an area, " +
                             $"{graded.Count} graded sections{(found.Count == 0 ? "" : "; " + string.Join("; ", found.Select(m => $"{m.Check} '{m.Read}'")))}");
        }
        output.WriteLine($"single inspections: {singleWithArea} of {single} paragraphs carry an area; {misses.Count} miss(es)");
        var verdict = KnownMisses.Verdict("areas", misses, KnownMisses.Load("areas"));
        Assert.True(verdict is null, verdict);
    }

    [Fact]
    public void A_single_inspection_reads_its_key_judgement_tables_and_graded_sentences_as_areas()
    {
        var d = PublishedReports.Outcome("80431_blackpool_2014-09-08.pdf").Documents.Single();
        Assert.Contains(d.Sections, s => s.OutcomeArea == OutcomeAreas.HelpAndProtection && s.Grade?.Raw == "Requires improvement");
        Assert.Contains(d.Sections, s => s.OutcomeArea == OutcomeAreas.Adoption && s.Grade?.Raw == "requires improvement");
        Assert.Contains(d.Sections, s => s.OutcomeArea == OutcomeAreas.Lscb && s.Grade?.Label == GradeLabels.RequiresImprovement);
        // "Summary" under a judgement is the judgement's: its paragraphs carry the area.
        Assert.Contains(d.Paragraphs, p => p.SectionPath.Count == 2 && p.SectionPath[1] == "Summary" && p.OutcomeArea == OutcomeAreas.ChildrenInCare);
        Assert.Equal("require improvement", d.Judgements.Single(j => j.Area == OutcomeAreas.OverallEffectiveness).Grade.Raw);
    }

    [Fact]
    public void Judgements_keep_the_words_printed_in_the_table()
    {
        // Durham 2019: the table prints "Requires improvement", the headings "requires improvement to be good".
        var d = PublishedReports.Outcome("80465_durham_2019-10-21.pdf").Documents.Single();
        var leaders = d.Judgements.Single(j => j.Area == OutcomeAreas.ImpactOfLeaders);
        Assert.Equal(("Requires improvement", GradeLabels.RequiresImprovement, JudgementSource.Table), (leaders.Grade.Raw, leaders.Grade.Label, leaders.Source));
        Assert.Equal("The impact of leaders on social work practice with children and families", leaders.FrameworkArea);
        Assert.Single(d.Judgements, j => j.Area == OutcomeAreas.HelpAndProtection);
    }
}
