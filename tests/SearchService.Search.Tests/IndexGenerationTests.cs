using SearchService.Search.Indexing;
using SearchService.Search.Searching;

namespace SearchService.Search.Tests;

/// <summary>One writer, atomic switches, never worse: builds into generations, guarded and checked, with rollback.</summary>
public sealed class IndexGenerationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("searchservice-generations-").FullName;
    private readonly string _sources = Directory.CreateTempSubdirectory("searchservice-generation-sources-").FullName;

    private static string Seed(string name) => Path.Combine(ProjectPaths.Seeds, name);

    private static int Placement(ReportIndex index) => index.Search(new SearchRequest { Query = "placement" }).Total;

    [Fact]
    public void A_build_serves_a_new_generation_keeps_the_previous_one_and_a_rollback_restores_it()
    {
        var first = IndexBuilder.Build([ProjectPaths.Seeds], _folder);
        Assert.Equal("0001", first.Generation);
        using var served = ReportIndex.Open(_folder);
        Assert.Equal(9, served.Documents.Count);

        // Four of the five seeds: 8 of 9 documents, above the 50% guard.
        foreach (var f in Directory.GetFiles(ProjectPaths.Seeds).Order(StringComparer.Ordinal).Take(4)) File.Copy(f, Path.Combine(_sources, Path.GetFileName(f)));
        var second = IndexBuilder.Build([_sources], _folder);
        Assert.Equal(("0002", "0001"), (second.Generation, second.PreviousGeneration));
        Assert.Equal("0002", IndexGenerations.Current(_folder));
        Assert.True(served.Refresh());
        Assert.Equal(second.Documents, served.Documents.Count);

        var restored = IndexBuilder.Rollback(_folder);
        Assert.Equal(("0001", 9), (restored.Generation, restored.Documents));
        Assert.True(served.Refresh());
        Assert.Equal(9, served.Documents.Count);
        // Nothing older than 0001 is left to roll back to.
        var refused = Assert.Throws<IndexBuildRefusedException>(() => IndexBuilder.Rollback(_folder));
        Assert.Equal(BuildRefusal.NoPreviousGeneration, refused.Reason);
    }

    [Fact]
    public async Task Two_builds_at_once_one_is_refused_at_once_and_the_index_stays_whole_and_serving()
    {
        IndexBuilder.Build([ProjectPaths.Seeds], _folder);
        using var served = ReportIndex.Open(_folder);
        int before = Placement(served);

        // The lock is held for the whole of a build: a second build while the first holds it is refused at once.
        var started = new ManualResetEventSlim();
        var release = new ManualResetEventSlim();
        var first = Task.Run(() => IndexBuilder.Build([ProjectPaths.Seeds], _folder, onFile: _ => { started.Set(); release.Wait(TimeSpan.FromSeconds(30)); }));
        Assert.True(started.Wait(TimeSpan.FromSeconds(30)));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var refused = Assert.Throws<IndexBuildRefusedException>(() => IndexBuilder.Build([ProjectPaths.Seeds], _folder));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"refused after {clock.Elapsed}");
        Assert.Equal(BuildRefusal.AnotherBuildRunning, refused.Reason);
        Assert.Contains("Another build is running", refused.Message);
        Assert.Equal(before, Placement(served));
        release.Set();
        var summary = await first;

        Assert.Equal(9, summary.Documents);
        served.Refresh();
        Assert.Equal(before, Placement(served));
        using var reopened = ReportIndex.Open(_folder);
        Assert.Equal(before, Placement(reopened));
    }

    [Fact]
    public void A_build_of_a_mistyped_path_is_refused_and_the_old_index_still_serves()
    {
        IndexBuilder.Build([ProjectPaths.Seeds], _folder);
        var refused = Assert.Throws<IndexBuildRefusedException>(() => IndexBuilder.Build(["/mistyped/path"], _folder));
        Assert.Equal(BuildRefusal.MissingSources, refused.Reason);
        Assert.Contains("/mistyped/path", refused.Message);
        Assert.Equal("0001", IndexGenerations.Current(_folder));
        using var index = ReportIndex.Open(_folder);
        Assert.Equal(9, index.Documents.Count);
        // No half-built generation is left behind.
        Assert.Equal(["0001"], IndexGenerations.Complete(_folder));
        Assert.Single(Directory.GetDirectories(Path.Combine(_folder, IndexGenerations.Folder)));
    }

    [Fact]
    public void A_build_that_finds_no_documents_or_far_fewer_is_refused_unless_forced()
    {
        IndexBuilder.Build([ProjectPaths.Seeds], _folder);
        File.WriteAllText(Path.Combine(_sources, "README.md"), "# Sources\n\nThis folder holds no reports.\n");
        var empty = Assert.Throws<IndexBuildRefusedException>(() => IndexBuilder.Build([_sources], _folder));
        Assert.Equal(BuildRefusal.NoDocuments, empty.Reason);

        var fewer = Assert.Throws<IndexBuildRefusedException>(() => IndexBuilder.Build([Seed("004_6dc884be81250f76.txt")], _folder));
        Assert.Equal(BuildRefusal.FewerDocuments, fewer.Reason);
        Assert.Contains("1 documents where the served index has 9", fewer.Message);
        using (var index = ReportIndex.Open(_folder)) Assert.Equal(9, index.Documents.Count);

        var forced = IndexBuilder.Build([Seed("004_6dc884be81250f76.txt")], _folder, options: new BuildOptions { Force = true });
        Assert.Equal(1, forced.Documents);
        using (var index = ReportIndex.Open(_folder)) Assert.Single(index.Documents);
        var manifest = IndexGenerations.Manifest(_folder, forced.Generation!);
        Assert.True(manifest!.Forced);
    }

    [Fact]
    public void The_summary_counts_equal_what_is_in_the_index_and_a_duplicate_id_is_an_error_naming_both_files()
    {
        File.Copy(Seed("004_6dc884be81250f76.txt"), Path.Combine(_sources, "a-report.txt"));
        File.Copy(Seed("004_6dc884be81250f76.txt"), Path.Combine(_sources, "the-same-report-again.txt"));
        File.Copy(Seed("002_994738eb2a100e62.txt"), Path.Combine(_sources, "another.txt"));
        var outcomes = new List<Core.FileOutcome>();
        var summary = IndexBuilder.Build([_sources], _folder, onFile: outcomes.Add);

        var duplicate = outcomes.Single(o => o.Failed);
        Assert.EndsWith("the-same-report-again.txt", duplicate.Path);
        Assert.Contains("a-report.txt", duplicate.Error);
        Assert.Equal((3, 2, 1), (summary.Files, summary.Indexed, summary.Failed));
        using var index = ReportIndex.Open(_folder);
        Assert.Equal(summary.Documents, index.Documents.Count);
        Assert.Equal(summary.Paragraphs, index.ParagraphCount);
        Assert.Equal(summary.Paragraphs, index.Search(new SearchRequest()).Total);
        Assert.Equal(index.Documents.Count, index.Documents.Select(d => d.Id).Distinct().Count());
    }

    [Fact]
    public void A_build_that_cannot_write_fails_cleanly_and_leaves_the_served_index_as_it_was()
    {
        IndexBuilder.Build([ProjectPaths.Seeds], _folder);
        // The next generation's folder cannot be made (a file stands in its place): as when the disk refuses a write.
        File.WriteAllText(Path.Combine(_folder, IndexGenerations.Folder, "0002"), "in the way");
        var failed = Assert.Throws<IndexStorageException>(() => IndexBuilder.Build([ProjectPaths.Seeds], _folder));
        Assert.Contains("the served index is unchanged", failed.Message);
        Assert.Equal("0001", IndexGenerations.Current(_folder));
        using var index = ReportIndex.Open(_folder);
        Assert.Equal(9, index.Documents.Count);
    }

    [Fact]
    public void A_damaged_generation_is_reported_with_a_reason_and_no_path()
    {
        IndexBuilder.Build([ProjectPaths.Seeds], _folder);
        var generation = IndexGenerations.PathOf(_folder, "0001");
        foreach (var file in Directory.GetFiles(generation).Where(f => !f.EndsWith(IndexGenerations.ManifestFile, StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith("segments", StringComparison.Ordinal)))
            File.WriteAllBytes(file, File.ReadAllBytes(file)[..Math.Min(64, (int)new FileInfo(file).Length)]);
        var health = IndexHealth.Check(_folder);
        Assert.False(health.Ok);
        Assert.Equal("0001", health.Generation);
        Assert.DoesNotContain(_folder, health.Problem);
        Assert.DoesNotContain("/", health.Problem);
    }

    public void Dispose()
    {
        foreach (var d in new[] { _folder, _sources })
            try { Directory.Delete(d, recursive: true); } catch (IOException) { }
    }
}
