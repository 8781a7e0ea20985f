using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using SearchService;
using SearchService.Search.Indexing;

// bench/faults: the real CLI and API (Release builds) on 127.0.0.1 only, every step bounded in time.
// Faults: kill -9 mid-build, two builds at once, a reindex under 16 connections of load with hostile
// queries beside normal ones, a damaged segment file, a full disk (a file-size limit); bad files too.
// Prints a table of what held; RELIABILITY.md keeps the latest one with the method.
var options = Args.Parse(args);
using var run = new FaultRun(options);
try
{
    return await run.Execute();
}
finally
{
    run.Cleanup();
}

internal sealed record Args(string Cli, string Api, string Corpus, int Pdfs, int LoadSeconds, string Work)
{
    public static Args Parse(string[] args)
    {
        string Get(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var configuration = Get("--configuration", "Release");
        return new Args(
            Path.Combine(ProjectPaths.Root, "src", "SearchService.Cli", "bin", configuration, "net10.0", "searchservice.dll"),
            Path.Combine(ProjectPaths.Root, "src", "SearchService.Api", "bin", configuration, "net10.0", "SearchService.Api.dll"),
            Get("--corpus", ProjectPaths.SharedCorpus),
            int.Parse(Get("--pdfs", "24"), CultureInfo.InvariantCulture),
            int.Parse(Get("--load-seconds", "16"), CultureInfo.InvariantCulture),
            Directory.CreateTempSubdirectory("searchservice-faults-").FullName);
    }
}

internal sealed class FaultRun(Args a) : IDisposable
{
    private const string Key = "fault-script-admin-key-0123456789";
    private readonly string _index = Path.Combine(a.Work, "index");
    private readonly string _sources = Path.Combine(a.Work, "sources");
    private readonly List<(string Fault, bool Survived, string Detail)> _faults = [];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private Process? _api;
    private int _documents;
    private int _badRequests, _badFiles;
    private Load.Report? _baseline, _underFire;

    public async Task<int> Execute()
    {
        var total = Stopwatch.StartNew();
        Prepare();
        // Exit 1 is a bad file named in the output (the published set has one HTML page saved as a PDF): the build still served.
        Step("initial build", (await Cli(TimeSpan.FromMinutes(5), "index", _sources, "--index", _index)).Code is 0 or 1);
        _documents = IndexHealth.Check(_index).Documents;
        Console.Error.WriteLine($"faults: {_documents} documents from seeds + {a.Pdfs} reports; starting the API");
        await StartApi();

        await KillMidBuild();
        await ConcurrentBuilds();
        await ReindexUnderLoad();
        await FullDisk();
        await BadFiles();
        await DamagedSegment(); // last: it stops and restarts the API

        int lost = Math.Max(0, _documents - IndexHealth.Check(_index).Documents);
        PrintTable(lost, total.Elapsed);
        return _faults.All(f => f.Survived) && lost == 0 && _underFire!.Errors == 0 ? 0 : 1;
    }

    private void Prepare()
    {
        foreach (var f in new[] { a.Cli, a.Api }) if (!File.Exists(f)) throw new InvalidOperationException($"not built: {f} (bench/faults builds it)");
        Directory.CreateDirectory(_sources);
        foreach (var f in Directory.GetFiles(ProjectPaths.Seeds)) File.Copy(f, Path.Combine(_sources, Path.GetFileName(f)));
        if (Directory.Exists(a.Corpus))
            foreach (var f in Directory.GetFiles(a.Corpus, "*.pdf").Order(StringComparer.Ordinal).Take(a.Pdfs)) File.Copy(f, Path.Combine(_sources, Path.GetFileName(f)));
    }

    private static void Step(string what, bool ok)
    {
        if (!ok) throw new InvalidOperationException($"could not set up: {what}");
    }

    private void Fault(string fault, bool survived, string detail)
    {
        _faults.Add((fault, survived, detail));
        Console.Error.WriteLine($"faults: {fault}: {(survived ? "survived" : "FAILED")} ({detail})");
    }

    // ---- the faults ----------------------------------------------------------------------------

    private async Task KillMidBuild()
    {
        var before = IndexGenerations.Current(_index);
        using var build = StartCli(["index", _sources, "--index", _index]);
        int reported = await WaitForLines(build, "ok", 3, TimeSpan.FromMinutes(2));
        bool killed = !build.HasExited;
        build.Kill(entireProcessTree: true);
        await build.WaitForExitAsync();
        var ready = await Ready();
        var health = IndexHealth.Check(_index);
        Fault("kill -9 mid-build", killed && ready.Documents == _documents && health.Ok && IndexGenerations.Current(_index) == before,
            $"killed after {reported} files; still serving generation {ready.Generation} with {ready.Documents} documents");
    }

    private async Task ConcurrentBuilds()
    {
        using var first = StartCli(["index", _sources, "--index", _index]);
        await WaitForLines(first, "ok", 2, TimeSpan.FromMinutes(2));
        var second = await Cli(TimeSpan.FromMinutes(1), "index", _sources, "--index", _index);
        var admin = await Admin("/api/admin/reindex");
        var finished = first.WaitForExitAsync();
        await Task.WhenAny(finished, Task.Delay(TimeSpan.FromMinutes(5)));
        if (!first.HasExited) first.Kill(entireProcessTree: true);
        await first.WaitForExitAsync();
        await Task.Delay(2500); // the server's refresh tick
        var ready = await Ready();
        Fault("two builds at once", second.Code == 4 && admin == 409 && first.ExitCode is 0 or 1 && ready.Documents == _documents,
            $"second CLI exit {second.Code}, admin reindex {admin}, first build exit {first.ExitCode}; serving {ready.Documents} documents");
    }

    private async Task ReindexUnderLoad()
    {
        var port = new Uri(Base).Port;
        _baseline = await Load.Run(port, Load.Normal, 16, TimeSpan.FromSeconds(Math.Max(5, a.LoadSeconds / 2)), CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var normal = Load.Run(port, Load.Normal, 16, TimeSpan.FromSeconds(a.LoadSeconds), stop.Token);
        var hostile = Load.Run(port, Load.Hostile(), 4, TimeSpan.FromSeconds(a.LoadSeconds), stop.Token);
        var statuses = new List<int>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(a.LoadSeconds - 2) && statuses.Count < 2) statuses.Add(await Admin("/api/admin/reindex"));
        _underFire = await normal;
        var attacks = await hostile;
        _badRequests += attacks.Requests;
        _underFire = _underFire with { Errors = _underFire.Errors + attacks.Errors };
        var ready = await Ready();
        Fault("reindex under 16 connections of load", statuses.Count > 0 && statuses.All(s => s == 200) && _underFire.Errors == 0 && ready.Documents == _documents,
            $"{statuses.Count} reindexes ({string.Join(", ", statuses)}) during {_underFire.Requests} normal and {attacks.Requests} hostile requests; {_underFire.Errors} errors");
    }

    private async Task FullDisk()
    {
        var before = IndexGenerations.Current(_index);
        var full = await CliLimited("trap '' XFSZ; ulimit -f 512", "index", _sources, "--index", _index);
        var ready = await Ready();
        Fault("full disk during a build", full.Code == 3 && full.Error.Contains("the served index is unchanged", StringComparison.Ordinal) && IndexGenerations.Current(_index) == before && ready.Documents == _documents,
            $"CLI exit {full.Code}: {full.Error.Trim().Split('\n')[^1]}");
    }

    private async Task BadFiles()
    {
        var bad = Path.Combine(a.Work, "bad");
        Directory.CreateDirectory(Path.Combine(bad, "inner"));
        File.Copy(Path.Combine(ProjectPaths.Seeds, "004_6dc884be81250f76.txt"), Path.Combine(bad, "good.txt"));
        Directory.CreateSymbolicLink(Path.Combine(bad, "inner", "loop"), bad);
        File.CreateSymbolicLink(Path.Combine(bad, "zeros.txt"), "/dev/zero");
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(bad, "pipe.txt")])) await mkfifo.WaitForExitAsync();
        File.WriteAllBytes(Path.Combine(bad, "pages.pdf"), PageBomb(1_000_000));
        File.WriteAllText(Path.Combine(bad, "one-line.txt"), "Coventry City Council\n\n" + string.Concat(Enumerable.Repeat("Placement stability matters. ", 500_000)));
        File.WriteAllText(Path.Combine(bad, "controls.txt"), "Coventry City Council\n\nThe \u0001council\u001B reviewed placements.\n");
        File.WriteAllBytes(Path.Combine(bad, "empty.txt"), []);
        File.WriteAllBytes(Path.Combine(bad, "binary.pdf"), [0x25, 0x50, 0x44, 0x46, 0x2D, 0, 1, 2, 3]);
        _badFiles = 9;
        var clock = Stopwatch.StartNew();
        var r = await Cli(TimeSpan.FromMinutes(2), "index", bad, "--index", Path.Combine(a.Work, "bad-index"), "--force");
        var named = new[] { "loop", "zeros.txt", "pipe.txt", "pages.pdf", "empty.txt", "binary.pdf" }.All(n => r.Out.Contains(n, StringComparison.Ordinal));
        Fault("bad files in a build", r.Code == 1 && named && clock.Elapsed < TimeSpan.FromMinutes(1),
            $"exit {r.Code} in {clock.Elapsed.TotalSeconds:0.0} s, each bad file named with its reason");
    }

    private async Task DamagedSegment()
    {
        // Damage the served generation while the server is down (a live mmapped file is not truncated under it), then start on it.
        await StopApi();
        var current = IndexGenerations.Current(_index)!;
        var backup = Path.Combine(a.Work, "backup");
        CopyFolder(IndexGenerations.PathOf(_index, current), backup);
        foreach (var f in Directory.GetFiles(IndexGenerations.PathOf(_index, current), "*.cfs")) File.WriteAllBytes(f, File.ReadAllBytes(f)[..4096]);
        await StartApi();
        var (status, detail) = await ReadyProblem();
        var search = (int)(await _http.GetAsync($"{Base}/api/search?q=placement")).StatusCode;
        var cli = await Cli(TimeSpan.FromMinutes(1), "search", "placement", "--index", _index);
        var rollback = await Cli(TimeSpan.FromMinutes(1), "index", "rollback", "--index", _index);
        await Task.Delay(2500);
        var after = await Ready();
        // Put the damaged generation back as it was, so the documents can be counted as served before.
        CopyFolder(backup, IndexGenerations.PathOf(_index, current));
        Fault("damaged segment file", status == 503 && !detail.Contains(_index, StringComparison.Ordinal) && search == 503 && cli.Code == 3 && rollback.Code == 0 && after.Documents == _documents,
            $"/ready {status} \"{detail}\", search {search}, CLI exit {cli.Code}, rollback to {after.Generation} serving {after.Documents}");
    }

    // ---- processes and HTTP --------------------------------------------------------------------

    private string Base { get; set; } = "";

    private async Task StartApi()
    {
        int port;
        using (var l = new TcpListener(IPAddress.Loopback, 0)) { l.Start(); port = ((IPEndPoint)l.LocalEndpoint).Port; }
        Base = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet", [a.Api, "--urls", Base, "--index", _index, "--Admin:ApiKey", Key, "--Index:Sources:0", _sources,
            "--RateLimits:SearchPerMinute", "0", "--RateLimits:AskPerMinute", "0", "--RateLimits:AdminPerMinute", "0", "--RateLimits:QueueLength", "256"])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        _api = Process.Start(start)!;
        _ = _api.StandardOutput.ReadToEndAsync();
        _ = _api.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                await _http.GetAsync($"{Base}/health");
                return;
            }
            catch (HttpRequestException) { await Task.Delay(200); }
        }
        throw new InvalidOperationException("the API did not start within 60 s");
    }

    private async Task StopApi()
    {
        if (_api is null || _api.HasExited) return;
        _api.Kill(entireProcessTree: true);
        await _api.WaitForExitAsync();
    }

    private sealed record ReadyState(int Documents, string? Generation);

    private async Task<ReadyState> Ready()
    {
        using var r = await _http.GetAsync($"{Base}/ready");
        if (!r.IsSuccessStatusCode) return new ReadyState(0, null);
        var json = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        return new ReadyState(json.GetProperty("documents").GetInt32(), json.GetProperty("generation").GetString());
    }

    private async Task<(int Status, string Detail)> ReadyProblem()
    {
        using var r = await _http.GetAsync($"{Base}/ready");
        var json = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        return ((int)r.StatusCode, json.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "");
    }

    private async Task<int> Admin(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Base + path);
        request.Headers.Add("X-Api-Key", Key);
        using var admin = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        using var r = await admin.SendAsync(request);
        return (int)r.StatusCode;
    }

    private Process StartCli(string[] args) =>
        Process.Start(new ProcessStartInfo("dotnet", [a.Cli, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true })!;

    private static async Task<int> WaitForLines(Process p, string prefix, int count, TimeSpan limit)
    {
        int seen = 0;
        using var timeout = new CancellationTokenSource(limit);
        while (seen < count && await p.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            if (line.StartsWith(prefix, StringComparison.Ordinal)) seen++;
        return seen;
    }

    private async Task<(int Code, string Out, string Error)> Cli(TimeSpan limit, params string[] args) => await Finish(StartCli(args), limit);

    private async Task<(int Code, string Out, string Error)> CliLimited(string prefix, params string[] args)
    {
        var command = $"{prefix}; exec dotnet '{a.Cli}' {string.Join(" ", args.Select(x => $"'{x}'"))}";
        var start = new ProcessStartInfo("bash", ["-c", command]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DOTNET_EnableWriteXorExecute"] = "0"; // the runtime's double mapping sizes a memory file the limit would refuse
        return await Finish(Process.Start(start)!, TimeSpan.FromMinutes(3));
    }

    private static async Task<(int Code, string Out, string Error)> Finish(Process p, TimeSpan limit)
    {
        using (p)
        {
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(limit);
            try { await p.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { p.Kill(entireProcessTree: true); await p.WaitForExitAsync(); }
            return (p.ExitCode, await stdout, await stderr);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)), overwrite: true);
    }

    private static byte[] PageBomb(int pages)
    {
        var sb = new StringBuilder("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
        sb.Append("2 0 obj << /Type /Pages /Count ").Append(pages).Append(" /Kids [");
        for (int i = 0; i < pages; i++) sb.Append("3 0 R ");
        sb.Append("] >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    private void PrintTable(int lost, TimeSpan took)
    {
        var b = _baseline!;
        var u = _underFire!;
        Console.WriteLine($"| measure | result |");
        Console.WriteLine($"|---|---|");
        Console.WriteLine($"| load held: normal queries, 16 connections, {a.LoadSeconds} s, while hostile ones run and the index is rebuilt | {u.Requests:N0} requests, {u.Errors} errors (5xx or failed connections), {u.Rejected} × 429 |");
        Console.WriteLine($"| p99 of normal queries, alone → with hostile ones and reindexes | {b.P99Ms:0} ms → {u.P99Ms:0} ms (p50 {b.P50Ms:0} → {u.P50Ms:0} ms) |");
        Console.WriteLine($"| faults survived | {_faults.Count(f => f.Survived)} of {_faults.Count}: {string.Join("; ", _faults.Select(f => $"{f.Fault} {(f.Survived ? "✓" : "✗")}"))} |");
        Console.WriteLine($"| bad inputs tried | {_badRequests:N0} hostile requests ({Load.HostileKinds} kinds), {_badFiles} bad files |");
        Console.WriteLine($"| documents lost | {lost} of {_documents} |");
        Console.WriteLine($"| run | {took.TotalSeconds:0} s on {Environment.ProcessorCount} cores, 127.0.0.1 only |");
        Console.WriteLine();
        foreach (var f in _faults) Console.WriteLine($"- {f.Fault}: {(f.Survived ? "survived" : "FAILED")} — {f.Detail}");
    }

    public void Dispose() => _http.Dispose();

    public void Cleanup()
    {
        StopApi().GetAwaiter().GetResult();
        try { Directory.Delete(a.Work, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Closed-loop HTTP load: each connection sends its next request when the last is answered.</summary>
internal static class Load
{
    public sealed record Report(int Requests, int Errors, int Rejected, double P50Ms, double P99Ms);

    public static readonly string[] Normal =
    [
        "/api/search?q=placement%20stability", "/api/search?q=care%20leavers&authority=Coventry", "/api/search?q=%22looked%20after%20children%22&groupBy=document",
        "/api/search?q=health&outcomeArea=Staying%20safe&outcomeArea=Being%20healthy", "/api/trends?q=adoption", "/api/search?q=missing%20from%20home&sort=date",
    ];

    public const int HostileKinds = 8;

    public static string[] Hostile()
    {
        var the = Uri.EscapeDataString(string.Join(" ", Enumerable.Repeat("the", 250)));
        var values = string.Join("&", Enumerable.Range(0, 1025).Select(i => $"authority=a{i}"));
        return
        [
            $"/api/search?q={the}", $"/api/search?q=x&{values}", "/api/search?q=children&page=100&pageSize=100",
            $"/api/search?q={Uri.EscapeDataString(string.Concat(Enumerable.Repeat("(a OR \"b c\") ", 80)))}", $"/api/ask?q={the}",
            "/api/search?q=-care", "/api/trends?q=the&by=authority", $"/api/search?q={new string('a', 5000)}",
        ];
    }

    public static async Task<Report> Run(int port, string[] paths, int connections, TimeSpan duration, CancellationToken stop)
    {
        var latencies = new ConcurrentBag<double>();
        int errors = 0, rejected = 0;
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections };
        using var http = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        var until = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async c =>
        {
            int i = c;
            while (until.Elapsed < duration && !stop.IsCancellationRequested)
            {
                var clock = Stopwatch.StartNew();
                try
                {
                    using var r = await http.GetAsync(paths[i++ % paths.Length], HttpCompletionOption.ResponseContentRead);
                    if ((int)r.StatusCode >= 500) Interlocked.Increment(ref errors);
                    else if ((int)r.StatusCode == 429) Interlocked.Increment(ref rejected);
                    else latencies.Add(clock.Elapsed.TotalMilliseconds);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        var sorted = latencies.Order().ToArray();
        double P(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        return new Report(sorted.Length + errors + rejected, errors, rejected, P(0.5), P(0.99));
    }
}
