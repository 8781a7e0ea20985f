using SearchService.Core.Model;
using SearchService.Core.Reading;

namespace SearchService.Core;

/// <summary>What became of one file: its documents, or why it was skipped or failed.</summary>
public sealed record FileOutcome(string Path, IReadOnlyList<ReportDocument> Documents, string? Error, bool Skipped)
{
    public bool Failed => Error is not null && !Skipped;
}

/// <summary>
/// Finds the files under the paths given (folders recursively, in a stable order) and reads
/// each into documents. A file that cannot be read is reported with its reason; the others go on.
/// </summary>
public static class Corpus
{
    /// <summary>Files under the given paths: files as given, folders walked recursively, sorted by path.</summary>
    public static IReadOnlyList<string> Files(IEnumerable<string> paths, DocumentReaders readers, List<FileOutcome>? missing = null, List<FileOutcome>? skipped = null)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path)) files.Add(Path.GetFullPath(path));
            else if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
                    .Where(f => readers.Accepts(f) && !Path.GetFileName(f).StartsWith('.'));
                foreach (var f in found)
                {
                    // A folder's own README or licence describes the folder; it is not a report. Named, not lost.
                    if (RepositoryDocument(f)) skipped?.Add(new FileOutcome(Path.GetFullPath(f), [], "a folder's README or licence, not a report (name the file to index it anyway)", Skipped: true));
                    else files.Add(Path.GetFullPath(f));
                }
            }
            else missing?.Add(new FileOutcome(path, [], "no such file or folder", Skipped: false));
        }
        return files.Distinct().OrderBy(f => f, StringComparer.Ordinal).ToList();
    }

    private static bool RepositoryDocument(string path) =>
        Path.GetFileNameWithoutExtension(path).ToUpperInvariant() is "README" or "LICENSE" or "LICENCE" or "CHANGELOG" or "CONTRIBUTING";

    /// <summary>Reads and parses one file; never throws for a bad file.</summary>
    public static FileOutcome Read(string path, DocumentReaders readers)
    {
        try
        {
            var source = readers.Read(path);
            var documents = ReportParser.Parse(source);
            if (documents.Sum(d => d.Paragraphs.Count) == 0) return new FileOutcome(path, [], "no paragraphs found in the text", Skipped: true);
            return new FileOutcome(path, documents, null, false);
        }
        catch (UnreadableSourceException e)
        {
            return new FileOutcome(path, [], e.Reason, Skipped: false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new FileOutcome(path, [], $"could not be parsed ({e.GetType().Name}: {e.Message})", Skipped: false);
        }
    }
}
