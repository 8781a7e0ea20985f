using SearchService.Core.Model;

namespace SearchService.Core.Tests;

/// <summary>Golden expectations for each seed: documents, graded sections and paragraph spot checks (tables under Data/).</summary>
public class SeedSegmentationTests
{
    public static IEnumerable<object[]> Documents => GoldenTable.Cases("seed-documents.tsv");
    public static IEnumerable<object[]> Outline => GoldenTable.Cases("seed-outline.tsv");
    public static IEnumerable<object[]> Paragraphs => GoldenTable.Cases("seed-paragraphs.tsv");

    [Theory]
    [MemberData(nameof(Documents))]
    public void Each_seed_document_is_recognised_from_its_text(string file, string id, string type, string authority, string date, string title)
    {
        var document = SeedCorpus.File(file).SingleOrDefault(d => d.Id == id);
        Assert.True(document is not null, $"{file}: no document {id}; got {string.Join(", ", SeedCorpus.File(file).Select(d => d.Id))}");
        Assert.Equal(type, document.DocumentType);
        Assert.Equal(authority, document.Authority);
        Assert.Equal(date, document.Date?.ToString("yyyy-MM-dd"));
        Assert.Equal(title, document.Title);
        Assert.NotEmpty(document.Paragraphs);
    }

    [Fact]
    public void Every_seed_document_is_in_the_golden_table()
    {
        var expected = GoldenTable.Rows("seed-documents.tsv").Select(r => r[1]).ToHashSet();
        Assert.Equal(expected.Order(), SeedCorpus.All.Select(d => d.Id).Order());
    }

    [Theory]
    [MemberData(nameof(Outline))]
    public void Graded_sections_carry_their_area_and_normalised_grade(string id, string path, string area, string label, string raw)
    {
        var document = SeedCorpus.Document(id);
        var section = document.Sections.SingleOrDefault(s => string.Join(" › ", s.Path) == path);
        Assert.True(section is not null, $"{id}: no section '{path}'; sections: {string.Join(" | ", document.Sections.Select(s => string.Join(" › ", s.Path)))}");
        Assert.Equal(area, section.OutcomeArea);
        Assert.NotNull(section.Grade);
        Assert.Equal((label, raw), (section.Grade.Label, section.Grade.Raw));
        Assert.Contains(document.Judgements, j => j.Source == JudgementSource.Section && j.SectionPath.SequenceEqual(section.Path) && j.Grade.Label == label);
    }

    [Fact]
    public void Every_graded_section_of_the_seeds_is_in_the_golden_table()
    {
        var expected = GoldenTable.Rows("seed-outline.tsv").Select(r => $"{r[0]} | {r[1]}").ToHashSet();
        var graded = SeedCorpus.All.SelectMany(d => d.Judgements.Where(j => j.Source == JudgementSource.Section).Select(j => $"{d.Id} | {string.Join(" › ", j.SectionPath)}"));
        Assert.DoesNotContain(graded, g => !expected.Contains(g));
    }

    [Theory]
    [MemberData(nameof(Paragraphs))]
    public void Paragraphs_keep_their_printed_label_section_and_text(string id, string label, string path, string grade, string startsWith, string contains)
    {
        var document = SeedCorpus.Document(id);
        var paragraph = document.Paragraphs.FirstOrDefault(p => p.Label == label);
        Assert.True(paragraph is not null, $"{id}: no paragraph labelled {label}");
        Assert.Equal(path == "-" ? "" : path, string.Join(" › ", paragraph.SectionPath));
        Assert.Equal(grade == "-" ? null : grade, paragraph.Grade?.Label);
        Assert.StartsWith(startsWith, paragraph.Text);
        if (contains != "-") Assert.Contains(contains, paragraph.Text.Replace('\n', ' '));
    }

    [Fact]
    public void The_inspection_report_numbers_paragraphs_1_to_122_without_gaps()
    {
        var labels = SeedCorpus.Document("coventry-2011-05-12-slac-inspection").Paragraphs
            .Select(p => int.TryParse(p.Label, out var n) ? n : 0).Where(n => n > 0).Distinct().Order().ToList();
        Assert.Equal(Enumerable.Range(1, 122), labels);
    }

    [Fact]
    public void Furniture_is_never_a_paragraph()
    {
        string[] furniture = ["This page is intentionally left blank", "Yours sincerely", "Dear Mr", "handwritten signature", "Alexandra House", "Aviation House", "Contents"];
        foreach (var d in SeedCorpus.All)
            foreach (var p in d.Paragraphs)
                foreach (var f in furniture)
                    Assert.False(p.Text.StartsWith(f, StringComparison.OrdinalIgnoreCase), $"{p.Id} is furniture: {p.Text[..Math.Min(80, p.Text.Length)]}");
    }

    [Fact]
    public void The_contents_list_is_not_indexed()
    {
        var report = SeedCorpus.Document("coventry-2011-05-12-slac-inspection");
        Assert.DoesNotContain(report.Paragraphs, p => p.Text.Contains("About this inspection 2"));
        Assert.Equal(["Inspection details", "About this inspection"], report.Sections.Take(2).Select(s => s.Path[0]));
    }

    [Fact]
    public void Staying_safe_is_the_outcome_area_of_both_2007_letters_and_the_2011_looked_after_children_section()
    {
        var staying = SeedCorpus.All.Where(d => d.Paragraphs.Any(p => p.OutcomeArea == "Staying safe")).Select(d => d.Id).Order().ToList();
        Assert.Equal(["coventry-2007-11-26-apa", "coventry-2011-05-12-slac-inspection", "stoke-on-trent-2007-11-26-apa"], staying);
    }

    [Fact]
    public void Paragraph_ids_are_unique_url_safe_and_stable_across_parses()
    {
        var again = ReportParser.Parse(Reading.DocumentReaders.Default.Read(Path.Combine(SeedCorpus.Folder, "002_994738eb2a100e62.txt")));
        var ids = SeedCorpus.All.SelectMany(d => d.Paragraphs).Select(p => p.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^[a-z0-9._~-]+$", id));
        Assert.Equal(SeedCorpus.Document("coventry-2011-05-12-slac-inspection").Paragraphs.Select(p => p.Id), again[0].Paragraphs.Select(p => p.Id));
        Assert.Equal("coventry-2011-05-12-slac-inspection~86", again[0].Paragraphs.Single(p => p.Label == "86").Id);
    }

    [Fact]
    public void The_record_of_main_findings_adds_the_judgements_printed_only_there()
    {
        var report = SeedCorpus.Document("coventry-2011-05-12-slac-inspection");
        var tableOnly = report.Judgements.Where(j => j.Source == JudgementSource.Table).ToList();
        Assert.Equal(2, tableOnly.Count);
        Assert.All(tableOnly, j => Assert.Equal(("Equality and diversity", GradeLabels.Good), (j.Area, j.Grade.Label)));
    }

    [Fact]
    public void Markdown_is_understood_for_structure_and_stripped_from_text()
    {
        var letter = SeedCorpus.Document("coventry-2011-11-08-annual-assessment");
        Assert.Contains(letter.Sections, s => s.Path.SequenceEqual(["Coventry City Council children's services assessment 2011", "Strengths"]));
        Assert.DoesNotContain(letter.Paragraphs, p => p.Text.Contains("**") || p.Text.Contains("\\*") || p.Text.Contains("](mailto"));
        Assert.Contains(letter.Paragraphs, p => p.Text.Contains("A* to C grades"));
    }
}
