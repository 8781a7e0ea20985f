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
/// The walk takes regular files only and never follows a symbolic link inside a folder, so a
/// link loop, a link out of the tree, a FIFO or a device cannot hang or exhaust it.
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
            else if (Directory.Exists(path)) Walk(new DirectoryInfo(path), readers, files, skipped);
            else missing?.Add(new FileOutcome(path, [], "no such file or folder", Skipped: false));
        }
        return files.Distinct().OrderBy(f => f, StringComparer.Ordinal).ToList();
    }

    private static void Walk(DirectoryInfo root, DocumentReaders readers, List<string> files, List<FileOutcome>? skipped)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
        var pending = new Stack<DirectoryInfo>([root]);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            foreach (var entry in folder.EnumerateFileSystemInfos("*", options))
            {
                if (entry.Name.StartsWith('.')) continue;
                var full = Path.GetFullPath(entry.FullName);
                bool link = entry.LinkTarget is not null;
                if (entry is DirectoryInfo sub)
                {
                    if (link) skipped?.Add(new FileOutcome(full, [], $"a symbolic link to a folder ({sub.LinkTarget}), not followed", Skipped: true));
                    else pending.Push(sub);
                    continue;
                }
                if (!readers.Accepts(full)) continue;
                if (link) skipped?.Add(new FileOutcome(full, [], $"a symbolic link ({entry.LinkTarget}), not followed inside a folder (name the file to index it)", Skipped: true));
                // A folder's own README or licence describes the folder; it is not a report. Named, not lost.
                else if (RepositoryDocument(full)) skipped?.Add(new FileOutcome(full, [], "a folder's README or licence, not a report (name the file to index it anyway)", Skipped: true));
                else if (FileKinds.NotRegular(full, followLinks: false) is { } kind) skipped?.Add(new FileOutcome(full, [], $"{kind}, not a regular file", Skipped: true));
                else files.Add(full);
            }
        }
    }

    private static bool RepositoryDocument(string path) =>
        Path.GetFileNameWithoutExtension(path).ToUpperInvariant() is "README" or "LICENSE" or "LICENCE" or "CHANGELOG" or "CONTRIBUTING";

    /// <summary>Reads and parses one file; never throws for a bad file.</summary>
    /// <param name="onText">Given the text as read, before it is parsed (for tests that compare what is read with what is printed).</param>
    public static FileOutcome Read(string path, DocumentReaders readers, Action<SourceText>? onText = null)
    {
        try
        {
            var source = readers.Read(path);
            onText?.Invoke(source);
            var documents = ReportParser.Parse(source);
            if (documents.Sum(d => d.Paragraphs.Count) == 0) return new FileOutcome(path, [], "no paragraphs found in the text", Skipped: true);
            int most = documents.Max(d => d.Paragraphs.Count);
            if (most > readers.Limits.MaxParagraphsPerDocument)
                return new FileOutcome(path, [], $"a document in it has {most:N0} paragraphs, over the limit of {readers.Limits.MaxParagraphsPerDocument:N0}", Skipped: false);
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
