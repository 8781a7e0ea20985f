using System.Globalization;
using System.Text.Json;

namespace SearchService.Benchmarks;

/// <summary>
/// The targets of issue 15 item 4, each met or missed, from one bench/run: the in-process figures
/// per corpus size (x1.json, x2.json, x10.json, written by <c>inproc</c>) and the HTTP runs
/// (http.tsv, written by bench/run from wrk's output).
/// </summary>
internal static class Report
{
    /// <summary>A query is "selective" for the doubling target when it matches under this share of the paragraphs at ×1.</summary>
    private const double SelectiveShare = 0.03;

    public static void Targets(string dir)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var sizes = new[] { "x1", "x2", "x10" }
            .Where(s => File.Exists(Path.Combine(dir, s + ".json")))
            .ToDictionary(s => s, s => JsonSerializer.Deserialize<Bench.SizeFigures>(File.ReadAllText(Path.Combine(dir, s + ".json")), options)!);
        if (!sizes.TryGetValue("x1", out var x1)) { Console.WriteLine("No ×1 results: nothing to report."); return; }
        var http = File.Exists(Path.Combine(dir, "http.tsv"))
            ? File.ReadLines(Path.Combine(dir, "http.tsv")).Select(l => l.Split('\t')).Where(c => c.Length >= 6)
                .Select(c => (Size: c[0], Connections: int.Parse(c[1], CultureInfo.InvariantCulture), Rps: Number(c[2]), P50: Millis(c[3]), P99: Millis(c[4]), Errors: c[5])).ToList()
            : [];

        Console.WriteLine("| target | corpus | result | met? |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (name, size) in sizes.Where(s => s.Key is "x1" or "x2"))
        {
            var q = size.Queries;
            int p50 = q.Count(f => f.P50 <= 0.5), p99 = q.Count(f => f.P99 <= 3), ratio = q.Count(f => f.P50 / f.SqliteP50 <= 0.5);
            Row("in process p50 ≤ 0.5 ms, every query", name, size, $"{p50} of {q.Count} queries; worst `{Worst(q, f => f.P50)}` {q.Max(f => f.P50):0.00} ms", p50 == q.Count);
            Row("in process p99 ≤ 3 ms, every query", name, size, $"{p99} of {q.Count} queries; worst `{Worst(q, f => f.P99)}` {q.Max(f => f.P99):0.00} ms", p99 == q.Count);
            Row("ours ÷ SQLite FTS5 ≤ 0.5, every query (p50, same run)", name, size,
                $"{ratio} of {q.Count}; highest `{Worst(q, f => f.P50 / f.SqliteP50)}` {q.Max(f => f.P50 / f.SqliteP50):0.000}", ratio == q.Count);
        }
        foreach (var h in http.Where(h => h.Connections == 8))
        {
            var size = sizes.GetValueOrDefault(h.Size);
            bool errors = h.Errors == "0";
            Row("HTTP, 8 connections, 2 cores: ≥ 3,000 req/s, p50 ≤ 2 ms, p99 ≤ 10 ms, 0 errors (the mix)", h.Size, size,
                $"{h.Rps:N0} req/s, p50 {h.P50:0.00} ms, p99 {h.P99:0.00} ms, errors {h.Errors}",
                h.Rps >= 3000 && h.P50 <= 2 && h.P99 <= 10 && errors);
        }
        if (sizes.TryGetValue("x2", out var x2))
        {
            var selective = x1.Queries.Where(f => f.Hits < SelectiveShare * x1.Paragraphs).ToList();
            var growth = selective.Select(f => (Label: Label(f), Ratio: x2.Queries.Single(g => g.Query == f.Query && g.Authority == f.Authority).P50 / f.P50)).ToList();
            int met = growth.Count(g => g.Ratio <= 1.5);
            Row($"doubling the corpus costs ≤ 1.5× (p50), selective queries (under {SelectiveShare:P0} of paragraphs at ×1)", "×2 ÷ ×1", null,
                $"{met} of {growth.Count}; highest `{growth.MaxBy(g => g.Ratio).Label}` {growth.Max(g => g.Ratio):0.00}×", met == growth.Count);
        }

        Console.WriteLine();
        Console.WriteLine("Our p50 (ms) as the corpus grows, with matches at ×1; selective queries marked *:");
        Console.WriteLine();
        Console.WriteLine("| query | matches ×1 | " + string.Join(" | ", sizes.Keys.Select(k => "×" + k[1..])) + " | ×2 ÷ ×1 | ×10 ÷ ×1 |");
        Console.WriteLine("|---|---:|" + string.Concat(sizes.Keys.Select(_ => "---:|")) + "---:|---:|");
        foreach (var f in x1.Queries)
        {
            double At(string s) => sizes.TryGetValue(s, out var z) ? z.Queries.Single(g => g.Query == f.Query && g.Authority == f.Authority).P50 : double.NaN;
            var mark = f.Hits < SelectiveShare * x1.Paragraphs ? "*" : "";
            Console.WriteLine($"| `{Label(f)}`{mark} | {f.Hits:N0} | " + string.Join(" | ", sizes.Keys.Select(s => At(s).ToString("0.000", CultureInfo.InvariantCulture)))
                + $" | {At("x2") / At("x1"):0.00} | {At("x10") / At("x1"):0.00} |");
        }
        Console.WriteLine();
        Console.WriteLine("Load average (1 min) around each in-process run: " + string.Join(", ", sizes.Select(s => $"{s.Key} {s.Value.LoadBefore:0.00} → {s.Value.LoadAfter:0.00}")) + ".");
    }

    private static void Row(string target, string corpus, Bench.SizeFigures? size, string result, bool met) =>
        Console.WriteLine($"| {target} | {(corpus.StartsWith('x') ? "×" + corpus[1..] : corpus)}{(size is null ? "" : $" ({size.Paragraphs:N0} paragraphs)")} | {result} | {(met ? "**met**" : "missed")} |");

    private static string Worst(List<Bench.QueryFigures> q, Func<Bench.QueryFigures, double> by) => q.MaxBy(by) is { } f ? Label(f) : "";

    /// <summary>A query of the mix as the tables name it: its text, and its authority filter if any.</summary>
    private static string Label(Bench.QueryFigures f) => f.Query.Replace("|", "\\|", StringComparison.Ordinal) + (f.Authority is null ? "" : " + " + f.Authority);

    private static double Number(string s) => double.Parse(s.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    /// <summary>wrk's latencies ("850.00us", "1.95ms", "1.02s") in milliseconds.</summary>
    internal static double Millis(string s) =>
        s.EndsWith("us", StringComparison.Ordinal) ? Number(s[..^2]) / 1000
        : s.EndsWith("ms", StringComparison.Ordinal) ? Number(s[..^2])
        : s.EndsWith('s') ? Number(s[..^1]) * 1000
        : Number(s);
}
