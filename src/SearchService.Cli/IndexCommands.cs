using System.CommandLine;
using SearchService.Core;
using SearchService.Core.Reading;
using SearchService.Search.Indexing;
using Spectre.Console;

namespace SearchService.Cli;

/// <summary><c>index</c>, <c>index rollback</c> and <c>index status</c>.</summary>
internal static class IndexCommands
{
    public static Command Index()
    {
        var paths = new Argument<string[]>("PATH") { Description = "files and folders to index (.txt, .md, .pdf; folders recursively); default seeds/", Arity = ArgumentArity.ZeroOrMore };
        var index = Shared.IndexOption();
        var force = new Option<bool>("--force") { Description = "build even with missing paths, no documents, or far fewer documents than the served index" };
        var limits = new LimitOptions();
        var command = new Command("index", "Build a new index generation from files and folders, check it, and serve it (the previous one is kept for rollback)")
        {
            paths, index, force,
        };
        limits.AddTo(command);
        Shared.RejectUnknownOptions(paths, command);
        command.Subcommands.Add(Rollback());
        command.Subcommands.Add(Status());
        command.SetAction(r => Build(r.GetValue(paths) is { Length: > 0 } p ? p : [ProjectPaths.Seeds], r.GetValue(index)!, r.GetValue(force), limits.Read(r)));
        return command;
    }

    private static int Build(IReadOnlyList<string> paths, DirectoryInfo indexDir, bool force, (ReadLimits Limits, double Ratio) settings)
    {
        var readers = DocumentReaders.Default.With(settings.Limits);
        var options = new BuildOptions { Force = force, MinDocumentRatio = settings.Ratio, BuiltBy = "command line" };
        var dir = indexDir.FullName;
        bool interactive = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        IndexSummary summary;
        if (interactive)
        {
            summary = null!;
            AnsiConsole.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("indexing", maxValue: 1);
                    summary = IndexBuilder.Build(paths, dir, f => { AnsiConsole.MarkupLine(Markup.Escape(Describe(f))); task.Increment(1); },
                        readers, n => task.MaxValue = Math.Max(1, n), options);
                });
        }
        else
        {
            summary = IndexBuilder.Build(paths, dir, f => Console.WriteLine(Describe(f)), readers, options: options);
        }
        Console.WriteLine($"indexed {summary.Indexed}, skipped {summary.Skipped}, failed {summary.Failed} of {summary.Files} files: " +
                          $"{summary.Documents} documents, {summary.Paragraphs} paragraphs in {summary.Elapsed.TotalSeconds:0.0} s → {dir} (generation {summary.Generation}" +
                          (summary.PreviousGeneration is null ? ")" : $"; {summary.PreviousGeneration} kept for `index rollback`)"));
        Console.WriteLine($"data quality: {QualityCommands.Summary(summary.Quality)}" +
                          (summary.Quality.Entries.Count == 0 ? "" : $": `searchservice quality --index {dir}` lists them"));
        return summary.Failed > 0 ? ExitCodes.BadInput : ExitCodes.Ok;
    }

    /// <summary>One line per file: "ok" lines per document (what the crash test waits for), or why the file was skipped or failed.</summary>
    private static string Describe(FileOutcome f)
    {
        var name = Path.GetRelativePath(Directory.GetCurrentDirectory(), f.Path);
        if (f.Error is not null) return $"{(f.Skipped ? "skipped" : "FAILED ")} {name}: {f.Error}";
        return string.Join("\n", f.Documents.Select(d =>
            $"ok      {name}: {d.DocumentType} | {d.Authority} | {d.Date:yyyy-MM-dd} | {d.Sections.Count} sections | {d.Paragraphs.Count} paragraphs"));
    }

    private static Command Rollback() =>
        IndexFolderCommand("rollback", "Serve the previous index generation again (a running server switches within two seconds)", dir =>
        {
            var from = IndexGenerations.Current(dir);
            var health = IndexBuilder.Rollback(dir, new BuildOptions { BuiltBy = "command line" });
            Console.WriteLine($"rolled back from generation {from} to {health.Generation}: {health.Documents} documents, {health.Paragraphs} paragraphs → {dir}");
            return ExitCodes.Ok;
        });

    private static Command Status() =>
        IndexFolderCommand("status", "Show the index generations and check the served one", dir =>
        {
            var current = IndexGenerations.Current(dir);
            foreach (var g in IndexGenerations.Complete(dir))
            {
                var m = IndexGenerations.Manifest(dir, g);
                Console.WriteLine($"{(g == current ? "*" : " ")} {g}  {m?.Created:yyyy-MM-dd HH:mm}  {m?.Documents} documents, {m?.Paragraphs} paragraphs, by {m?.BuiltBy}{(m?.Forced == true ? " (forced)" : "")}");
            }
            var health = IndexHealth.Check(dir);
            if (!health.Ok)
            {
                if (!ReportIndex(dir)) throw new CliException($"no index in '{dir}': build one with `searchservice index PATH… --index {dir}`.", ExitCodes.IndexProblem);
                throw Shared.Damaged(dir, health);
            }
            Console.WriteLine($"served: generation {health.Generation ?? "(single index)"}, {health.Documents} documents, {health.Paragraphs} paragraphs: opens and searches");
            return ExitCodes.Ok;
        });

    /// <summary>A command whose only option is --index, acting on the index folder (its generations) rather than on an opened index.</summary>
    private static Command IndexFolderCommand(string name, string description, Func<string, int> action)
    {
        var index = Shared.IndexOption();
        var command = new Command(name, description) { index };
        command.SetAction(r => action(r.GetValue(index)!.FullName));
        return command;
    }

    private static bool ReportIndex(string dir) => Search.Searching.ReportIndex.Exists(dir);
}

/// <summary>The per-file limits and the shrink guard as options of <c>index</c>, with the library's defaults.</summary>
internal sealed class LimitOptions
{
    private readonly Option<int> _maxPdfMb = new("--max-pdf-mb") { Description = "largest PDF read, in MB", DefaultValueFactory = _ => (int)(ReadLimits.Default.MaxPdfBytes / (1024 * 1024)) };
    private readonly Option<int> _maxTextMb = new("--max-text-mb") { Description = "largest text or Markdown file read, in MB", DefaultValueFactory = _ => (int)(ReadLimits.Default.MaxTextBytes / (1024 * 1024)) };
    private readonly Option<int> _maxPages = new("--max-pages") { Description = "most pages a PDF may have", DefaultValueFactory = _ => ReadLimits.Default.MaxPages };
    private readonly Option<int> _maxSeconds = new("--max-seconds-per-file") { Description = "longest time one file may take to read", DefaultValueFactory = _ => (int)ReadLimits.Default.MaxReadTime.TotalSeconds };
    private readonly Option<int> _maxParagraphs = new("--max-paragraphs") { Description = "most paragraphs in one document", DefaultValueFactory = _ => ReadLimits.Default.MaxParagraphsPerDocument };
    private readonly Option<int> _maxParagraphChars = new("--max-paragraph-chars") { Description = "longest paragraph; longer runs are split at sentence ends", DefaultValueFactory = _ => ReadLimits.Default.MaxParagraphChars };
    private readonly Option<double> _minRatio = new("--min-document-ratio") { Description = "refuse a build with fewer than this share of the served documents (0–1)", DefaultValueFactory = _ => BuildOptions.Default.MinDocumentRatio };

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { _maxPdfMb, _maxTextMb, _maxPages, _maxSeconds, _maxParagraphs, _maxParagraphChars, _minRatio }) command.Options.Add(o);
        foreach (var o in new[] { _maxPdfMb, _maxTextMb, _maxPages, _maxSeconds, _maxParagraphs, _maxParagraphChars })
            o.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError($"{o.Name} must be 1 or more."); });
        _minRatio.Validators.Add(r => { if (r.GetValueOrDefault<double>() is < 0 or > 1) r.AddError("--min-document-ratio must be between 0 and 1."); });
    }

    public (ReadLimits Limits, double Ratio) Read(ParseResult r) => (new ReadLimits
    {
        MaxPdfBytes = r.GetValue(_maxPdfMb) * 1024L * 1024,
        MaxTextBytes = r.GetValue(_maxTextMb) * 1024L * 1024,
        MaxPages = r.GetValue(_maxPages),
        MaxReadTime = TimeSpan.FromSeconds(r.GetValue(_maxSeconds)),
        MaxParagraphsPerDocument = r.GetValue(_maxParagraphs),
        MaxParagraphChars = r.GetValue(_maxParagraphChars),
    }, r.GetValue(_minRatio));
}
