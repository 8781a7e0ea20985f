using System.Text;

namespace SearchService.Core.Reading;

/// <summary>
/// Reads .txt and .md files. UTF-8 (with or without BOM) and UTF-16 with BOM are read as such;
/// bytes that are not valid UTF-8 are read as Windows-1252, which is what older council
/// documents were saved in. Binary content is refused with a reason.
/// </summary>
public sealed class PlainTextReader : IDocumentReader
{
    private static readonly string[] Extensions = [".txt", ".md", ".markdown", ".text"];

    public bool CanRead(string path, ReadOnlySpan<byte> head) =>
        Extensions.Contains(System.IO.Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    public SourceText Read(string path, byte[] content)
    {
        if (content.Length == 0) throw new UnreadableSourceException(path, "the file is empty");
        var text = Decode(path, content);
        if (string.IsNullOrWhiteSpace(text)) throw new UnreadableSourceException(path, "the file holds no text");
        var ext = System.IO.Path.GetExtension(path);
        var format = ext.Equals(".md", StringComparison.OrdinalIgnoreCase) || ext.Equals(".markdown", StringComparison.OrdinalIgnoreCase)
            ? SourceFormat.Markdown : SourceFormat.Text;
        return new SourceText(path, text, format);
    }

    internal static string Decode(string path, byte[] content)
    {
        if (content.Length >= 2 && ((content[0] == 0xFF && content[1] == 0xFE) || (content[0] == 0xFE && content[1] == 0xFF)))
            return new StreamReader(new MemoryStream(content), detectEncodingFromByteOrderMarks: true).ReadToEnd();
        if (LooksBinary(content)) throw new UnreadableSourceException(path, "the file is binary, not text");
        int offset = content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF ? 3 : 0;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content, offset, content.Length - offset);
        }
        catch (DecoderFallbackException)
        {
            return Windows1252.GetString(content);
        }
    }

    private static bool LooksBinary(byte[] content)
    {
        int n = Math.Min(content.Length, 8192), control = 0;
        for (int i = 0; i < n; i++)
        {
            byte b = content[i];
            if (b == 0) return true;
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) control++;
        }
        return control > n / 10;
    }

    /// <summary>
    /// Windows-1252 from the code-pages provider (System.Text.Encoding.CodePages, part of the .NET
    /// shared framework): curly quotes, dashes, the euro and pound signs as Windows wrote them.
    /// </summary>
    private static readonly Encoding Windows1252 = CodePages();

    private static Encoding CodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
