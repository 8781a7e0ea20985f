using System.Text;
using System.Text.RegularExpressions;
using SearchService.Core.Metadata;
using SearchService.Core.Model;
using Xunit.Abstractions;

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

    [Fact]
    public void Every_report_matches_judgements_csv()
    {
        Assert.True(PublishedReports.Available, $"the shared corpus is not at {PublishedReports.Folder}");
        var mismatches = new StringBuilder();
        int checkedFields = 0;
        foreach (var row in PublishedReports.Truth())
        {
            var file = row["file"];
            var outcome = PublishedReports.Outcome(file);
            if (outcome.Error is not null) { mismatches.AppendLine($"{file}: not read: {outcome.Error}"); continue; }
            var d = outcome.Documents.Single();
            void Check(string field, string? expected, string? got)
            {
                checkedFields++;
                if (!string.Equals(expected ?? "", got ?? "", StringComparison.Ordinal))
                    mismatches.AppendLine($"{file}: {field}: expected '{expected}', got '{got}'");
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
                    mismatches.AppendLine($"{file}: {column}: '{judgement.Grade.Raw}' normalised to '{judgement.Grade.Label}'");
            }
        }
        output.WriteLine($"{checkedFields} fields checked over {PublishedReports.Truth().Count} reports");
        output.WriteLine(mismatches.Length == 0 ? "all agree" : mismatches.ToString());
        Assert.True(mismatches.Length == 0, mismatches.ToString());
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
