using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SearchService;
using SearchService.Benchmarks;
using SearchService.Core;
using SearchService.Core.Model;
using SearchService.Core.Reading;
using SearchService.Search.Answering;
using SearchService.Search.Indexing;
using SearchService.Search.Searching;

// Benchmarks, run by bench/run. Timings are wall-clock over repeated runs after a warm-up, in this
// process, on whatever machine runs them; the machine is printed with the figures.
//   scale  --from INDEX --factor N --out DIR       a corpus N times the size: real paragraphs under synthetic authorities and years
//   inproc --index DIR --jsonl FILE --size NAME --out FILE   search + facets + snippets per query, ours and SQLite FTS5's, same paragraphs, same run
//   report --dir DIR                                the issue's targets, met or missed, from the inproc results and the HTTP run
//   ingest --text DIR --pdf DIR                     indexing throughput from text, PDF ingestion time
//   bdn --index DIR --jsonl FILE --text DIR --pdf DIR --out DIR   BenchmarkDotNet: search vs SQLite, fetch, ask, indexing (×1)
//   profile --index DIR --query Q|mix|ask:QUESTION --seconds N   one query (or the mix, or a question) in a loop for dotnet-trace, with its allocations
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var command = args.FirstOrDefault() ?? "";
string Arg(string name) => args.SkipWhile(a => a != "--" + name).Skip(1).FirstOrDefault() ?? throw new ArgumentException($"--{name} is required");
switch (command)
{
    case "scale": Bench.Scale(Arg("from"), int.Parse(Arg("factor")), Arg("out")); break;
    case "inproc": Bench.InProcess(Arg("index"), Arg("jsonl"), Arg("size"), Arg("out")); break;
    case "report": Report.Targets(Arg("dir")); break;
    case "charfilters": Swaps.CharFilters(Arg("jsonl")); break;
    case "snippets": SnippetComparison.Run(Arg("index"), Arg("examples")); break;
    case "mix-lua": Console.Write(Bench.MixLua()); break;
    case "ingest": Bench.Ingest(Arg("text"), Arg("pdf")); break;
    case "terms":
        using (var analyzer = new SearchService.Search.Analysis.ReportAnalyzer())
            foreach (var text in args.Skip(1)) Console.WriteLine($"{text} → plain [{string.Join(" ", analyzer.Terms(text))}] index [{string.Join(" ", analyzer.Terms(text, "text"))}] phrase [{string.Join(" ", analyzer.PhraseTerms(text).Select(t => $"{t.Term}@{t.Position}"))}]");
        break;
    case "profile": Bench.Profile(Arg("index"), Arg("query"), double.Parse(Arg("seconds"), CultureInfo.InvariantCulture)); break;
    case "bdn": MicroBenchmarks.Run(Path.GetFullPath(Arg("index")), Path.GetFullPath(Arg("jsonl")), Path.GetFullPath(Arg("text")), Path.GetFullPath(Arg("pdf")), Path.GetFullPath(Arg("out"))); break;
    default: Console.Error.WriteLine("usage: scale|inproc|ingest|bdn (see bench/run)"); return 2;
}
return 0;

internal static partial class Bench
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Lac = "(lac OR \"looked after children\" OR \"children looked after\" OR cla OR \"children in care\")";
    private const string CareLeavers = "(\"care leavers\" OR \"young people leaving care\")";
    private const string PlacementStability = "\"stable placements\" OR \"stability of placements\"";

    /// <summary>
    /// The benchmark mix: (class, our query, the same query as an SQLite FTS5 MATCH expression —
    /// all words, with our synonyms written out — and an authority filter or null). The first
    /// ten are the first release's nine and the issue's headline query; the last three are broad.
    /// </summary>
    internal static readonly (string Class, string Ours, string Fts, string? Authority)[] Queries =
    [
        ("single word", "fostering", "fostering", null),
        ("single word", "adoption", "adoption", null),
        ("two words", "care leavers", $"(care AND leavers) OR {CareLeavers}", null),
        ("two words", "placement stability", $"(placement AND stability) OR {PlacementStability}", null),
        ("phrase", "\"placement stability\"", $"\"placement stability\" OR {PlacementStability}", null),
        ("phrase", "\"return home interviews\"", "\"return home interviews\"", null),
        ("acronym", "LAC health", $"{Lac} AND health", null),
        ("acronym", "CAMHS", "camhs OR \"child and adolescent mental health services\" OR \"child and adolescent mental health service\"", null),
        ("filtered", "children", "children", "Coventry"),
        ("filtered", "\"care leavers\"", CareLeavers, "Stoke-on-Trent"),
        ("broad", "care", "care", null),
        ("broad", "children social work", "children AND social AND work", null),
        ("broad", "\"looked after children\"", Lac, null),
    ];

    private static string Machine() =>
        $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, {File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "unknown CPU"}";

    // ---- scale ---------------------------------------------------------------------------------

    public static void Scale(string from, int factor, string output)
    {
        using var source = ReportIndex.Open(from);
        var documents = source.Documents.Select(d => (Record: d, Paragraphs: source.GetParagraphs(d.ParagraphIds))).ToList();
        var clock = Stopwatch.StartNew();
        int paragraphs = 0;
        using (var writer = new ReportIndexWriter(output))
        using (var jsonl = new StreamWriter(output + ".jsonl"))
        {
            for (int copy = 0; copy < factor; copy++)
            {
                foreach (var (d, ps) in documents)
                {
                    // Copy 0 is the real corpus; the others move it to a synthetic authority and shift the years.
                    var authority = copy == 0 ? d.Authority : $"{d.Authority} (synthetic {copy})";
                    var shift = copy == 0 ? 0 : copy % 7 - 3;
                    var id = copy == 0 ? d.Id : $"{d.Id}-s{copy}";
                    // A copy's paragraph ids, and every reference to them, move to the copy's document id.
                    string Moved(string paragraphId) => copy == 0 ? paragraphId : paragraphId.Replace(d.Id + "~", id + "~", StringComparison.Ordinal);
                    var paragraphsModel = ps.Select(p => new Paragraph(Moved(p.Id), p.Label, p.Ordinal, p.SectionPath, p.OutcomeArea, p.Grade, p.Text, p.Kind)).ToList();
                    var model = d.WithParagraphIds(Moved).ToModel();
                    var doc = model with
                    {
                        Id = id,
                        LocalAuthority = model.LocalAuthority is { } la ? la with { Name = authority } : new LocalAuthority(authority, authority, "", "", "", "", null, [], []),
                        FrontMatter = model.FrontMatter with { Published = d.Date?.AddYears(shift), InspectionStart = d.InspectionStart?.AddYears(shift), InspectionEnd = d.InspectionEnd?.AddYears(shift) },
                        Paragraphs = paragraphsModel,
                    };
                    writer.Add(doc);
                    paragraphs += paragraphsModel.Count;
                    foreach (var p in paragraphsModel)
                        jsonl.WriteLine(JsonSerializer.Serialize(new { id = p.Id, text = p.Text, authority, year = doc.Year, outcomeArea = p.OutcomeArea, grade = p.Grade?.Label, documentType = d.DocumentType }, Json));
                }
            }
            writer.Commit();
        }
        Console.WriteLine($"| ×{factor} | {documents.Count * factor:N0} documents | {paragraphs:N0} paragraphs | indexed in {clock.Elapsed.TotalSeconds:0.0} s | {paragraphs / clock.Elapsed.TotalSeconds:N0} paragraphs/s |");
    }

    // ---- in-process search vs SQLite FTS5 ---------------------------------------------------------

    /// <summary>One query's figures at one corpus size: ours and SQLite's, the same run.</summary>
    internal sealed record QueryFigures(string Class, string Query, string? Authority, int Hits, int SqliteHits,
        double P50, double P99, double SqliteP50, double SqliteP99, int Runs);

    internal sealed record SizeFigures(string Size, int Paragraphs, string Machine, double LoadBefore, double LoadAfter, List<QueryFigures> Queries);

    public static void InProcess(string indexPath, string jsonlPath, string size, string outPath)
    {
        using var index = ReportIndex.Open(indexPath, Synonyms.Load(ProjectPaths.VocabularyFile));
        using var db = LoadSqlite(jsonlPath, out var loadSeconds, out int rows);
        double loadBefore = Load();
        Console.WriteLine($"Corpus {size}: {rows:N0} paragraphs. Machine: {Machine()}. Load average before: {loadBefore:0.00}. SQLite FTS5 loaded in {loadSeconds:0.0} s (porter unicode61).");
        // Enough runs for a real p99 where a query is fast; fewer on big corpora keep the run bounded (SQLite takes up to seconds a query at ×10).
        int runs = Math.Clamp(4_000_000 / Math.Max(1, rows), 12, 300);
        // The search path tiered up before the first query is timed, as in a process that has been serving: without this the
        // first query of the mix (`fostering`) was timed while the shared code was still being recompiled (2.9 ms p50, 0.4 ms after).
        var mix = Queries.Select(q => RequestFor(q.Ours, q.Authority)).ToList();
        int turn = 0;
        WarmUp(() => index.Search(mix[turn++ % mix.Count]), seconds: 3, runs: mix.Count * 10);
        Console.WriteLine($"Each query: ours warmed for at least 1 s and 60 runs (tiered-up code; the whole mix first ran in turn for 3 s), SQLite's for 0.5 s and {Math.Min(20, runs / 2)} runs; then {runs} timed runs of each; with fewer than 100 runs \"p99\" is the slowest run.");
        Console.WriteLine();
        Console.WriteLine("| class | query | hits (ours / SQLite) | ours p50 ms | ours p99 ms | SQLite p50 ms | SQLite p99 ms | ours ÷ SQLite (p50) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
        var figures = new List<QueryFigures>();
        for (int q = 0; q < Queries.Length; q++)
        {
            var (cls, ours, fts, authority) = Queries[q];
            var request = mix[q];
            int hits = index.Search(request).Total;
            int sqliteHits = SqliteCount(db, fts, authority);
            var o = Time(() => index.Search(request), runs);
            var t = Time(() => SqliteSearch(db, fts, authority), runs, warmUp: false);
            figures.Add(new QueryFigures(cls, ours, authority, hits, sqliteHits, o.P50, o.P99, t.P50, t.P99, runs));
            var name = ours.Replace("|", "\\|") + (authority is null ? "" : $" + {authority}");
            Console.WriteLine($"| {cls} | `{name}` | {hits:N0} / {sqliteHits:N0} | {o.P50:0.000} | {o.P99:0.000} | {t.P50:0.00} | {t.P99:0.00} | {o.P50 / t.P50:0.000} |");
        }
        double loadAfter = Load();
        Console.WriteLine();
        Console.WriteLine($"Load average after: {loadAfter:0.00}.");
        var answerer = new QuestionAnswerer(index);
        var ask = Time(() => answerer.Ask("How many looked after children did Coventry have in February 2011?", SearchFilters.None), 200, warmSeconds: 3);
        var fetch = Time(() => index.GetParagraph("coventry-2011-05-12-slac-inspection~86"), 500);
        Console.WriteLine($"Paragraph fetch: p50 {fetch.P50:0.000} ms, p99 {fetch.P99:0.000} ms. Ask (number question, after 3 s of warm-up): p50 {ask.P50:0.00} ms, p99 {ask.P99:0.00} ms.");
        File.WriteAllText(outPath, JsonSerializer.Serialize(new SizeFigures(size, rows, Machine(), loadBefore, loadAfter, figures), Json));
    }

    /// <summary>A wrk script that sends the benchmark mix in turn (each wrk thread cycles through it), as /api/search requests with page size 10.</summary>
    internal static string MixLua()
    {
        var paths = Queries.Select(q => "/api/search?q=" + Uri.EscapeDataString(q.Ours) + (q.Authority is null ? "" : "&authority=" + Uri.EscapeDataString(q.Authority)));
        return "-- The benchmark mix (generated by `SearchService.Benchmarks mix-lua` from Bench.Queries).\n"
            + "local paths = {\n" + string.Concat(paths.Select(p => $"  \"{p}\",\n")) + "}\n"
            + "local i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i])\nend\n";
    }

    /// <summary>The one-minute load average (from /proc/loadavg): the benchmarks are honest only on a quiet machine.</summary>
    internal static double Load() =>
        File.Exists("/proc/loadavg") ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture) : -1;

    /// <summary>One query in a loop for a while (for perf or dotnet-trace to sample), then its mean time.</summary>
    public static void Profile(string indexPath, string query, double seconds)
    {
        using var index = ReportIndex.Open(indexPath, Synonyms.Load(ProjectPaths.VocabularyFile));
        // "mix": the benchmark mix in turn; a mix entry by its label ("children + Coventry": the word under an authority filter).
        var named = Queries.Where(q => q.Authority is not null && $"{q.Ours} + {q.Authority}" == query).Select(q => (q.Ours, q.Authority)).ToList();
        var requests = (query == "mix" ? Queries.Select(q => (q.Ours, q.Authority)) : named.Count > 0 ? named : [(query, (string?)null)])
            .Select(q => RequestFor(q.Item1, q.Item2)).ToList();
        // "ask:QUESTION": the answerer instead of a search.
        if (query.StartsWith("ask:", StringComparison.Ordinal))
        {
            var answerer = new QuestionAnswerer(index);
            var question = query[4..];
            // Tiered up first (at least 3 s and 60 asks), so the figures are the steady state's.
            WarmUp(() => answerer.Ask(question, SearchFilters.None), seconds: 3, runs: 60);
            var watch = Stopwatch.StartNew();
            double cpu = ThreadCpu.Milliseconds();
            int asked = 0;
            while (watch.Elapsed.TotalSeconds < seconds) { answerer.Ask(question, SearchFilters.None); asked++; }
            Console.WriteLine($"{question}: {asked} asks, mean {watch.Elapsed.TotalMilliseconds / asked:0.000} ms, thread CPU {(ThreadCpu.Milliseconds() - cpu) / asked:0.000} ms");
            long allocated = GC.GetTotalAllocatedBytes(precise: true);
            using (var askTypes = new AllocationTypes { Recording = true })
            {
                for (int i = 0; i < 50; i++) answerer.Ask(question, SearchFilters.None);
                askTypes.Recording = false;
                Console.WriteLine($"  per ask: {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 50 / 1024.0:0.0} KiB allocated; by type (sampled):");
                askTypes.Print(15);
            }
            // One more, tracing its stages with the bytes allocated so far (the answerer's debug trace).
            long start = GC.GetAllocatedBytesForCurrentThread();
            QuestionAnswerer.DebugTrace = line => { if (line.StartsWith("   t ", StringComparison.Ordinal)) Console.WriteLine($"  {line.Trim()} — {(GC.GetAllocatedBytesForCurrentThread() - start) / 1024} KiB"); };
            answerer.Ask(question, SearchFilters.None);
            QuestionAnswerer.DebugTrace = null;
            return;
        }
        if (requests.Count == 1) Console.WriteLine($"as run: {index.QueryAsRun(requests[0])}");
        WarmUp(() => index.Search(requests[0]), seconds: 3, runs: 0);
        var clock = Stopwatch.StartNew();
        double searchCpu = ThreadCpu.Milliseconds();
        int n = 0;
        while (clock.Elapsed.TotalSeconds < seconds) { index.Search(requests[n % requests.Count]); n++; }
        Console.WriteLine($"{query}: {n} searches, mean {clock.Elapsed.TotalMilliseconds / n:0.000} ms, thread CPU {(ThreadCpu.Milliseconds() - searchCpu) / n:0.000} ms, {index.Search(requests[0]).Total} matches (first)");
        // What the last young-generation collection cost and kept: a long pause with little promoted points at
        // old objects pointing at young ones (card marking) or handles, not at what a search keeps alive.
        var young = GC.GetGCMemoryInfo(GCKind.Ephemeral);
        Console.WriteLine($"  last young GC (gen{young.Generation}): pause {young.PauseDurations[0].TotalMilliseconds:0.00} ms, promoted {young.PromotedBytes / 1024} KiB, heap {young.HeapSizeBytes / 1048576} MB, " +
            $"fragmented {young.FragmentedBytes / 1048576} MB, pinned objects {young.PinnedObjectsCount}, finalization pending {young.FinalizationPendingCount}; GC pause {GC.GetTotalPauseDuration().TotalSeconds:0.00} s since start");
        // What a search allocates and how often it makes the GC run: large objects force gen 2 collections.
        long before = GC.GetTotalAllocatedBytes(precise: true);
        int[] gcs = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        using var types = new AllocationTypes { Recording = true };
        for (int i = 0; i < 200; i++) index.Search(requests[i % requests.Count]);
        types.Recording = false;
        Console.WriteLine($"  per search: {(GC.GetTotalAllocatedBytes(precise: true) - before) / 200 / 1024.0:0.0} KiB allocated; over 200 searches gen0 {GC.CollectionCount(0) - gcs[0]}, gen1 {GC.CollectionCount(1) - gcs[1]}, gen2 {GC.CollectionCount(2) - gcs[2]} collections");
        Console.WriteLine($"  last GC's heap statistics: {types.HeapStats}");
        Console.WriteLine("  allocated by type (sampled):");
        types.Print(15);
        // Where a search's time goes: the same requests without facets, and with one hit (one snippet, one record), and planning alone.
        double Mean(Func<SearchRequest, SearchRequest> change, Action<SearchRequest> run)
        {
            var changed = requests.Select(change).ToList();
            WarmUp(() => { foreach (var r in changed) run(r); }, seconds: 1, runs: 20);
            var watch = Stopwatch.StartNew();
            int runs = 0;
            while (watch.Elapsed.TotalSeconds < Math.Max(1, seconds / 4)) { run(changed[runs % changed.Count]); runs++; }
            return watch.Elapsed.TotalMilliseconds / runs;
        }
        double Searched(Func<SearchRequest, SearchRequest> change) => Mean(change, r => index.Search(r));
        Console.WriteLine($"  breakdown (mean ms): as benchmarked {Searched(r => r):0.000}; without facets {Searched(r => r with { Facets = false }):0.000}; " +
            $"one hit {Searched(r => r with { PageSize = 1 }):0.000}; one hit without facets {Searched(r => r with { PageSize = 1, Facets = false }):0.000}; " +
            $"planning alone {Mean(r => r, r => index.PlanOnly(r)):0.000}; synonym groups not remembered {NotRemembered():0.000}; " +
            $"a reader's first search (nothing remembered yet) {Mean(r => r, r => { index.ForgetRemembered(); index.Search(r); }):0.000}");
        Console.WriteLine($"  remembered: {index.RememberedMatches:N0} matches of synonym groups and frequent words ({index.RememberedMatches * 8 / 1024.0 / 1024:0.0} MB)");
        double NotRemembered()
        {
            index.RememberGroups = false;
            try { return Searched(r => r); }
            finally { index.RememberGroups = true; }
        }
    }

    /// <summary>A query of the mix as the benchmarks search it: one page of ten, five facets, snippets, the authority filter if any.</summary>
    internal static SearchRequest RequestFor(string query, string? authority) =>
        new() { Query = query, PageSize = 10, Filters = authority is null ? SearchFilters.None : new SearchFilters { Authority = [authority] } };

    /// <summary>Runs an action for at least the seconds and the runs given, untimed.</summary>
    private static void WarmUp(Action action, double seconds, int runs)
    {
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < runs || clock.Elapsed.TotalSeconds < seconds; i++) action();
    }

    private static (double P50, double P99) Time(Action action, int runs = 200, bool warmUp = true, double warmSeconds = 1)
    {
        // Warm up for at least warmSeconds and 60 runs (a method is queued for optimised recompilation
        // after 30 calls, and one background thread compiles the queue), so the code measured is the
        // tiered-up JIT code a running server uses, not the first quick compilation. The answerer has
        // much more code than a search: after 1 s and 60 asks its p50 was still 10–13 ms, after 3 s
        // 3.0–3.6 ms. Fewer runs for SQLite (slow at ×10): its code is native and needs no tiering, only warm caches.
        if (warmUp) WarmUp(action, warmSeconds, 60);
        else WarmUp(action, 0.5, Math.Min(20, runs / 2));
        var samples = new double[runs];
        for (int i = 0; i < runs; i++)
        {
            long start = Stopwatch.GetTimestamp();
            action();
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(samples);
        return (samples[runs / 2], samples[Math.Min(runs - 1, (int)(runs * 0.99))]);
    }

    internal static SqliteConnection LoadSqlite(string jsonlPath, out double seconds, out int rows)
    {
        var clock = Stopwatch.StartNew();
        var db = new SqliteConnection("Data Source=:memory:");
        db.Open();
        using (var create = db.CreateCommand())
        {
            create.CommandText = "CREATE VIRTUAL TABLE p USING fts5(text, id UNINDEXED, authority UNINDEXED, year UNINDEXED, outcomeArea UNINDEXED, grade UNINDEXED, documentType UNINDEXED, tokenize='porter unicode61')";
            create.ExecuteNonQuery();
        }
        rows = 0;
        using var tx = db.BeginTransaction();
        using var insert = db.CreateCommand();
        insert.CommandText = "INSERT INTO p VALUES ($text, $id, $authority, $year, $area, $grade, $type)";
        var ps = new[] { "$text", "$id", "$authority", "$year", "$area", "$grade", "$type" }.Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
        foreach (var line in File.ReadLines(jsonlPath))
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            string? S(string name) => r.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.ToString() : null;
            ps[0].Value = S("text") ?? ""; ps[1].Value = S("id") ?? ""; ps[2].Value = (object?)S("authority") ?? DBNull.Value; ps[3].Value = (object?)S("year") ?? DBNull.Value;
            ps[4].Value = (object?)S("outcomeArea") ?? DBNull.Value; ps[5].Value = (object?)(r.TryGetProperty("grade", out var g) && g.ValueKind == JsonValueKind.Object ? g.GetProperty("label").GetString() : S("grade")) ?? DBNull.Value;
            ps[6].Value = (object?)S("documentType") ?? DBNull.Value;
            insert.ExecuteNonQuery();
            rows++;
        }
        tx.Commit();
        seconds = clock.Elapsed.TotalSeconds;
        return db;
    }

    /// <summary>How many paragraphs SQLite's MATCH finds (to show both engines match about the same set).</summary>
    internal static int SqliteCount(SqliteConnection db, string match, string? authority)
    {
        using var count = db.CreateCommand();
        count.CommandText = $"SELECT count(*) FROM p WHERE p MATCH $q{(authority is null ? "" : " AND authority = $a")}";
        count.Parameters.AddWithValue("$q", match);
        if (authority is not null) count.Parameters.AddWithValue("$a", authority);
        return Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The same work SQLite's way: top 10 by bm25 with snippet(), the total, and GROUP BY counts for the five facets.</summary>
    internal static void SqliteSearch(SqliteConnection db, string match, string? authority)
    {
        var filter = authority is null ? "" : " AND authority = $a";
        using (var top = db.CreateCommand())
        {
            top.CommandText = $"SELECT id, snippet(p, 0, '<mark>', '</mark>', '…', 40), bm25(p) FROM p WHERE p MATCH $q{filter} ORDER BY bm25(p) LIMIT 10";
            top.Parameters.AddWithValue("$q", match);
            if (authority is not null) top.Parameters.AddWithValue("$a", authority);
            using var r = top.ExecuteReader();
            while (r.Read()) { _ = r.GetString(0); _ = r.GetString(1); }
        }
        foreach (var facet in new[] { "authority", "year", "outcomeArea", "grade", "documentType" })
        {
            using var count = db.CreateCommand();
            count.CommandText = $"SELECT {facet}, count(*) FROM p WHERE p MATCH $q{filter} GROUP BY {facet}";
            count.Parameters.AddWithValue("$q", match);
            if (authority is not null) count.Parameters.AddWithValue("$a", authority);
            using var r = count.ExecuteReader();
            while (r.Read()) { }
        }
    }

    // ---- ingestion ---------------------------------------------------------------------------------

    /// <summary>The text files of a folder, read once (reading is not what the text figure measures).</summary>
    internal static List<SourceText> ReadTexts(string folder)
    {
        var readers = DocumentReaders.Default;
        return Corpus.Files([folder], readers).Select(readers.Read).ToList();
    }

    /// <summary>
    /// Parses, segments and indexes the texts round after round (each round under new ids) into one
    /// index until <paramref name="until"/> says stop, then commits; returns the paragraphs indexed.
    /// </summary>
    internal static int IndexTexts(IReadOnlyList<SourceText> sources, string folder, Func<bool> until)
    {
        int paragraphs = 0;
        using var writer = new ReportIndexWriter(folder);
        for (int round = 0; !until(); round++)
            foreach (var s in sources)
                foreach (var d in ReportParser.Parse(s))
                {
                    writer.Add(d with { Id = $"{d.Id}-r{round}", Paragraphs = d.Paragraphs.Select(p => p with { Id = $"{p.Id}-r{round}" }).ToList() });
                    paragraphs += d.Paragraphs.Count;
                }
        writer.Commit();
        return paragraphs;
    }

    public static void Ingest(string textFolder, string pdfFolder)
    {
        var sources = ReadTexts(textFolder);
        var folder = Directory.CreateTempSubdirectory("bench-ingest-").FullName;
        // One untimed round first, so the timed rounds run tiered-up code (as BenchmarkDotNet's warm-up does).
        int warmRound = 0;
        IndexTexts(sources, folder, until: () => warmRound++ == 1);
        var clock = Stopwatch.StartNew();
        int paragraphs = IndexTexts(sources, folder, until: () => clock.Elapsed.TotalSeconds >= 5);
        double textRate = paragraphs / clock.Elapsed.TotalSeconds;
        Directory.Delete(folder, true);

        var pdfFolderOut = Directory.CreateTempSubdirectory("bench-pdf-").FullName;
        var pdfClock = Stopwatch.StartNew();
        var summary = IndexBuilder.Build([pdfFolder], pdfFolderOut);
        var pdfSeconds = pdfClock.Elapsed.TotalSeconds;
        Directory.Delete(pdfFolderOut, true);
        Console.WriteLine($"| text (seeds: parse + segment + index, repeated for 5 s after one warm-up round) | {paragraphs:N0} paragraphs | {textRate:N0} paragraphs/s |");
        Console.WriteLine($"| PDF ({summary.Indexed} reports + {summary.Failed} bad file: read + segment + index) | {summary.Paragraphs:N0} paragraphs | {pdfSeconds:0.0} s |");
    }
}
