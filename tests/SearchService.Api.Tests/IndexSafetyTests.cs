using SearchService.Search.Indexing;

namespace SearchService.Api.Tests;

/// <summary>
/// One writer across processes, builds that are refused or fail leave the served index serving,
/// a damaged index is a clear state (503 with a reason, a CLI message with its exit code), and
/// rollback restores the previous generation to a running server.
/// </summary>
public sealed class IndexSafetyTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "searchservice-safety-" + Guid.NewGuid().ToString("N"));

    private ApiServer Server(params string[] extra) => new() { IndexFolder = _folder, OwnsFolder = false, ExtraArgs = extra };

    [Fact]
    public async Task A_build_in_another_process_holds_the_lock_so_an_admin_reindex_and_a_second_cli_build_are_refused_and_the_index_keeps_serving()
    {
        await using var server = Server();
        await server.InitializeAsync();
        Assert.True(Directory.Exists(ProjectPaths.SharedCorpus), $"no shared corpus at {ProjectPaths.SharedCorpus}");

        // A long CLI build (seeds and the published reports), caught once it has reported its first files: it holds the lock.
        using var build = Cli.Start("index", ProjectPaths.Seeds, ProjectPaths.SharedCorpus, "--index", _folder);
        int reported = 0;
        while (reported < 2 && await build.StandardOutput.ReadLineAsync() is { } line)
            if (line.StartsWith("ok", StringComparison.Ordinal)) reported++;
        Assert.False(build.HasExited, "the build finished before it could be raced");

        var (status, body) = await server.Admin("/api/admin/reindex");
        Assert.Equal(409, status);
        Assert.Equal("AnotherBuildRunning", body.GetProperty("reason").GetString());
        Assert.Contains("command line, process", body.GetProperty("detail").GetString());
        var second = await Cli.Run("index", ProjectPaths.Seeds, "--index", _folder);
        Assert.Equal(4, second.ExitCode);
        Assert.Contains("Another build is running", second.Error);
        Assert.Equal(9, (await server.GetJson("/ready")).GetProperty("documents").GetInt32());

        // Killed mid-build: the served generation is untouched, and the lock dies with the process.
        build.Kill(entireProcessTree: true);
        await build.WaitForExitAsync();
        Assert.Equal(9, (await server.GetJson("/ready")).GetProperty("documents").GetInt32());
        var after = await server.Admin("/api/admin/reindex");
        Assert.Equal(200, after.Status);
        Assert.Equal(("0002", "0001"), (after.Body.GetProperty("generation").GetString(), after.Body.GetProperty("previousGeneration").GetString()));
    }

    [Fact]
    public async Task A_lock_held_by_this_process_refuses_the_cli_at_once()
    {
        IndexBuilder.Build([ProjectPaths.Seeds], _folder);
        using (IndexLock.Acquire(_folder, "a test"))
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var refused = await Cli.Run("index", ProjectPaths.Seeds, "--index", _folder);
            Assert.Equal(4, refused.ExitCode);
            Assert.Contains("Another build is running on this index (a test, process", refused.Error);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"refused after {clock.Elapsed}");
        }
        Assert.Equal(0, (await Cli.Run("index", ProjectPaths.Seeds, "--index", _folder)).ExitCode);
    }

    [Fact]
    public async Task An_admin_reindex_uses_only_configured_sources_and_refuses_missing_ones()
    {
        await using (var unconfigured = Server("--Index:Sources:0", ""))
        {
            await unconfigured.InitializeAsync();
            var (status, body) = await unconfigured.Admin("/api/admin/reindex");
            Assert.Equal(409, status);
            Assert.Equal("NoSources", body.GetProperty("reason").GetString());
        }
        await using var mistyped = Server("--Index:Sources:0", "/mistyped/path");
        await mistyped.InitializeAsync();
        var missing = await mistyped.Admin("/api/admin/reindex");
        Assert.Equal(409, missing.Status);
        Assert.Equal("MissingSources", missing.Body.GetProperty("reason").GetString());
        Assert.Equal(9, (await mistyped.GetJson("/ready")).GetProperty("documents").GetInt32());
        Assert.Equal(200, (int)(await mistyped.Client.GetAsync("/api/search?q=placement")).StatusCode);
    }

    [Fact]
    public async Task A_damaged_index_is_a_503_with_a_reason_and_a_cli_message_with_its_exit_code_and_rollback_restores_it()
    {
        IndexBuilder.Build([ProjectPaths.Seeds], _folder);
        IndexBuilder.Build([ProjectPaths.Seeds], _folder);
        var current = IndexGenerations.PathOf(_folder, "0002");
        foreach (var file in Directory.GetFiles(current, "*.cfs")) File.WriteAllBytes(file, File.ReadAllBytes(file)[..1000]);

        await using var server = Server();
        await server.InitializeAsync(); // starts: a damaged index is a state, not a crash
        var (status, ready, _) = await server.Get("/ready");
        Assert.Equal(503, status);
        var reason = ready.GetProperty("detail").GetString()!;
        output.WriteLine(reason);
        Assert.Contains("not usable", reason);
        Assert.DoesNotContain(_folder, reason);
        Assert.Equal(503, (await server.Get("/api/search?q=placement")).Status);
        Assert.Equal(200, (int)(await server.Client.GetAsync("/health")).StatusCode);

        var cli = await Cli.Run("search", "placement", "--index", _folder);
        Assert.Equal(3, cli.ExitCode);
        Assert.Contains("generation 0002", cli.Error);
        Assert.Contains("is damaged", cli.Error);
        Assert.Contains("index rollback", cli.Error);
        Assert.DoesNotContain("   at ", cli.Error); // no stack trace

        var rollback = await server.Admin("/api/admin/rollback");
        Assert.Equal(200, rollback.Status);
        Assert.Equal("0001", rollback.Body.GetProperty("generation").GetString());
        var now = await server.GetJson("/ready");
        Assert.Equal(("0001", 9), (now.GetProperty("generation").GetString(), now.GetProperty("documents").GetInt32()));
        Assert.Equal(200, (int)(await server.Client.GetAsync("/api/search?q=placement")).StatusCode);
    }

    [Fact]
    public async Task A_build_on_a_full_disk_fails_cleanly_with_its_exit_code_and_the_served_index_stays()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "the file-size limit stands for a full disk with bash's ulimit");
        IndexBuilder.Build([ProjectPaths.Seeds], _folder);
        // Files over 128 KB cannot be written (EFBIG, the signal ignored), as on a disk that fills up during the build.
        var full = await Cli.RunLimited("trap '' XFSZ; ulimit -f 128", "index", ProjectPaths.Seeds, "--index", _folder);
        output.WriteLine(full.Error);
        Assert.Equal(3, full.ExitCode);
        Assert.Contains("could not be written", full.Error);
        Assert.Contains("the served index is unchanged", full.Error);
        Assert.DoesNotContain("   at ", full.Error);
        Assert.Equal("0001", IndexGenerations.Current(_folder));
        Assert.True(IndexHealth.Check(_folder).Ok);
        Assert.Single(Directory.GetDirectories(Path.Combine(_folder, IndexGenerations.Folder))); // nothing half-written left
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
