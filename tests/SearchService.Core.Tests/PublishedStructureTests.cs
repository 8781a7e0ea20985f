using System.Text.RegularExpressions;

namespace SearchService.Core.Tests;

/// <summary>Structure of the real PDFs as indexed: no page furniture, printed numbering kept, page breaks mended.</summary>
public class PublishedStructureTests(ITestOutputHelper output)
{
    /// <summary>No page furniture as a paragraph; the known exceptions are listed in Data/known-misses/furniture.tsv.</summary>
    [Fact]
    public void No_paragraph_is_a_running_header_a_page_number_or_a_footnote_body()
    {
        Assert.True(PublishedReports.Available, $"the shared corpus is not at {PublishedReports.Folder}");
        var misses = new List<Miss>();
        foreach (var d in PublishedReports.Documents)
        {
            int before = misses.Count;
            foreach (var p in d.Paragraphs)
            {
                var t = p.Text.Trim();
                if (Regex.IsMatch(t, @"^\d{1,3}$")
                    || Regex.IsMatch(t, @"^Inspection of .{2,60} local authority children['’]s services$", RegexOptions.IgnoreCase)
                    || t.Contains("have been cross-referenced with the outcomes, enablers or principles", StringComparison.Ordinal)
                    || t.Contains("Piccadilly Gate", StringComparison.Ordinal)
                    || t.StartsWith("© Crown copyright", StringComparison.Ordinal))
                    misses.Add(new Miss(d.SourceFile, "furniture", "no page furniture as a paragraph", t[..Math.Min(t.Length, 60)]));
            }
            output.WriteLine($"{d.SourceFile}: {d.Paragraphs.Count} paragraphs, {misses.Count - before} furniture");
        }
        var verdict = KnownMisses.Verdict("furniture", misses, KnownMisses.Load("furniture"));
        Assert.True(verdict is null, verdict);
    }

    /// <summary>Printed paragraph numbers run on without gaps; the known gaps are listed in Data/known-misses/numbering.tsv.</summary>
    [Fact]
    public void Numbered_paragraphs_are_consecutive_within_each_report()
    {
        Assert.True(PublishedReports.Available, $"the shared corpus is not at {PublishedReports.Folder}");
        int reports = 0;
        var misses = new List<Miss>();
        foreach (var d in PublishedReports.Documents)
        {
            var numbers = d.Paragraphs.Select(p => int.TryParse(p.Label, out var n) ? n : 0).Where(n => n > 0).Distinct().ToList();
            if (numbers.Count == 0) continue;
            reports++;
            int before = misses.Count;
            // Single inspections restart their numbering for the LSCB section: check each run.
            var runs = new List<List<int>> { new() };
            foreach (var n in numbers)
            {
                if (runs[^1].Count > 0 && n < runs[^1][^1]) runs.Add([]);
                runs[^1].Add(n);
            }
            foreach (var run in runs)
                for (int i = 1; i < run.Count; i++)
                    if (run[i] != run[i - 1] + 1)
                        misses.Add(new Miss(d.SourceFile, "numbering", $"{run[i - 1] + 1} after {run[i - 1]}", $"{run[i]} after {run[i - 1]}"));
            output.WriteLine($"{d.SourceFile}: numbered 1–{numbers.Max()}, {misses.Count - before} gap(s)");
        }
        output.WriteLine($"{reports} numbered reports, {misses.Count} gap(s)");
        // Nearly every published report numbers its paragraphs: most of the corpus, not a fixed count.
        int withText = PublishedReports.Documents.Count();
        Assert.True(reports >= withText * 9 / 10, $"only {reports} of {withText} reports have numbered paragraphs");
        var verdict = KnownMisses.Verdict("numbering", misses, KnownMisses.Load("numbering"));
        Assert.True(verdict is null, verdict);
    }

    [Theory]
    [InlineData("80456_coventry_2026-05-18.pdf", "11", "Most child protection plans are clear about risks to children.", "out in the child protection plan")]
    [InlineData("80456_coventry_2026-05-18.pdf", "1", "Children in Coventry who need help and protection receive prompt", "purposeful, targeted support for families.")]
    [InlineData("80456_coventry_2014-03-21.pdf", "97", "Care leavers are well supported through the new Route 21 service", "know their young people well")]
    public void Paragraphs_broken_by_a_page_break_are_one_paragraph(string file, string label, string startsWith, string contains)
    {
        var d = PublishedReports.Outcome(file).Documents.Single();
        var p = d.Paragraphs.First(x => x.Label == label);
        Assert.StartsWith(startsWith, p.Text);
        Assert.Contains(contains, p.Text);
        Assert.Single(d.Paragraphs, x => x.Label == label);
    }

    [Fact]
    public void Judgement_headings_become_graded_sections_with_their_outcome_area()
    {
        var d = PublishedReports.Outcome("80456_coventry_2026-05-18.pdf").Documents.Single();
        var section = d.Sections.Single(s => s.Path.Last() == "The experiences and progress of children in care");
        Assert.Equal(("Children in care", "outstanding"), (section.OutcomeArea, section.Grade?.Label));
        Assert.Contains(d.Sections, s => s.Path.Last() == "Headline summary" && s.ParagraphIds.Count > 0);
        Assert.Contains(d.Sections, s => s.Path.Last() == "What needs to improve?" && s.ParagraphIds.Count > 0);
        Assert.Equal("Sophie Wales", d.LeadInspector);
        Assert.Equal(2026, d.Year);
    }

    [Fact]
    public void The_framework_after_April_2026_has_no_overall_effectiveness_and_none_is_guessed()
    {
        var d = PublishedReports.Outcome("80480_lancashire_2026-08-20.pdf").Documents.Single();
        Assert.DoesNotContain(d.Judgements, j => j.Area == "Overall effectiveness");
        Assert.Contains(d.Judgements, j => j.Area == "Care leavers" && j.Grade.Label == "outstanding");
    }
}
