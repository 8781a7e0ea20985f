using System.Text.RegularExpressions;
using SearchService.Core.Metadata;
using SearchService.Core.Model;

namespace SearchService.Core.Tests;

/// <summary>The real published reports against the hand-checked judgements.csv: 100% agreement expected.</summary>
public partial class PublishedReportTests(ITestOutputHelper output)
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
                Check("framework", row["framework"], CsvFramework(d.Framework));
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

    /// <summary>
    /// Every report's metadata beyond judgements.csv's columns: the gazetteer row of its authority
    /// (DfE and ONS codes, region, type), its document type in Ofsted's words (never Other), the
    /// publication date (exact where printed; where only the PDF's production date is known, its
    /// year), a lead inspector that is a name, and the front page as one citable paragraph. Misses
    /// are listed in Data/known-misses/frontmatter.tsv, as for the judgements.
    /// </summary>
    [Fact]
    public void Every_report_carries_its_authority_type_publication_date_and_front_matter()
    {
        Assert.True(PublishedReports.Available, $"the shared corpus is not at {PublishedReports.Folder}");
        var misses = new List<Miss>();
        var truth = PublishedReports.Truth().ToDictionary(r => r["file"]);
        int documents = 0;
        foreach (var file in PublishedReports.Files)
        {
            var outcome = PublishedReports.Outcome(file);
            if (outcome.Error is not null) continue;
            var found = new List<Miss>();
            void Check(string check, string expected, string? got)
            {
                if (!string.Equals(expected, got ?? "", StringComparison.Ordinal)) found.Add(new Miss(file, check, expected, got ?? ""));
            }
            foreach (var d in outcome.Documents)
            {
                documents++;
                Check("document_type", "not Other", d.DocumentType == DocumentTypes.Other ? "Other" : "not Other");
                Check("lead_inspector", "a name", d.LeadInspector is { } lead && PersonName().IsMatch(lead) ? "a name" : d.LeadInspector);
                var front = d.Paragraphs.FirstOrDefault(p => p.Id == d.FrontMatter.ParagraphId);
                Check("front_page", "front page with the inspection dates", front is not null && front.Label == "front page" && front.Text.Contains("Inspection date", StringComparison.OrdinalIgnoreCase)
                    ? "front page with the inspection dates" : front?.Label);
                if (!truth.TryGetValue(file, out var row)) continue;
                var row0 = Authorities.Resolve(row["authority"]);
                Check("la_code", row0?.LaCode ?? "?", d.LocalAuthority?.LaCode);
                Check("ons_code", row0?.OnsCode ?? "?", d.LocalAuthority?.OnsCode);
                Check("region", row0?.Region ?? "?", d.LocalAuthority?.Region);
                Check("authority_type", row0?.Type ?? "", d.LocalAuthority?.Type);
                Check("document_type", ExpectedType(row["framework"]), d.DocumentType);
                if (d.FrontMatter.PublishedBasis == DateBasis.PdfProduced) Check("publication_year", row["publication_date"][..4], d.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture));
                else Check("publication_date", row["publication_date"], d.Date?.ToString("yyyy-MM-dd"));
            }
            misses.AddRange(found);
            output.WriteLine($"{file}: {(found.Count == 0 ? "all agree" : string.Join("; ", found.Select(m => $"{m.Check} '{m.Read}' for '{m.Expected}'")))}");
        }
        output.WriteLine($"{documents} documents; {misses.Count} miss(es)");
        var verdict = KnownMisses.Verdict("frontmatter", misses, KnownMisses.Load("frontmatter"));
        Assert.True(verdict is null, verdict);
    }

    /// <summary>judgements.csv and the report disagree on West Berkshire's 2015 publication date: the printed words are right.</summary>
    [Fact]
    public void Where_judgements_csv_and_the_printed_front_page_disagree_the_printed_date_is_read()
    {
        var d = PublishedReports.Outcome("80577_west-berkshire_2015-05-18.pdf").Documents.Single();
        Assert.Equal((new DateOnly(2015, 5, 13), DateBasis.PrintedPublication), (d.Date!.Value, d.FrontMatter.PublishedBasis));
        Assert.Contains("Report published: 13 May 2015", d.Paragraphs.Single(p => p.Id == d.FrontMatter.ParagraphId).Text, StringComparison.Ordinal);
    }

    private static string ExpectedType(string csvFramework) => csvFramework switch
    {
        "short" or "standard" => DocumentTypes.Ilacs,
        "single inspection" => DocumentTypes.SingleInspection,
        "looked after children inspection" => DocumentTypes.LookedAfterChildrenInspection,
        "lscb review" => DocumentTypes.LscbReview,
        _ => csvFramework,
    };

    [GeneratedRegex(@"^[A-Z][\w'’-]+(?: [A-Za-z][\w'’-]+){1,3}$")]
    private static partial Regex PersonName();

    /// <summary>The framework as judgements.csv names it.</summary>
    private static string CsvFramework(Framework f) => f switch
    {
        Framework.IlacsShort => "short",
        Framework.IlacsStandard => "standard",
        Framework.SingleInspection => "single inspection",
        Framework.LookedAfterChildrenInspection => "looked after children inspection",
        Framework.LscbReview => "lscb review",
        _ => Frameworks.Name(f),
    };

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
