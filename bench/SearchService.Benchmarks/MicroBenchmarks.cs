using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Data.Sqlite;
using SearchService.Core;
using SearchService.Core.Reading;
using SearchService.Search.Answering;
using SearchService.Search.Indexing;
using SearchService.Search.Searching;

namespace SearchService.Benchmarks;

/// <summary>
/// BenchmarkDotNet benchmarks of the in-process costs on the ×1 corpus: search with facets and
/// snippets per query (SQLite FTS5 doing the same work as the baseline, so the Ratio column is
/// ours ÷ SQLite), paragraph fetch, ask, and indexing from text and PDF. They run in this process
/// (InProcessEmitToolchain): BenchmarkDotNet's default of a generated project per benchmark
/// needs a full restore and build each time, which the 15-minute budget of bench/run cannot
/// afford. Paths come from environment variables because BenchmarkDotNet creates the classes.
/// </summary>
internal static class MicroBenchmarks
{
    public static void Run(string index, string jsonl, string seeds, string pdfs, string artifacts)
    {
        Environment.SetEnvironmentVariable("BENCH_INDEX", index);
        Environment.SetEnvironmentVariable("BENCH_JSONL", jsonl);
        Environment.SetEnvironmentVariable("BENCH_SEEDS", seeds);
        Environment.SetEnvironmentVariable("BENCH_PDFS", pdfs);
        var quick = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(10).WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250));
        ManualConfig Config(Job job) => ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .AddLogger(new ConsoleLogger())
            .WithArtifactsPath(artifacts)
            .WithOption(ConfigOptions.DisableLogFile, true)
            .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Value).WithMaxParameterColumnWidth(48));
        var summaries = BenchmarkRunner.Run([typeof(SearchBenchmarks), typeof(FetchAndAskBenchmarks)], Config(quick)).ToList();
        // Indexing runs take seconds: measured once each after one warm-up run, five times.
        var indexing = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithStrategy(RunStrategy.Monitoring).WithWarmupCount(1).WithIterationCount(5);
        summaries.Add(BenchmarkRunner.Run<IndexingBenchmarks>(Config(indexing)));

        // Indexing throughput in the issue's units, from the measured means.
        foreach (var report in summaries.SelectMany(s => s.Reports).Where(r => r.BenchmarkCase.Descriptor.Type == typeof(IndexingBenchmarks) && r.ResultStatistics is not null))
        {
            var name = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
            double seconds = report.ResultStatistics!.Mean / 1e9;
            int paragraphs = name == nameof(IndexingBenchmarks.Text) ? IndexingBenchmarks.TextParagraphs : IndexingBenchmarks.PdfParagraphs;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"BDN {name}: mean {seconds:0.000} s per run, {paragraphs:N0} paragraphs → {paragraphs / seconds:N0} paragraphs/s"));
        }
    }
}

public class SearchBenchmarks
{
    private ReportIndex _index = null!;
    private SqliteConnection _sqlite = null!;
    private (string Class, string Ours, string Fts, string? Authority) _query;

    public static IEnumerable<string> Queries => Bench.Queries.Select(q => $"{q.Class}: {q.Ours}{(q.Authority is null ? "" : " + " + q.Authority)}");

    [ParamsSource(nameof(Queries))]
    public string Query { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _index = ReportIndex.Open(Environment.GetEnvironmentVariable("BENCH_INDEX")!, Synonyms.Load(ProjectPaths.VocabularyFile));
        _sqlite = Bench.LoadSqlite(Environment.GetEnvironmentVariable("BENCH_JSONL")!, out _, out _);
        _query = Bench.Queries[Queries.ToList().IndexOf(Query)];
    }

    [Benchmark(Description = "ours: search + 5 facets + snippets")]
    public int Ours() => _index.Search(Bench.RequestFor(_query.Ours, _query.Authority)).Total;

    [Benchmark(Baseline = true, Description = "SQLite FTS5: bm25 + snippet() + 5 GROUP BY")]
    public void Sqlite() => Bench.SqliteSearch(_sqlite, _query.Fts, _query.Authority);

    [GlobalCleanup]
    public void Cleanup()
    {
        _index.Dispose();
        _sqlite.Dispose();
    }
}

public class FetchAndAskBenchmarks
{
    private ReportIndex _index = null!;
    private QuestionAnswerer _answerer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _index = ReportIndex.Open(Environment.GetEnvironmentVariable("BENCH_INDEX")!, Synonyms.Load(ProjectPaths.VocabularyFile));
        _answerer = new QuestionAnswerer(_index);
    }

    [Benchmark(Description = "paragraph fetch by id")]
    public object? Fetch() => _index.GetParagraph("coventry-2011-05-12-slac-inspection~86");

    [Benchmark(Description = "ask: number question")]
    public object Ask() => _answerer.Ask("How many looked after children did Coventry have in February 2011?", SearchFilters.None);

    [Benchmark(Description = "ask: judgement question")]
    public object AskGrade() => _answerer.Ask("What grade did Stoke-on-Trent get for staying safe in 2007?", SearchFilters.None);

    [GlobalCleanup]
    public void Cleanup() => _index.Dispose();
}

/// <summary>
/// Indexing from text (the seeds, parsed, segmented and indexed eight times over under new ids,
/// one commit, as a bulk load would) and from PDF (the 45 published reports: read, segment,
/// index, commit).
/// </summary>
public class IndexingBenchmarks
{
    public const int TextRounds = 8;
    public static int TextParagraphs { get; private set; }
    public static int PdfParagraphs { get; private set; }

    private List<SourceText> _texts = [];
    private string _folder = "";

    [GlobalSetup]
    public void ReadTexts() => _texts = Bench.ReadTexts(Environment.GetEnvironmentVariable("BENCH_SEEDS")!);

    [IterationSetup]
    public void NewFolder() => _folder = Directory.CreateTempSubdirectory("bench-bdn-index-").FullName;

    [IterationCleanup]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Description = "index text: the seeds × 8")]
    public int Text()
    {
        int round = 0;
        return TextParagraphs = Bench.IndexTexts(_texts, _folder, until: () => round++ == TextRounds);
    }

    [Benchmark(Description = "index PDF: the 45 published reports")]
    public int Pdfs() => PdfParagraphs = IndexBuilder.Build([Environment.GetEnvironmentVariable("BENCH_PDFS")!], _folder).Paragraphs;
}
