namespace SearchService.Core.Reading;

/// <summary>
/// Picks the reader for a file by its extension and content, and reads it. Files no reader
/// takes are reported as skipped, never silently dropped.
/// </summary>
public sealed class DocumentReaders(IEnumerable<IDocumentReader> readers)
{
    private readonly IReadOnlyList<IDocumentReader> _readers = readers.ToList();

    public static DocumentReaders Default { get; } = new([new PlainTextReader(), new PdfDocumentReader()]);

    /// <summary>Largest PDF read; larger ones are refused by name rather than exhausting memory.</summary>
    public long MaxFileBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>Largest text or Markdown file read: a report as text is well under a megabyte; 20 MB of text is not a report.</summary>
    public long MaxTextBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>Whether some reader takes files with this name (used when walking folders).</summary>
    public bool Accepts(string path) => _readers.Any(r => r.CanRead(path, ReadOnlySpan<byte>.Empty));

    public SourceText Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new UnreadableSourceException(path, "no such file");
        bool pdf = Path.GetExtension(path).Equals(".pdf", StringComparison.OrdinalIgnoreCase);
        long limit = pdf ? MaxFileBytes : MaxTextBytes;
        if (info.Length > limit) throw new UnreadableSourceException(path, $"the file is {info.Length / (1024 * 1024)} MB, over the {limit / (1024 * 1024)} MB limit for {(pdf ? "PDF" : "text")} files");
        byte[] content;
        try { content = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new UnreadableSourceException(path, e.Message); }
        var reader = _readers.FirstOrDefault(r => r.CanRead(path, content))
            ?? throw new UnreadableSourceException(path, $"no reader for '{Path.GetExtension(path)}' files (expected .txt, .md or .pdf)");
        return reader.Read(path, content);
    }
}
