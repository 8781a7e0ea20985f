using System.Diagnostics;
using SearchService.Search.Indexing;
using SearchService.Search.Searching;

namespace SearchService.Api.Tests;

/// <summary>An indexing run killed with SIGKILL part-way leaves the served index intact, and the next run completes.</summary>
public class CrashSafetyTests(ITestOutputHelper output)
{
    private static string Cli() => Api.Tests.Cli.Dll;

    private static string SharedCorpus => ProjectPaths.SharedCorpus;

    [Fact]
    public async Task A_killed_index_run_leaves_the_served_index_intact_and_the_next_run_completes()
    {
        Assert.True(File.Exists(Cli()), $"CLI not built at {Cli()}");
        Assert.True(Directory.Exists(SharedCorpus), $"no shared corpus at {SharedCorpus}");
        var folder = Directory.CreateTempSubdirectory("searchservice-crash-").FullName;
        try
        {
            IndexBuilder.Build([ProjectPaths.Seeds], folder);
            using var served = ReportIndex.Open(folder);
            int before = served.Search(new SearchRequest { Query = "\"placement stability\"" }).Total;

            for (int attempt = 0; attempt < 3; attempt++)
            {
                // Index seeds + the published reports (many seconds) and kill the process part-way: once it has
                // reported its first files (an observable point inside the build, whatever the corpus size), plus a little more each attempt.
                var run = Process.Start(new ProcessStartInfo("dotnet", [Cli(), "index", ProjectPaths.Seeds, SharedCorpus, "--index", folder])
                { RedirectStandardOutput = true, RedirectStandardError = true })!;
                int reported = 0;
                while (reported < 3 + attempt * 20 && await run.StandardOutput.ReadLineAsync() is { } line)
                    if (line.StartsWith("ok", StringComparison.Ordinal)) reported++;
                bool killed = !run.HasExited;
                if (killed) run.Kill(entireProcessTree: true);
                await run.WaitForExitAsync();
                output.WriteLine($"attempt {attempt}: {(killed ? "killed part-way" : "finished before the kill")}, exit {run.ExitCode}");

                // The served reader and a fresh one both see a whole, committed index.
                Assert.Equal(before, served.Search(new SearchRequest { Query = "\"placement stability\"" }).Total);
                using var reopened = ReportIndex.Open(folder);
                Assert.True(reopened.Documents.Count >= 9);
                Assert.True(reopened.Search(new SearchRequest { Query = "placement" }).Total > 0);
                if (killed) break;
            }

            // The next run completes cleanly over what the killed one left.
            var again = Process.Start(new ProcessStartInfo("dotnet", [Cli(), "index", ProjectPaths.Seeds, "--index", folder]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var stdout = await again.StandardOutput.ReadToEndAsync();
            await again.WaitForExitAsync();
            output.WriteLine(stdout);
            Assert.Equal(0, again.ExitCode);
            using var after = ReportIndex.Open(folder);
            Assert.Equal(9, after.Documents.Count);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
