using System.Text.RegularExpressions;
using SearchService.Core.Model;
using SearchService.Core.Reading;

namespace SearchService.Core.Tests;

/// <summary>
/// No invented citation labels, over the seeds and every published report. A paragraph's label (what
/// a citation's locator is made from) must be one of what <see cref="Enrichment.ParagraphLabels"/>
/// defines, each checked against the document itself:
/// a number printed at the start of a line of the text as read (the paragraph's own, or the numbered
/// paragraph or item it follows); in a document whose numeric labels run 1, 2, 3… in reading order, that
/// order; "front page" for the front-matter paragraph and only it; a table by the caption printed as
/// its first line ("Table 1") or by the heading it stands under; before any number, "{heading}, para. n"
/// where the heading is the paragraph's own section's and n counts that section's paragraphs without a
/// printed label (a table cited by its heading among them).
/// Anything else ("para. Judgements", "Inspection details 1") is invented, and fails.
/// </summary>
public partial class CitationLabelTests(ITestOutputHelper output)
{
    [Fact]
    public void No_paragraph_of_the_seeds_or_the_published_reports_has_an_invented_label()
    {
        Assert.True(PublishedReports.Available, $"the shared corpus is not at {PublishedReports.Folder}");
        var documents = Directory.GetFiles(SeedCorpus.Folder).Order(StringComparer.Ordinal)
            .Select(f => (Text: DocumentReaders.Default.Read(f).Text, Documents: (IEnumerable<ReportDocument>)SeedCorpus.File(Path.GetFileName(f))))
            .Concat(PublishedReports.Files.Where(f => PublishedReports.Outcome(f).Error is null)
                .Select(f => (Text: PublishedReports.Text(f), Documents: (IEnumerable<ReportDocument>)PublishedReports.Outcome(f).Documents)));
        var invented = new List<string>();
        int paragraphs = 0, checkedDocuments = 0;
        foreach (var (text, docs) in documents)
            foreach (var d in docs)
            {
                checkedDocuments++;
                paragraphs += d.Paragraphs.Count;
                invented.AddRange(Invented(d, text).Select(x => $"{d.SourceFile} {d.Id}: {x}"));
            }
        output.WriteLine($"{checkedDocuments} documents, {paragraphs} paragraphs, {invented.Count} invented label(s)");
        foreach (var x in invented.Take(50)) output.WriteLine(x);
        Assert.True(checkedDocuments > 250);
        Assert.True(invented.Count == 0, $"{invented.Count} invented label(s), e.g.\n{string.Join("\n", invented.Take(20))}");
    }

    /// <summary>The labels of a document that are none of the kinds the code defines, each with the paragraph's id.</summary>
    internal static IEnumerable<string> Invented(ReportDocument d, string text)
    {
        var numeric = d.Paragraphs.Where(p => Number().IsMatch(p.Label) && p.Kind != ParagraphKind.Table).Select(p => p.Label).ToList();
        bool readingOrder = numeric.Select((l, i) => l == (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).All(x => x);
        var printed = new Dictionary<string, bool>(StringComparer.Ordinal);
        var perSection = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in d.Paragraphs)
        {
            var label = p.Label;
            var heading = p.SectionPath.Count > 0 ? p.SectionPath[^1] : null;
            var key = string.Join("\u001F", p.SectionPath);
            bool ok;
            if (label == ReportParser.FrontPageLabel || p.Id == d.FrontMatter.ParagraphId)
                ok = label == ReportParser.FrontPageLabel && p.Id == d.FrontMatter.ParagraphId;
            else if (Number().IsMatch(label))
                ok = (readingOrder && p.Kind != ParagraphKind.Table) || (printed.TryGetValue(label, out var known) ? known : printed[label] = PrintedAtLineStart(text, label));
            else if (SectionOrdinal().Match(label) is { Success: true } m)
            {
                perSection[key] = perSection.GetValueOrDefault(key) + 1;
                ok = m.Groups["h"].Value == (heading?.TrimEnd('?', ':', '.') ?? "Preamble") && m.Groups["n"].Value == perSection[key].ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (p.Kind == ParagraphKind.Table && label == heading)
            {
                // A table with no caption is cited by its heading, and counts among the section's unnumbered paragraphs.
                perSection[key] = perSection.GetValueOrDefault(key) + 1;
                ok = true;
            }
            else ok = p.Kind == ParagraphKind.Table && p.Text.StartsWith(label, StringComparison.Ordinal);
            if (!ok) yield return $"{p.Id} labelled \"{label}\" (cited as \"{Citations.Locator(label)}\") under {string.Join(" > ", p.SectionPath)}";
            // Whatever the label, a citation says "para." only before a number.
            if (Citations.Locator(label).StartsWith("para. ", StringComparison.Ordinal) && !Number().IsMatch(label))
                yield return $"{p.Id}: \"{Citations.Locator(label)}\" puts \"para.\" before what is not a number";
        }
    }

    /// <summary>The number printed at the start of a line ("38. Leaders", "38.Leaders", "**5.** Item", "2.1 Sub"), as the reader extracted the text.</summary>
    private static bool PrintedAtLineStart(string text, string number) =>
        Regex.IsMatch(text, $@"(?m)^[\s*#>|•-]*{Regex.Escape(number)}(?:[.)]|\*\*|\s|$)");

    [GeneratedRegex(@"^\d{1,3}(\.\d{1,2})*$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^(?<h>.+), para\. (?<n>\d+)$")]
    private static partial Regex SectionOrdinal();

    [Theory]
    [InlineData("para. Judgements")]
    [InlineData("Inspection details 1")]
    [InlineData("Judgements 2")]
    public void The_check_catches_labels_of_the_invented_kinds(string label)
    {
        var d = SeedCorpus.Document("coventry-2011-05-12-slac-inspection");
        var p = d.Paragraphs.First(x => x.Id != d.FrontMatter.ParagraphId && x.Kind == ParagraphKind.Text);
        var forged = d with { Paragraphs = d.Paragraphs.Select(x => x.Id == p.Id ? x with { Label = label } : x).ToList() };
        Assert.NotEmpty(Invented(forged, DocumentReaders.Default.Read(Path.Combine(SeedCorpus.Folder, "002_994738eb2a100e62.txt")).Text));
    }
}
