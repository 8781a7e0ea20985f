using System.Diagnostics;

namespace SearchService.Api.Tests;

/// <summary>Runs the command line (built beside this test project) as users do: a separate process.</summary>
internal static class Cli
{
    public static string Dll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            return Path.Combine(ProjectPaths.Root, "src", "SearchService.Cli", "bin", configuration, "net10.0", "searchservice.dll");
        }
    }

    public sealed record Result(int ExitCode, string Out, string Error);

    /// <summary>Runs to completion (at most two minutes) and returns the exit code and both streams.</summary>
    public static async Task<Result> Run(params string[] args)
    {
        Assert.True(File.Exists(Dll), $"CLI not built at {Dll}");
        return await Finish(Start(args));
    }

    public static Process Start(params string[] args) => Process.Start(new ProcessStartInfo("dotnet", [Dll, .. args])
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        WorkingDirectory = ProjectPaths.Root,
    })!;

    /// <summary>Runs the CLI under a shell that sets a limit first (e.g. a file-size limit standing for a full disk).</summary>
    public static async Task<Result> RunLimited(string shellPrefix, params string[] args)
    {
        var command = $"{shellPrefix}; exec dotnet {Quote(Dll)} {string.Join(" ", args.Select(Quote))}";
        var start = new ProcessStartInfo("bash", ["-c", command]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = ProjectPaths.Root };
        // The runtime's W^X double mapping sizes a memory file, which a file-size limit would refuse at start-up.
        start.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        return await Finish(Process.Start(start)!);
    }

    private static async Task<Result> Finish(Process process)
    {
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            return new Result(process.ExitCode, await stdout, await stderr);
        }
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
