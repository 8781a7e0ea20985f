using SearchService.Core;
using SearchService.Core.Quality;
using SearchService.Core.Reading;

namespace SearchService.Search.Indexing;

/// <summary>Counts at the end of a build. Documents and paragraphs are what the new index holds.</summary>
public sealed record IndexSummary(int Files, int Indexed, int Skipped, int Failed, int Documents, int Paragraphs, TimeSpan Elapsed)
{
    /// <summary>The generation now served.</summary>
    public string? Generation { get; init; }

    /// <summary>The generation served before, kept for rollback.</summary>
    public string? PreviousGeneration { get; init; }

    /// <summary>The documents indexed with something unresolved, and the files not indexed (the data-quality listing).</summary>
    public QualityListing Quality { get; init; } = new(0, []);
}

/// <summary>How a build may proceed.</summary>
public sealed record BuildOptions
{
    /// <summary>Build even with missing sources, no documents, or far fewer documents than are served.</summary>
    public bool Force { get; init; }

    /// <summary>A build holding fewer than this share of the served index's documents is refused (0 turns the check off).</summary>
    public double MinDocumentRatio { get; init; } = 0.5;

    /// <summary>Who builds, for the lock holder's message and the manifest ("cli", "admin API", …).</summary>
    public string BuiltBy { get; init; } = "library";

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public static BuildOptions Default { get; } = new();
}

/// <summary>
/// read → segment → enrich → index for a set of paths. One writer at a time (<see cref="IndexLock"/>);
/// every file is read and reported on, bad files never stop the others; the documents go into a new
/// generation that is checked (it opens, its counts match, a search finds what it holds) and only
/// then served, by an atomic switch of the pointer. A build that is refused or fails leaves the
/// served index exactly as it was.
/// </summary>
public static class IndexBuilder
{
    public static IndexSummary Build(IEnumerable<string> paths, string indexPath, Action<FileOutcome>? onFile = null,
        DocumentReaders? readers = null, Action<int>? onTotal = null, BuildOptions? options = null)
    {
        readers ??= DocumentReaders.Default;
        options ??= BuildOptions.Default;
        var sources = paths.ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var buildLock = IndexLock.Acquire(indexPath, options.BuiltBy, options.Clock);

        if (sources.Count == 0) throw new IndexBuildRefusedException(BuildRefusal.NoSources, "No files or folders to index were given.");
        var missing = new List<FileOutcome>();
        var passedOver = new List<FileOutcome>();
        var files = Corpus.Files(sources, readers, missing, passedOver);
        if (missing.Count > 0 && !options.Force)
            throw new IndexBuildRefusedException(BuildRefusal.MissingSources,
                $"{string.Join("; ", missing.Select(m => $"{m.Path}: {m.Error}"))}. Nothing was indexed and the served index is unchanged (--force builds from the rest).");
        onTotal?.Invoke(files.Count + missing.Count + passedOver.Count);
        foreach (var m in missing.Concat(passedOver)) onFile?.Invoke(m);

        var servedBefore = ServedDocuments(indexPath);
        string? generation = null;
        bool served = false;
        try
        {
            IndexGenerations.Prune(indexPath, keep: [IndexGenerations.Current(indexPath), IndexGenerations.Previous(indexPath)]);
            generation = IndexGenerations.Create(indexPath);
            var generationPath = IndexGenerations.PathOf(indexPath, generation);
            var unread = UnreadFile.From(missing.Concat(passedOver)).ToList();
            var (indexed, skipped, failed, documents, paragraphs, quality) = Write(files, generationPath, readers, onFile, unread);
            skipped += passedOver.Count;
            failed += missing.Count;
            Guard(documents, servedBefore, options);
            if (documents > 0) Check(generationPath, documents, paragraphs); // an empty index only ever with --force
            var previous = IndexGenerations.Current(indexPath);
            IndexGenerations.WriteManifest(indexPath, new GenerationManifest(generation, options.Clock.GetUtcNow(), options.BuiltBy,
                sources.Select(Path.GetFullPath).ToList(), files.Count + missing.Count + passedOver.Count, documents, paragraphs, options.Force,
                unread));
            IndexGenerations.Switch(indexPath, generation);
            served = true;
            return new IndexSummary(files.Count + missing.Count + passedOver.Count, indexed, skipped, failed, documents, paragraphs, clock.Elapsed)
            {
                Generation = generation,
                PreviousGeneration = previous,
                Quality = quality,
            };
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1 && WriteFailure(e.InnerException!))
        {
            throw Storage(e.InnerException!); // from the parallel read loop, which writes as files come in
        }
        catch (Exception e) when (WriteFailure(e))
        {
            throw Storage(e);
        }
        finally
        {
            if (!served && generation is not null) IndexGenerations.Discard(indexPath, generation);
        }
    }

    /// <summary>The new generation opens, holds what was written, and a search finds what it holds; otherwise it is never served.</summary>
    private static void Check(string generationPath, int documents, int paragraphs)
    {
        var health = IndexHealth.Check(generationPath);
        if (health.Ok && health.Documents == documents && health.Paragraphs == paragraphs) return;
        var problem = health.Problem ?? $"{health.Documents} documents and {health.Paragraphs} paragraphs read back, {documents} and {paragraphs} written";
        throw new IndexStorageException($"The new index failed its check ({problem}); the served index is unchanged.", new InvalidDataException(problem));
    }

    /// <summary>
    /// A failure to write the new generation: I/O errors (disk full, read-only), permissions, and the
    /// "file length too large" a file-size limit causes. Reading never throws (bad files become outcomes).
    /// </summary>
    private static bool WriteFailure(Exception e) =>
        e is IOException or UnauthorizedAccessException || (e is ArgumentOutOfRangeException && e.StackTrace?.Contains("System.IO.", StringComparison.Ordinal) == true);

    private static IndexStorageException Storage(Exception e) =>
        new($"The index could not be written ({e.Message}); the served index is unchanged.", e);

    /// <summary>Serves the generation before the current one again (the current one is kept, so this can be undone by a build).</summary>
    public static IndexHealth Rollback(string indexPath, BuildOptions? options = null)
    {
        options ??= BuildOptions.Default;
        using var buildLock = IndexLock.Acquire(indexPath, options.BuiltBy + " rollback", options.Clock);
        var previous = IndexGenerations.Previous(indexPath)
            ?? throw new IndexBuildRefusedException(BuildRefusal.NoPreviousGeneration, "There is no earlier generation to roll back to.");
        var health = IndexHealth.Check(IndexGenerations.PathOf(indexPath, previous));
        if (!health.Ok)
            throw new IndexBuildRefusedException(BuildRefusal.NoPreviousGeneration, $"The earlier generation {previous} is not usable: {health.Problem}.");
        IndexGenerations.Switch(indexPath, previous);
        return health with { Generation = previous };
    }

    /// <param name="unread">The files passed over before reading; the files that fail or are skipped here are added to it.</param>
    private static (int Indexed, int Skipped, int Failed, int Documents, int Paragraphs, QualityListing Quality) Write(
        IReadOnlyList<string> files, string generationPath, DocumentReaders readers, Action<FileOutcome>? onFile, List<UnreadFile> unread)
    {
        var written = new List<(string Id, string SourceFile, string Title, IReadOnlyList<Core.Model.QualityFinding> Findings)>();
        int indexed = 0, skipped = 0, failed = 0;
        // Which file gave each document id: a second document with the same id is an error naming both files.
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        // Read in parallel (PDF extraction dominates), write in file order so ids and output are stable.
        // Whichever thread finds the next file in order ready writes it, outside the lock, while the
        // other keeps reading: no thread waits for another to index, so both cores stay busy.
        var outcomes = new FileOutcome?[files.Count];
        using var writer = new ReportIndexWriter(generationPath);
        int next = 0;
        bool writing = false;
        var gate = new object();
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var outcome = Corpus.Read(files[i], readers);
            lock (gate)
            {
                outcomes[i] = outcome;
                if (writing) return; // the writing thread takes it in its turn
                writing = true;
            }
            while (true)
            {
                FileOutcome ready;
                lock (gate)
                {
                    if (next == files.Count || outcomes[next] is null)
                    {
                        writing = false;
                        return;
                    }
                    ready = outcomes[next]!;
                    outcomes[next++] = null;
                }
                // Only the one writing thread is here, so the writer, the counts and the lists need no lock.
                if (ready.Error is null) ready = Claim(ready, owners);
                if (ready.Error is null)
                {
                    foreach (var d in ready.Documents)
                        if (writer.Add(d)) written.Add((d.Id, d.SourceFile, d.Title, d.Findings));
                    indexed++;
                }
                else
                {
                    if (ready.Skipped) skipped++;
                    else failed++;
                    unread.AddRange(UnreadFile.From([ready]));
                }
                onFile?.Invoke(ready);
            }
        });
        writer.Commit();
        return (indexed, skipped, failed, writer.DocumentCount, writer.ParagraphCount, QualityListing.Build(written, unread));
    }

    /// <summary>The file's documents if none of their ids is taken; otherwise the file fails, naming the file that has the id.</summary>
    private static FileOutcome Claim(FileOutcome outcome, Dictionary<string, string> owners)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in outcome.Documents)
        {
            if (owners.TryGetValue(d.Id, out var other))
                return outcome with { Documents = [], Error = $"document id '{d.Id}' is already taken by {other} (the same report twice?); not indexed" };
            if (!seen.Add(d.Id))
                return outcome with { Documents = [], Error = $"two documents in this file have the id '{d.Id}'; not indexed" };
        }
        foreach (var d in outcome.Documents) owners[d.Id] = outcome.Path;
        return outcome;
    }

    private static void Guard(int documents, int servedBefore, BuildOptions options)
    {
        if (options.Force) return;
        if (documents == 0)
            throw new IndexBuildRefusedException(BuildRefusal.NoDocuments, "The build found no documents to index; the served index is unchanged (--force serves an empty index).");
        if (servedBefore > 0 && options.MinDocumentRatio > 0 && documents < servedBefore * options.MinDocumentRatio)
            throw new IndexBuildRefusedException(BuildRefusal.FewerDocuments,
                $"The build found {documents} documents where the served index has {servedBefore} (under {options.MinDocumentRatio:0%}); the served index is unchanged. Check the paths, or use --force to serve the smaller index.");
    }

    /// <summary>Documents in the index served now; 0 when there is none or it cannot be read.</summary>
    private static int ServedDocuments(string indexPath)
    {
        var health = IndexHealth.Check(indexPath);
        return health.Documents;
    }
}
