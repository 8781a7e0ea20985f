using SearchService.Core.Model;
using SearchService.Core.Reading;

namespace SearchService.Core.Tests;

/// <summary>
/// The real Ofsted reports in ../shared/corpus/ilacs (beside the repository; or the folder in
/// SEARCHSERVICE_CORPUS), read once for all tests.
/// </summary>
internal static class PublishedReports
{
    public static string Folder { get; } = Environment.GetEnvironmentVariable("SEARCHSERVICE_CORPUS")
        ?? Path.GetFullPath(Path.Combine(Path.GetDirectoryName(SeedCorpus.Folder)!, "..", "shared", "corpus", "ilacs"));

    public static bool Available => Directory.Exists(Folder);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Texts = new(StringComparer.Ordinal);

    private static readonly Lazy<IReadOnlyDictionary<string, FileOutcome>> Outcomes = new(() =>
    {
        var files = Directory.GetFiles(Folder, "*.pdf").OrderBy(f => f, StringComparer.Ordinal).ToList();
        var results = new FileOutcome[files.Count];
        // As the indexer does: one file per core, so each file's read time (which has a per-file limit) is its own.
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => results[i] = Corpus.Read(files[i], DocumentReaders.Default, source => Texts[Path.GetFileName(files[i])] = source.Text));
        return results.ToDictionary(r => Path.GetFileName(r.Path));
    });

    /// <summary>The text of a report as the reader extracted it (what its paragraphs were segmented from).</summary>
    public static string Text(string file)
    {
        _ = Outcomes.Value;
        return Texts[file];
    }

    public static FileOutcome Outcome(string file) => Outcomes.Value[file];

    /// <summary>The file names of every report, in order.</summary>
    public static IEnumerable<string> Files => Outcomes.Value.Keys.Order(StringComparer.Ordinal);

    public static IEnumerable<ReportDocument> Documents => Outcomes.Value.Values.SelectMany(o => o.Documents);

    /// <summary>judgements.csv rows: file and the named columns.</summary>
    public static IReadOnlyList<Dictionary<string, string>> Truth()
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, "judgements.csv"));
        var header = lines[0].Split(',');
        return lines.Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split(',').Select((v, i) => (header[i], v)).ToDictionary(x => x.Item1, x => x.v))
            .ToList();
    }
}
