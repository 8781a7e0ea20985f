using SearchService.Core;
using SearchService.Core.Reading;

namespace SearchService.Search.Indexing;

/// <summary>Counts at the end of a build.</summary>
public sealed record IndexSummary(int Files, int Indexed, int Skipped, int Failed, int Documents, int Paragraphs, TimeSpan Elapsed);

/// <summary>
/// read → segment → enrich → index for a set of paths: every file is read and reported on,
/// bad files never stop the others, and the index is replaced in one commit at the end.
/// </summary>
public static class IndexBuilder
{
    public static IndexSummary Build(IEnumerable<string> paths, string indexPath, Action<FileOutcome>? onFile = null,
        DocumentReaders? readers = null, Action<int>? onTotal = null)
    {
        readers ??= DocumentReaders.Default;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var missing = new List<FileOutcome>();
        var passedOver = new List<FileOutcome>();
        var files = Corpus.Files(paths, readers, missing, passedOver);
        onTotal?.Invoke(files.Count + missing.Count + passedOver.Count);
        foreach (var m in missing.Concat(passedOver)) onFile?.Invoke(m);
        int indexed = 0, skipped = passedOver.Count, failed = missing.Count;

        // Read in parallel (PDF extraction dominates), write in file order so ids and output are stable.
        var outcomes = new FileOutcome?[files.Count];
        using var writer = new ReportIndexWriter(indexPath);
        int next = 0;
        var gate = new object();
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var outcome = Corpus.Read(files[i], readers);
            lock (gate)
            {
                outcomes[i] = outcome;
                while (next < files.Count && outcomes[next] is { } ready)
                {
                    outcomes[next] = null;
                    next++;
                    if (ready.Error is null)
                    {
                        var added = ready.Documents.Where(writer.Add).ToList();
                        ready = added.Count == ready.Documents.Count ? ready : ready with { Documents = added };
                        indexed++;
                    }
                    else if (ready.Skipped) skipped++;
                    else failed++;
                    onFile?.Invoke(ready);
                }
            }
        });
        writer.Commit();
        return new IndexSummary(files.Count + missing.Count + passedOver.Count, indexed, skipped, failed, writer.DocumentCount, writer.ParagraphCount, clock.Elapsed);
    }
}
