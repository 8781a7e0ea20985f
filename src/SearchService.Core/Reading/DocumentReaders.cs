using System.Text;

namespace SearchService.Core.Reading;

/// <summary>
/// Picks the reader for a file by its extension and content, and reads it within the per-file
/// <see cref="ReadLimits"/>. Files no reader takes are reported as skipped, never silently dropped.
/// The text that comes out holds only characters XML can hold, and no paragraph longer than the limit.
/// </summary>
public sealed class DocumentReaders(IEnumerable<IDocumentReader> readers)
{
    private readonly IReadOnlyList<IDocumentReader> _readers = readers.ToList();

    public static DocumentReaders Default { get; } = new([new PlainTextReader(), new PdfDocumentReader()]);

    public ReadLimits Limits { get; init; } = ReadLimits.Default;

    /// <summary>Whose clock the time limit reads (a fake one in tests).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>A copy with other limits.</summary>
    public DocumentReaders With(ReadLimits limits) => new(_readers) { Limits = limits, Clock = Clock };

    /// <summary>Whether some reader takes files with this name (used when walking folders).</summary>
    public bool Accepts(string path) => _readers.Any(r => r.CanRead(path, ReadOnlySpan<byte>.Empty));

    public SourceText Read(string path) => Read(path, CancellationToken.None);

    public SourceText Read(string path, CancellationToken cancellation)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new UnreadableSourceException(path, "no such file");
        // Opening a FIFO blocks and reading a device never ends: neither is ever opened.
        if (FileKinds.NotRegular(path) is { } kind) throw new UnreadableSourceException(path, $"{kind}, not a regular file");
        if (info.Length == 0) throw new UnreadableSourceException(path, "the file is empty");
        bool pdf = Path.GetExtension(path).Equals(".pdf", StringComparison.OrdinalIgnoreCase);
        long limit = pdf ? Limits.MaxPdfBytes : Limits.MaxTextBytes;
        if (info.Length > limit) throw new UnreadableSourceException(path, $"the file is {Megabytes(info.Length)}, over the {Megabytes(limit)} limit for {(pdf ? "PDF" : "text")} files");
        var content = ReadAtMost(path, limit);
        var reader = _readers.FirstOrDefault(r => r.CanRead(path, content))
            ?? throw new UnreadableSourceException(path, $"no reader for '{Path.GetExtension(path)}' files (expected .txt, .md or .pdf)");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(Limits.MaxReadTime);
        try
        {
            var source = reader.Read(path, content, Limits, timeout.Token);
            return source with { Text = SplitLongParagraphs(XmlSafe(source.Text), Limits.MaxParagraphChars) };
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellation.IsCancellationRequested)
        {
            throw new UnreadableSourceException(path, $"reading took longer than the {Limits.MaxReadTime.TotalSeconds:0} s limit");
        }
    }

    private static string Megabytes(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes:N0} bytes";

    /// <summary>Reads the whole file, but never more than the limit (a file can grow between the check and the read).</summary>
    private static byte[] ReadAtMost(string path, long limit)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = stream.Read(chunk)) > 0)
            {
                if (buffer.Length + n > limit) throw new UnreadableSourceException(path, $"the file grew past the {Megabytes(limit)} limit while it was read");
                buffer.Write(chunk, 0, n);
            }
            return buffer.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UnreadableSourceException(path, e.Message);
        }
    }

    /// <summary>
    /// Only characters XML 1.0 can hold (so every export can be written): control characters other
    /// than tab and line breaks are dropped (a form feed becomes a line break), as are lone surrogates
    /// and U+FFFE/U+FFFF.
    /// </summary>
    public static string XmlSafe(string text)
    {
        int i = 0;
        while (i < text.Length && IsXmlChar(text, i)) i += char.IsHighSurrogate(text[i]) ? 2 : 1;
        if (i == text.Length) return text;
        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, i);
        while (i < text.Length)
        {
            char c = text[i];
            if (IsXmlChar(text, i))
            {
                if (char.IsHighSurrogate(c)) { sb.Append(c).Append(text[i + 1]); i += 2; continue; }
                sb.Append(c);
            }
            else if (c == '\f') sb.Append('\n');
            i++;
        }
        return sb.ToString();
    }

    private static bool IsXmlChar(string s, int i)
    {
        char c = s[i];
        if (c < 0x20) return c is '\t' or '\n' or '\r';
        if (char.IsHighSurrogate(c)) return i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]);
        if (char.IsLowSurrogate(c)) return false;
        return c is not ('\uFFFE' or '\uFFFF');
    }

    /// <summary>
    /// Splits every run of text between blank lines that is longer than <paramref name="max"/>
    /// characters into paragraphs of at most that length, at a line end or sentence end where there
    /// is one in the second half of the run, otherwise at a space, otherwise anywhere.
    /// </summary>
    public static string SplitLongParagraphs(string text, int max)
    {
        if (max <= 0 || text.Length <= max) return text;
        var blocks = text.Split("\n\n");
        if (blocks.All(b => b.Length <= max)) return text;
        var sb = new StringBuilder(text.Length + text.Length / max * 2);
        for (int b = 0; b < blocks.Length; b++)
        {
            if (b > 0) sb.Append("\n\n");
            var block = blocks[b].AsSpan();
            while (block.Length > max)
            {
                int cut = Cut(block[..max]);
                sb.Append(block[..cut].TrimEnd()).Append("\n\n");
                block = block[cut..].TrimStart();
            }
            sb.Append(block);
        }
        return sb.ToString();
    }

    private static int Cut(ReadOnlySpan<char> window)
    {
        int half = window.Length / 2;
        int line = window.LastIndexOf('\n');
        if (line >= half) return line + 1;
        for (int i = window.Length - 2; i >= half; i--)
            if (window[i] is '.' or '?' or '!' && window[i + 1] == ' ') return i + 2;
        int space = window.LastIndexOf(' ');
        return space >= half ? space + 1 : window.Length;
    }
}
