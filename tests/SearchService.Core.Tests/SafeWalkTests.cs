using System.Diagnostics;
using System.Text;
using SearchService.Core.Reading;

namespace SearchService.Core.Tests;

/// <summary>A walk that takes regular files only and never follows links around the tree; per-file limits; clean text.</summary>
public sealed class SafeWalkTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("safe-walk-").FullName;

    private string Good(string name = "good.txt")
    {
        var path = Path.Combine(_folder, name);
        File.Copy(Path.Combine(SeedCorpus.Folder, "004_6dc884be81250f76.txt"), path);
        return path;
    }

    private static (IReadOnlyList<string> Files, List<FileOutcome> Skipped, TimeSpan Took) Walk(params string[] paths)
    {
        var skipped = new List<FileOutcome>();
        var clock = Stopwatch.StartNew();
        var files = Corpus.Files(paths, DocumentReaders.Default, skipped: skipped);
        return (files, skipped, clock.Elapsed);
    }

    [Fact]
    public void A_symbolic_link_loop_and_links_out_of_the_tree_are_named_and_not_followed()
    {
        Good();
        var inner = Directory.CreateDirectory(Path.Combine(_folder, "inner")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(inner, "loop"), _folder); // inner/loop → the folder itself
        Directory.CreateSymbolicLink(Path.Combine(_folder, "etc"), "/etc");
        File.CreateSymbolicLink(Path.Combine(_folder, "outside.txt"), "/etc/hostname");

        var (files, skipped, took) = Walk(_folder);
        Assert.True(took < TimeSpan.FromSeconds(5), $"walk took {took}");
        Assert.Equal([Path.Combine(_folder, "good.txt")], files);
        Assert.Contains(skipped, s => s.Path.EndsWith("loop", StringComparison.Ordinal) && s.Error!.Contains("symbolic link to a folder"));
        Assert.Contains(skipped, s => s.Path.EndsWith("etc", StringComparison.Ordinal) && s.Error!.Contains("not followed"));
        Assert.Contains(skipped, s => s.Path.EndsWith("outside.txt", StringComparison.Ordinal) && s.Error!.Contains("symbolic link"));
        Assert.All(skipped, s => Assert.True(s.Skipped));
    }

    [Fact]
    public void A_fifo_and_a_link_to_dev_zero_are_skipped_within_seconds_without_being_opened()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "FIFOs and /dev/zero are Linux file system objects");
        Good();
        var fifo = Path.Combine(_folder, "pipe.txt");
        using (var mkfifo = Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();
        File.CreateSymbolicLink(Path.Combine(_folder, "zeros.txt"), "/dev/zero");

        var (files, skipped, took) = Walk(_folder);
        Assert.True(took < TimeSpan.FromSeconds(5), $"walk took {took}");
        Assert.Equal([Path.Combine(_folder, "good.txt")], files);
        Assert.Contains(skipped, s => s.Path == fifo && s.Error == "a FIFO, not a regular file");
        Assert.Contains(skipped, s => s.Path.EndsWith("zeros.txt", StringComparison.Ordinal));

        // Named on the command line they are still never opened: the reader refuses them by kind.
        var clock = Stopwatch.StartNew();
        var fromFifo = Corpus.Read(fifo, DocumentReaders.Default);
        var fromZero = Corpus.Read(Path.Combine(_folder, "zeros.txt"), DocumentReaders.Default);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Equal("a FIFO, not a regular file", fromFifo.Error);
        Assert.Equal("a device, not a regular file", fromZero.Error);
    }

    [Fact]
    public void A_pdf_with_a_million_page_references_is_refused_by_its_page_limit_within_seconds()
    {
        var path = Path.Combine(_folder, "pages.pdf");
        File.WriteAllBytes(path, PageBomb(1_000_000));
        var clock = Stopwatch.StartNew();
        var outcome = Corpus.Read(path, DocumentReaders.Default);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.True(outcome.Failed);
        Assert.Equal("the PDF declares 1,000,000 pages, over the limit of 2,000", outcome.Error);

        // Within the limit the same construction reads: the limit, not the shape, refused it.
        File.WriteAllBytes(path, PageBomb(3));
        Assert.DoesNotContain("pages", Corpus.Read(path, DocumentReaders.Default).Error ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void A_fifteen_megabyte_line_becomes_paragraphs_of_bounded_length_split_at_sentence_ends()
    {
        var sentence = "The council reviewed placement stability for looked after children in the county. ";
        var path = Path.Combine(_folder, "one-line.txt");
        File.WriteAllText(path, "Coventry City Council\n\nBriefing note\n\n" + string.Concat(Enumerable.Repeat(sentence, 15 * 1024 * 1024 / sentence.Length)) + "\n");
        var outcome = Corpus.Read(path, DocumentReaders.Default);
        Assert.Null(outcome.Error);
        var paragraphs = outcome.Documents.SelectMany(d => d.Paragraphs).ToList();
        Assert.True(paragraphs.Count > 700, $"{paragraphs.Count} paragraphs, longest {paragraphs.Max(p => p.Text.Length)}");
        Assert.All(paragraphs, p => Assert.True(p.Text.Length <= ReadLimits.Default.MaxParagraphChars, $"{p.Text.Length} characters"));
        Assert.All(paragraphs.Where(p => p.Text.Length > 1000), p => Assert.EndsWith("county.", p.Text));

        // With a lower limit on paragraphs per document the same file is refused, named with its reason.
        var refused = Corpus.Read(path, DocumentReaders.Default.With(ReadLimits.Default with { MaxParagraphsPerDocument = 500 }));
        Assert.True(refused.Failed);
        Assert.Contains($"has {paragraphs.Count} paragraphs, over the limit of 500", refused.Error);
    }

    [Fact]
    public void Characters_xml_cannot_hold_are_removed_at_ingest()
    {
        var path = Path.Combine(_folder, "control.txt");
        File.WriteAllText(path, "Coventry City Council\n\nBriefing note\n\nThe \u0001council\u001B reviewed\u000C placement\u0008 stability\uFFFF today.\n");
        var outcome = Corpus.Read(path, DocumentReaders.Default);
        Assert.Null(outcome.Error);
        Assert.Contains("The council reviewed\n placement stability today.", DocumentReaders.Default.Read(path).Text);
        var text = string.Join("\n", outcome.Documents.SelectMany(d => d.Paragraphs).Select(p => p.Text));
        Assert.Contains("placement stability today.", text);
        Assert.DoesNotContain(text, c => c < 0x20 && c is not ('\n' or '\t' or '\r'));
        Assert.DoesNotContain('\uFFFF', text);
        Assert.Equal("a\nb😀c", DocumentReaders.XmlSafe("a\fb\u0000😀\uD800c"));
    }

    [Fact]
    public void Text_within_the_paragraph_limit_is_left_as_it_is_and_a_run_without_breaks_is_cut_at_the_limit()
    {
        var text = string.Concat(Enumerable.Repeat("A sentence. ", 50)) + "\n\n" + new string('x', 100);
        Assert.Same(text, DocumentReaders.SplitLongParagraphs(text, 20_000));
        var cut = DocumentReaders.SplitLongParagraphs(new string('x', 2500), 1000).Split("\n\n");
        Assert.Equal([1000, 1000, 500], cut.Select(c => c.Length));
    }

    /// <summary>A valid PDF whose page tree lists one page object <paramref name="pages"/> times.</summary>
    internal static byte[] PageBomb(int pages)
    {
        var ms = new MemoryStream();
        var offsets = new List<long>();
        void W(string s) => ms.Write(Encoding.ASCII.GetBytes(s));
        W("%PDF-1.4\n");
        offsets.Add(ms.Position); W("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
        offsets.Add(ms.Position); W($"2 0 obj << /Type /Pages /Count {pages} /Kids [");
        var kid = Encoding.ASCII.GetBytes("3 0 R ");
        for (int i = 0; i < pages; i++) ms.Write(kid);
        W("] >> endobj\n");
        offsets.Add(ms.Position); W("3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj\n");
        const string content = "BT /F1 12 Tf 72 720 Td (Coventry City Council placement stability) Tj ET";
        offsets.Add(ms.Position); W($"4 0 obj << /Length {content.Length} >> stream\n{content}\nendstream endobj\n");
        offsets.Add(ms.Position); W("5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n");
        long xref = ms.Position;
        W("xref\n0 6\n0000000000 65535 f \n");
        foreach (var o in offsets) W($"{o:D10} 00000 n \n");
        W($"trailer << /Size 6 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return ms.ToArray();
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
