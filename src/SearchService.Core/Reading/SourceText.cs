namespace SearchService.Core.Reading;

/// <summary>How a source was written: plain text, Markdown, or lines recovered from a PDF's pages.</summary>
public enum SourceFormat { Text, Markdown, Pdf }

/// <summary>The text of one source file, as read, before any segmentation.</summary>
/// <param name="Produced">When the file says it was produced (a PDF's own creation date), if it says.</param>
public sealed record SourceText(string Path, string Text, SourceFormat Format, DateOnly? Produced = null);

/// <summary>A file that could not be read: named, with the reason.</summary>
public sealed class UnreadableSourceException(string path, string reason) : Exception($"{path}: {reason}")
{
    public string Path { get; } = path;
    public string Reason { get; } = reason;
}

/// <summary>Reads one kind of file into <see cref="SourceText"/>.</summary>
public interface IDocumentReader
{
    /// <summary>Whether this reader takes the file, judged from its extension and first bytes.</summary>
    bool CanRead(string path, ReadOnlySpan<byte> head);

    SourceText Read(string path, byte[] content);

    /// <summary>Reads within the per-file limits; a reader that can take long checks <paramref name="cancellation"/> as it goes.</summary>
    SourceText Read(string path, byte[] content, ReadLimits limits, CancellationToken cancellation) => Read(path, content);
}
