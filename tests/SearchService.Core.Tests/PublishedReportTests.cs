using System.Text.RegularExpressions;
using SearchService.Core.Metadata;
using SearchService.Core.Model;

namespace SearchService.Core.Tests;

/// <summary>The real published reports against the hand-checked judgements.csv: 100% agreement expected.</summary>
public class PublishedReportTests(ITestOutputHelper output)
{
    private static readonly (string Column, string Area)[] Columns =
    [
        ("overall_effectiveness", OutcomeAreas.OverallEffectiveness),
        ("impact_of_leaders", OutcomeAreas.ImpactOfLeaders),
        ("help_and_protection", OutcomeAreas.HelpAndProtection),
        ("children_in_care", OutcomeAreas.ChildrenInCare),
        ("care_leavers", OutcomeAreas.CareLeavers),
    ];

    /// <summary>
    /// Every field of judgements.csv, for every report. What agrees today must keep agreeing; what does
    /// not is listed with its reason in Data/known-misses/judgements.tsv, and a listed miss that now
    /// agrees fails until it is taken off the list.
    /// </summary>
    [Fact]
    public void Every_report_matches_judgements_csv()
    {
        Assert.True(PublishedReports.Available, $"the shared corpus is not at {PublishedReports.Folder}");
        var misses = new List<Miss>();
        int checkedFields = 0;
        var truth = PublishedReports.Truth();
        foreach (var row in truth)
        {
            var file = row["file"];
            var outcome = PublishedReports.Outcome(file);
            var found = new List<Miss>();
            int fields = 0;
            if (outcome.Error is not null) found.Add(new Miss(file, "read", "read", outcome.Error));
            else
            {
                var d = outcome.Documents.Single();
                void Check(string field, string? expected, string? got)
                {
                    fields++;
                    if (!string.Equals(expected ?? "", got ?? "", StringComparison.Ordinal)) found.Add(new Miss(file, field, expected ?? "", got ?? ""));
                }
                Check("authority", Authorities.Canonicalise(row["authority"]) ?? row["authority"], d.Authority);
                Check("inspection_start", row["inspection_start"], d.InspectionStart?.ToString("yyyy-MM-dd"));
                Check("inspection_end", row["inspection_end"], d.InspectionEnd?.ToString("yyyy-MM-dd"));
                Check("framework", row["framework"], d.Framework);
                foreach (var (column, area) in Columns)
                {
                    var judgement = d.Judgements.FirstOrDefault(j => j.Area == area);
                    Check(column, row[column], judgement is null ? "" : Printed(judgement.Grade.Raw));
                    if (judgement is not null && GradeScales.LabelFromWords(Printed(judgement.Grade.Raw)) != judgement.Grade.Label)
                        found.Add(new Miss(file, column + " normalised", GradeScales.LabelFromWords(Printed(judgement.Grade.Raw)) ?? "", judgement.Grade.Label));
                }
            }
            checkedFields += fields;
            misses.AddRange(found);
            output.WriteLine($"{file}: {fields} fields, {(found.Count == 0 ? "all agree" : $"{found.Count} miss(es): {string.Join("; ", found.Select(m => $"{m.Check} '{m.Read}' for '{m.Expected}'"))}")}");
        }
        var listed = KnownMisses.Load("judgements");
        output.WriteLine($"{checkedFields} fields checked over {truth.Count} reports; {misses.Count} miss(es), {listed.Count} listed");
        var verdict = KnownMisses.Verdict("judgements", misses, listed);
        Assert.True(verdict is null, verdict);
    }

    /// <summary>The grade words as judgements.csv writes them: lower case, "require" read as "requires".</summary>
    private static string Printed(string raw)
    {
        var w = Regex.Replace(raw.Trim().ToLowerInvariant(), @"\s+", " ");
        w = Regex.Replace(w, @"^grade \d \((.+)\)$", "$1");
        return Regex.Replace(w, @"^require\b", "requires");
    }

    [Fact]
    public void The_file_that_is_not_a_pdf_is_named_with_its_reason()
    {
        var outcome = PublishedReports.Outcome("80490_bromley_2012-08-17.pdf");
        Assert.True(outcome.Failed);
        Assert.Contains("not a PDF", outcome.Error);
    }
}
