using SearchService.Core.Model;

namespace SearchService.Core.Quality;

/// <summary>A file the build did not index, and why: failed (could not be read) or skipped on purpose.</summary>
/// <param name="Path">The file as the build found it (full path).</param>
public sealed record UnreadFile(string Path, string Reason, bool Skipped)
{
    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>The files of a build's outcomes that were not indexed.</summary>
    public static IReadOnlyList<UnreadFile> From(IEnumerable<FileOutcome> outcomes) =>
        outcomes.Where(o => o.Error is not null).Select(o => new UnreadFile(o.Path, o.Error!, o.Skipped)).ToList();
}

/// <summary>
/// One line of the data-quality listing: a document with something unresolved (its id, file, title,
/// the kinds of problem and what exactly), or a file the build did not index (no id, no title).
/// </summary>
public sealed record QualityEntry(string? DocumentId, string FileName, string? Title, IReadOnlyList<QualityFinding> Findings)
{
    /// <summary>The kinds of problem, each once, in the order found.</summary>
    public IReadOnlyList<QualityProblem> Problems => Findings.Select(f => f.Problem).Distinct().ToList();

    /// <summary>Every finding's detail in one readable sentence.</summary>
    public string Detail => string.Join("; ", Findings.Select(f => f.Detail));
}

/// <summary>
/// Every document of an index (or a build) with anything unresolved, and every file not indexed,
/// in file order: what a user indexing their own folder should look at.
/// </summary>
public sealed record QualityListing(int Documents, IReadOnlyList<QualityEntry> Entries)
{
    /// <summary>Documents with at least one finding.</summary>
    public int DocumentsNeedingALook => Entries.Count(e => e.DocumentId is not null);

    /// <summary>Files not indexed (failed or skipped).</summary>
    public int FilesNotIndexed => Entries.Count(e => e.DocumentId is null);

    /// <summary>How many entries have each kind of problem, by the kind's name ("authority-unresolved"), in the kinds' order.</summary>
    public IReadOnlyDictionary<string, int> Counts =>
        Entries.SelectMany(e => e.Problems).GroupBy(p => p).OrderBy(g => g.Key).ToDictionary(g => QualityProblems.Name(g.Key), g => g.Count(), StringComparer.Ordinal);

    /// <param name="documents">Every document: id, source file, title and findings (clean ones are counted, not listed).</param>
    /// <param name="unread">The files the build did not index.</param>
    public static QualityListing Build(IEnumerable<(string Id, string SourceFile, string Title, IReadOnlyList<QualityFinding> Findings)> documents, IEnumerable<UnreadFile> unread)
    {
        int count = 0;
        var entries = new List<QualityEntry>();
        foreach (var d in documents)
        {
            count++;
            if (d.Findings.Count > 0) entries.Add(new QualityEntry(d.Id, d.SourceFile, d.Title, d.Findings));
        }
        foreach (var f in unread)
            entries.Add(new QualityEntry(null, f.FileName, null, [new QualityFinding(f.Skipped ? QualityProblem.FileSkipped : QualityProblem.FileNotRead, f.Reason)]));
        return new QualityListing(count, entries.OrderBy(e => e.FileName, StringComparer.Ordinal).ThenBy(e => e.DocumentId, StringComparer.Ordinal).ToList());
    }

    /// <summary>The listing of documents as read (before or without an index).</summary>
    public static QualityListing Of(IEnumerable<ReportDocument> documents, IEnumerable<UnreadFile> unread) =>
        Build(documents.Select(d => (d.Id, d.SourceFile, d.Title, d.Findings)), unread);
}
