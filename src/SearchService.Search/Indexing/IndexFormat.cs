using System.Globalization;
using Lucene.Net.Index;

namespace SearchService.Search.Indexing;

/// <summary>
/// An index whose stored records are of a format this build does not know (written by a newer
/// build): refused when it is opened, so it is never misread. <see cref="Documents"/> and
/// <see cref="Paragraphs"/> are what it holds, so a build's shrink guard still sees them.
/// </summary>
public sealed class IndexFormatException(string message, int documents, int paragraphs) : Exception(message)
{
    public int Documents { get; } = documents;
    public int Paragraphs { get; } = paragraphs;
}

/// <summary>The stored records' format of a commit (<see cref="IndexSchema.Format"/>), kept in its user data.</summary>
internal static class IndexFormat
{
    /// <summary>The commit's format: 1 when it records none (built before formats were recorded); an unreadable value counts as unknown.</summary>
    public static int Of(IndexReader reader) =>
        reader is not DirectoryReader directory || !directory.IndexCommit.UserData.TryGetValue(IndexSchema.FormatKey, out var value) ? 1
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int format) ? format : int.MaxValue;

    /// <summary>What a commit written now records.</summary>
    public static IDictionary<string, string> CommitData() =>
        new Dictionary<string, string> { [IndexSchema.FormatKey] = IndexSchema.Format.ToString(CultureInfo.InvariantCulture) };

    /// <summary>The stored field that holds a paragraph's record in an index of <paramref name="format"/>.</summary>
    public static string ParagraphField(int format) => format >= 2 ? IndexSchema.ParagraphJson : IndexSchema.Json;

    /// <summary>Throws <see cref="IndexFormatException"/> for a format this build cannot read.</summary>
    public static void EnsureReadable(int format, int documents, int paragraphs)
    {
        if (format is >= 1 and <= IndexSchema.Format) return;
        var writer = format is > IndexSchema.Format and < int.MaxValue ? $"a newer build (stored-record format {format}" : "another build (an unknown stored-record format";
        throw new IndexFormatException(
            $"the index was written by {writer}; this build reads formats 1 to {IndexSchema.Format}): serve it with that build, or rebuild it with this one",
            documents, paragraphs);
    }
}
