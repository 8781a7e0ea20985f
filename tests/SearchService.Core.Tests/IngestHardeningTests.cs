using System.Text;
using SearchService.Core.Reading;

namespace SearchService.Core.Tests;

/// <summary>Bad files are reported by name with a reason; every other file is still read.</summary>
public sealed class IngestHardeningTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ingest-").FullName;

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    [Fact]
    public void Each_bad_file_is_named_with_its_reason_and_the_good_ones_are_read()
    {
        Write("empty.txt", []);
        Write("binary.txt", [0x00, 0x01, 0x02, 0xFF, 0x00, 0x10, 0x00]);
        Write("saved-web-page.pdf", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>Not a PDF</body></html>"));
        Write("corrupt.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"));
        using (var big = File.Create(Path.Combine(_folder, "huge.txt")))
        {
            var line = Encoding.UTF8.GetBytes(new string('x', 1023) + "\n");
            for (int i = 0; i < 50 * 1024; i++) big.Write(line);
        }
        // Windows-1252, as older council documents were saved: curly quotes and a pound sign.
        Write("cp1252.txt", [.. Encoding.Latin1.GetBytes("Coventry City Council\n\nBriefing note\n\nThe council spent "), 0xA3, .. Encoding.ASCII.GetBytes("1,900 on each pupil, the "), 0x93, .. Encoding.ASCII.GetBytes("pupil premium"), 0x94, .. Encoding.ASCII.GetBytes(".\n")]);
        File.Copy(Path.Combine(SeedCorpus.Folder, "004_6dc884be81250f76.txt"), Path.Combine(_folder, "good.txt"));

        var readers = DocumentReaders.Default;
        var outcomes = Corpus.Files([_folder], readers).Select(f => Corpus.Read(f, readers)).ToDictionary(o => Path.GetFileName(o.Path));
        Assert.Contains("empty", outcomes["empty.txt"].Error);
        Assert.Contains("binary", outcomes["binary.txt"].Error);
        Assert.Contains("not a PDF", outcomes["saved-web-page.pdf"].Error);
        Assert.NotNull(outcomes["corrupt.pdf"].Error);
        Assert.Contains("over the 20 MB limit", outcomes["huge.txt"].Error);
        Assert.Null(outcomes["cp1252.txt"].Error);
        Assert.Contains(outcomes["cp1252.txt"].Documents.SelectMany(d => d.Paragraphs), p => p.Text.Contains("£1,900") && p.Text.Contains("“pupil premium”"));
        Assert.Null(outcomes["good.txt"].Error);
        Assert.Equal("Stoke-on-Trent", outcomes["good.txt"].Documents.Single().Authority);
    }

    [Fact]
    public void An_encrypted_pdf_is_refused_with_its_reason()
    {
        // Data/encrypted.pdf: a one-page PDF encrypted with a user password (qpdf --encrypt … 256).
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "encrypted.pdf");
        var outcome = Corpus.Read(path, DocumentReaders.Default);
        Assert.True(outcome.Failed);
        Assert.Contains("encrypted", outcome.Error);
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
