using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using SearchService.Core.Briefings;

namespace SearchService.Core.Tests;

public class BriefingWriterTests(ITestOutputHelper output)
{
    private static readonly Briefing Sample = new("Looked after children: stability", [
        new BriefingItem("Stable placements in 2011:", "Looked after children live in stable placements which provide high quality care and support.",
            "Ofsted (2011) Inspection of safeguarding and looked after children services: Coventry, para. 86.", "http://x/p/a~86", "a", "Ofsted (2011) Inspection A.", "http://x/d/a"),
        new BriefingItem(null, "Placement stability is poor <with> [brackets] & *stars*.",
            "Ofsted (2007) APA letter, para. 11.", "http://x/p/b~11", "b", "Ofsted (2007) APA letter.", "http://x/d/b"),
        new BriefingItem(null, "Second quote from A.", "Ofsted (2011) Inspection of safeguarding and looked after children services: Coventry, para. 87.", "http://x/p/a~87", "a", "Ofsted (2011) Inspection A.", "http://x/d/a"),
    ], new DateOnly(2026, 11, 23));

    [Fact]
    public void Markdown_has_notes_quotes_footnotes_and_each_source_once()
    {
        var md = BriefingWriter.Markdown(Sample);
        Assert.StartsWith("# Looked after children: stability", md);
        Assert.Contains("Stable placements in 2011:\n\n> Looked after children live in stable placements", md);
        Assert.Contains("[^1]\n", md);
        Assert.Contains("[^1]: Ofsted (2011) Inspection of safeguarding and looked after children services: Coventry, para. 86. <http://x/p/a~86>", md);
        Assert.Contains("[^3]: ", md);
        Assert.Equal(1, CountOf(md, "Ofsted (2011) Inspection A."));
        Assert.Contains("&lt;with> \\[brackets\\]", md);
    }

    [Fact]
    public void Html_escapes_text_and_links_footnotes()
    {
        var html = BriefingWriter.Html(Sample);
        Assert.Contains("&lt;with&gt;", html);
        Assert.DoesNotContain("<with>", html);
        Assert.Contains("href=\"#fn2\"", html);
        Assert.Contains("id=\"fn3\"", html);
    }

    [Fact]
    public void Docx_validates_and_its_footnotes_are_the_citations()
    {
        var bytes = BriefingWriter.Docx(Sample);
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        output.WriteLine(string.Join("\n", errors));
        Assert.Empty(errors);
        var footnotes = doc.MainDocumentPart!.FootnotesPart!.Footnotes!.Elements<DocumentFormat.OpenXml.Wordprocessing.Footnote>()
            .Where(f => f.Id!.Value > 0).Select(f => f.InnerText.Trim()).ToList();
        Assert.Equal(Sample.Items.Select(i => $"{i.Citation} {i.Url}"), footnotes);
        Assert.Contains("Looked after children live in stable placements", doc.MainDocumentPart.Document!.InnerText);
    }

    [Fact]
    public void Docx_converts_to_pdf_with_libreoffice_when_it_is_installed()
    {
        var office = new[] { "/usr/bin/libreoffice", "/usr/bin/soffice" }.FirstOrDefault(File.Exists);
        if (office is null) Assert.Skip("LibreOffice is not installed (apt-get install libreoffice-writer to run this check).");
        var dir = Directory.CreateTempSubdirectory("briefing-").FullName;
        var docx = Path.Combine(dir, "briefing.docx");
        File.WriteAllBytes(docx, BriefingWriter.Docx(Sample));
        using var p = Process.Start(new ProcessStartInfo(office, ["--headless", "--convert-to", "pdf", "--outdir", dir, docx]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        Assert.True(p.WaitForExit(120_000), "LibreOffice did not finish in two minutes");
        Assert.True(File.Exists(Path.Combine(dir, "briefing.pdf")), p.StandardError.ReadToEnd());
    }

    private static int CountOf(string text, string part)
    {
        int n = 0, i = 0;
        while ((i = text.IndexOf(part, i, StringComparison.Ordinal)) >= 0) { n++; i += part.Length; }
        return n;
    }
}
