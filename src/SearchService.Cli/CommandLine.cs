using System.Text.Json;
using SearchService.Core;
using SearchService.Core.Briefings;
using SearchService.Core.Reading;
using SearchService.Core.Spreadsheets;
using SearchService.Search;
using SearchService.Search.Answering;
using SearchService.Search.Briefings;
using SearchService.Search.Indexing;
using SearchService.Search.Searching;
using SearchService.Search.Spreadsheets;
using Spectre.Console;

namespace SearchService.Cli;

/// <summary>The command line: a thin layer over the engine. Exit codes: 0 ok, 1 some file or request failed, 2 usage error.</summary>
public static class CommandLine
{
    private const string Usage = """
        searchservice — search Ofsted reports and council papers about children's services

        Commands:
          index [PATH…] [--index DIR]           index files and folders (default seeds/) into DIR (default index/)
          search "QUERY" [--index DIR] [--authority A] [--year Y] [--outcome-area X] [--grade G] [--type T] [--page-size N]
                 [--region R] [--authority-type T] [--framework F] [--neighbours-of A] [--latest] [--year-from Y] [--year-to Y] [--sort relevance|date|oldest]
          outline FILE [--paragraphs]           show the documents, sections and paragraphs the indexer reads from FILE
          text FILE                             show the text a reader extracts from FILE (PDF pages re-flowed)
          export ["QUERY"] --format csv|xlsx|jsonl [--out FILE] [--max-rows N] [the filters of search]
                                                write the paragraphs a search matches (every paragraph without a query)
          ask "QUESTION" [--index DIR]         answer with a verbatim quote, its confidence and citation
          cite ID [--style plain|markdown|harvard|oscola] [--base-url URL]
          briefing --title TITLE --out FILE.md|.html|.docx [--format F] [--base-url URL] ID…
        """;

    public static Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.WriteLine(Usage);
            return Task.FromResult(args.Length == 0 ? 2 : 0);
        }
        try
        {
            var options = Options.Parse(args.Skip(1).ToArray());
            return Task.FromResult(args[0] switch
            {
                "index" => Index(options),
                "search" => Search(options),
                "outline" => Outline(options),
                "text" => Text(options),
                "export" => Export(options),
                "cite" => Cite(options),
                "ask" => AskCommand(options),
                "briefing" => BriefingCommand(options),
                _ => Fail($"unknown command '{args[0]}'.\n\n{Usage}", 2),
            });
        }
        catch (UsageException e)
        {
            return Task.FromResult(Fail(e.Message, 2));
        }
    }

    private static int Fail(string message, int code)
    {
        Console.Error.WriteLine($"error: {message}");
        return code;
    }

    // ---- index -------------------------------------------------------------------------------

    private static int Index(Options o)
    {
        var paths = o.Positional.Count > 0 ? o.Positional : [ProjectPaths.Seeds];
        var indexDir = o.Get("index") ?? ProjectPaths.Index;
        bool interactive = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        IndexSummary summary;
        if (interactive)
        {
            summary = null!;
            AnsiConsole.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("indexing", maxValue: 1);
                    summary = IndexBuilder.Build(paths, indexDir,
                        onFile: f => { AnsiConsole.MarkupLine(Markup.Escape(Describe(f))); task.Increment(1); },
                        onTotal: n => task.MaxValue = Math.Max(1, n));
                });
        }
        else
        {
            summary = IndexBuilder.Build(paths, indexDir, onFile: f => Console.WriteLine(Describe(f)));
        }
        Console.WriteLine($"indexed {summary.Indexed}, skipped {summary.Skipped}, failed {summary.Failed} of {summary.Files} files: " +
                          $"{summary.Documents} documents, {summary.Paragraphs} paragraphs in {summary.Elapsed.TotalSeconds:0.0} s → {indexDir}");
        return summary.Failed > 0 ? 1 : 0;
    }

    private static string Describe(FileOutcome f)
    {
        var name = Path.GetRelativePath(Directory.GetCurrentDirectory(), f.Path);
        if (f.Error is not null) return $"{(f.Skipped ? "skipped" : "FAILED ")} {name}: {f.Error}";
        return string.Join("\n", f.Documents.Select(d =>
            $"ok      {name}: {d.DocumentType} | {d.Authority} | {d.Date:yyyy-MM-dd} | {d.Sections.Count} sections | {d.Paragraphs.Count} paragraphs"));
    }

    // ---- search ------------------------------------------------------------------------------

    private static int Search(Options o)
    {
        if (o.Positional.Count == 0) throw new UsageException("search needs a query, e.g. search \"placement stability\"");
        using var index = OpenIndex(o);
        var request = new SearchRequest
        {
            Query = string.Join(" ", o.Positional),
            PageSize = o.GetInt("page-size") ?? 10,
            Filters = Filters(o),
            Sort = Sort(o),
        };
        try
        {
            var result = index.Search(request);
            if (result.Warning is not null) Console.WriteLine($"note: {result.Warning}");
            Console.WriteLine($"{result.Total} paragraphs match \"{result.Query}\" ({result.TookMs:0.0} ms)");
            int n = 0;
            foreach (var hit in result.Hits)
            {
                Console.WriteLine();
                Console.WriteLine($"{++n}. {hit.Paragraph.Citation}");
                Console.WriteLine($"   {string.Join(" › ", hit.Paragraph.SectionPath)}{(hit.Paragraph.Grade is { } g ? $"  [{g.Label}: {g.Raw}]" : "")}");
                Console.WriteLine($"   {System.Net.WebUtility.HtmlDecode(hit.Snippet.Replace("<mark>", "[").Replace("</mark>", "]"))}");
                Console.WriteLine($"   id: {hit.Paragraph.Id}");
            }
            return 0;
        }
        catch (Exception e) when (e is QuerySyntaxException or QueryLimitException)
        {
            return Fail(e.Message, 1);
        }
    }

    /// <summary>The filters search and export share.</summary>
    private static SearchFilters Filters(Options o) => new()
    {
        Authority = o.GetAll("authority"),
        Year = o.GetAll("year").Select(y => int.TryParse(y, out var v) ? v : throw new UsageException($"--year must be a number, not '{y}'")).ToList(),
        YearFrom = o.GetInt("year-from"),
        YearTo = o.GetInt("year-to"),
        OutcomeArea = o.GetAll("outcome-area"),
        Grade = o.GetAll("grade"),
        DocumentType = o.GetAll("type"),
        Region = o.GetAll("region"),
        AuthorityType = o.GetAll("authority-type"),
        Framework = o.GetAll("framework"),
        NeighboursOf = o.GetAll("neighbours-of").Select(a => Core.Metadata.Authorities.Find(a)?.Name ?? throw new UsageException($"--neighbours-of names no authority: '{a}'")).ToList(),
        Latest = o.Has("latest"),
    };

    private static SearchSort Sort(Options o) => o.Get("sort") switch
    {
        null or "relevance" => SearchSort.Relevance,
        "date" or "newest" => SearchSort.Date,
        "oldest" => SearchSort.Oldest,
        var s => throw new UsageException($"--sort must be relevance, date or oldest, not '{s}'"),
    };

    // ---- outline -----------------------------------------------------------------------------

    private static int Outline(Options o)
    {
        if (o.Positional.Count != 1) throw new UsageException("outline needs one file");
        var outcome = Corpus.Read(o.Positional[0], DocumentReaders.Default);
        if (outcome.Error is not null) return Fail($"{outcome.Path}: {outcome.Error}", 1);
        foreach (var d in outcome.Documents)
        {
            Console.WriteLine($"# {d.Title}");
            Console.WriteLine($"  id {d.Id} | {d.DocumentType} | {d.Publisher} | {d.Authority} | {d.Date:yyyy-MM-dd} | year {d.Year}" +
                              (d.InspectionStart is null ? "" : $" | inspected {d.InspectionStart:yyyy-MM-dd}..{d.InspectionEnd:yyyy-MM-dd}") +
                              (d.LeadInspector is null ? "" : $" | lead {d.LeadInspector}") + (d.PartOf is null ? "" : $" | part of {d.PartOf}"));
            foreach (var s in d.Sections)
                Console.WriteLine($"  § {string.Join(" › ", s.Path)}{(s.OutcomeArea is null ? "" : $"  <{s.OutcomeArea}>")}{(s.Grade is { } g ? $"  [{g.Label} ← {g.Raw}]" : "")}  ({s.ParagraphIds.Count})");
            if (o.Has("paragraphs"))
                foreach (var p in d.Paragraphs)
                    Console.WriteLine($"    [{p.Label}] {p.Kind} {Truncate(p.Text.Replace('\n', ' '), 110)}");
            foreach (var j in d.Judgements)
                Console.WriteLine($"  ⚖ {j.Area}: {j.Grade.Label} ({j.Grade.Raw}, {j.Grade.Scale}) from {j.Source} {j.ParagraphId}");
        }
        return 0;
    }

    private static int Text(Options o)
    {
        if (o.Positional.Count != 1) throw new UsageException("text needs one file");
        try
        {
            Console.Write(DocumentReaders.Default.Read(o.Positional[0]).Text);
            return 0;
        }
        catch (UnreadableSourceException e)
        {
            return Fail($"{e.Path}: {e.Reason}", 1);
        }
    }

    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..n] + "…";

    // ---- export ------------------------------------------------------------------------------

    private static int Export(Options o)
    {
        var format = o.Get("format") ?? "jsonl";
        if (format is not ("jsonl" or SpreadsheetFormats.Csv or SpreadsheetFormats.Xlsx)) throw new UsageException($"--format must be csv, xlsx or jsonl, not '{format}'");
        var outPath = o.Get("out");
        if (outPath is null && format == SpreadsheetFormats.Xlsx) throw new UsageException("--format xlsx needs --out FILE.xlsx");
        var query = string.Join(" ", o.Positional);
        var request = new SearchRequest { Query = query, Filters = Filters(o), Sort = Sort(o) };
        int limit = o.GetInt("max-rows") ?? int.MaxValue;
        using var index = OpenIndex(o);
        try
        {
            using var matched = index.Matching(request, limit);
            if (format == "jsonl")
            {
                using var writer = outPath is null ? Console.Out : new StreamWriter(outPath);
                var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
                foreach (var p in matched.Rows) writer.WriteLine(JsonSerializer.Serialize(p, json));
            }
            else
            {
                var sheet = ExportTables.Search(matched, (o.Get("base-url") ?? DefaultBaseUrl).TrimEnd('/'), ExportTables.Describe(query, request.Filters, request.Sort), limit, "--max-rows");
                using var stream = outPath is null ? Console.OpenStandardOutput() : File.Create(outPath);
                SpreadsheetWriter.Write(sheet, format, stream);
            }
            if (outPath is not null) Console.Error.WriteLine($"exported {matched.Count} of {matched.Total} paragraphs to {outPath}");
            if (matched.Truncated) Console.Error.WriteLine($"note: --max-rows {limit} reached; the file says so");
            return 0;
        }
        catch (Exception e) when (e is QuerySyntaxException or QueryLimitException)
        {
            return Fail(e.Message, 1);
        }
    }

    // ---- ask -----------------------------------------------------------------------------------

    private static int AskCommand(Options o)
    {
        if (o.Positional.Count == 0) throw new UsageException("ask needs a question, e.g. ask \"What grade did Stoke-on-Trent get for staying safe in 2007?\"");
        using var index = OpenIndex(o);
        try
        {
            var r = new QuestionAnswerer(index).Ask(string.Join(" ", o.Positional), SearchFilters.None);
            if (r.Answer is null)
            {
                Console.WriteLine($"No answer (confidence {r.Confidence:0.00}): {r.Reason}");
                foreach (var h in r.Passages.Take(3)) Console.WriteLine($"  closest: {h.Paragraph.Citation}");
                return 0;
            }
            Console.WriteLine($"Answer: {r.Answer.Text}{(r.Answer.Value is null || r.Answer.Value == r.Answer.Text ? "" : $" ({r.Answer.Value})")}");
            Console.WriteLine($"Confidence: {r.Confidence:0.00}");
            foreach (var c in r.Citations)
            {
                Console.WriteLine($"Quote: \"{c.Quote}\"");
                Console.WriteLine($"Citation: {c.CitationText}");
                Console.WriteLine($"Paragraph: {c.ParagraphId}");
            }
            return 0;
        }
        catch (Exception e) when (e is QuerySyntaxException or QueryLimitException)
        {
            return Fail(e.Message, 1);
        }
    }

    // ---- cite and briefing ---------------------------------------------------------------------

    private const string DefaultBaseUrl = "http://localhost:5080";

    private static int Cite(Options o)
    {
        if (o.Positional.Count != 1) throw new UsageException("cite needs one paragraph id");
        var style = (o.Get("style") ?? "plain").ToLowerInvariant();
        if (!Citations.Styles.Contains(style)) throw new UsageException($"--style must be one of {string.Join(", ", Citations.Styles)}");
        using var index = OpenIndex(o);
        var p = index.GetParagraph(o.Positional[0]);
        if (p is null) return Fail($"no paragraph has the id '{o.Positional[0]}'", 1);
        var d = index.GetDocument(p.DocumentId)!;
        var baseUrl = (o.Get("base-url") ?? DefaultBaseUrl).TrimEnd('/');
        Console.WriteLine(Citations.Format(d.ToModel(), p.Label, style, $"{baseUrl}/p/{Uri.EscapeDataString(p.Id)}"));
        return 0;
    }

    private static int BriefingCommand(Options o)
    {
        var outPath = o.Get("out") ?? throw new UsageException("briefing needs --out FILE (.md, .html or .docx)");
        var format = o.Get("format")?.ToLowerInvariant() ?? BriefingFormats.FromFileName(outPath)
            ?? throw new UsageException($"cannot tell the format of '{outPath}': use --format markdown|html|docx");
        if (!BriefingFormats.All.Contains(format)) throw new UsageException($"--format must be one of {string.Join(", ", BriefingFormats.All)}");
        if (o.Positional.Count == 0) throw new UsageException("briefing needs at least one paragraph id");
        if (o.Positional.Count > BriefingAssembler.MaxItems) throw new UsageException($"a briefing holds at most {BriefingAssembler.MaxItems} paragraphs");
        using var index = OpenIndex(o);
        var baseUrl = (o.Get("base-url") ?? DefaultBaseUrl).TrimEnd('/');
        var (briefing, unknown) = BriefingAssembler.Assemble(index, o.Get("title") ?? "Briefing",
            o.Positional.Select(id => new BriefingRequestItem(id, null)).ToList(),
            id => $"{baseUrl}/p/{Uri.EscapeDataString(id)}", id => $"{baseUrl}/d/{Uri.EscapeDataString(id)}");
        if (briefing is null) return Fail($"unknown paragraph ids: {string.Join(", ", unknown)}", 1);
        File.WriteAllBytes(outPath, BriefingWriter.Write(briefing, format));
        Console.WriteLine($"wrote {outPath}: {briefing.Items.Count} quotes from {briefing.Sources.Count} documents");
        return 0;
    }

    private static ReportIndex OpenIndex(Options o)
    {
        var dir = o.Get("index") ?? ProjectPaths.Index;
        if (!ReportIndex.Exists(dir)) throw new UsageException($"no index in '{dir}': run 'index' first");
        var synonyms = File.Exists(ProjectPaths.SynonymsFile) ? Synonyms.Load(ProjectPaths.SynonymsFile) : Synonyms.Empty;
        return ReportIndex.Open(dir, synonyms);
    }
}

internal sealed class UsageException(string message) : Exception(message);

/// <summary>Arguments: positional values and --name value options (repeatable), --flag for booleans.</summary>
internal sealed class Options
{
    private static readonly HashSet<string> Flags = ["paragraphs", "latest"];
    private readonly Dictionary<string, List<string>> _named = new(StringComparer.Ordinal);
    public List<string> Positional { get; } = [];

    public static Options Parse(string[] args)
    {
        var o = new Options();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].Length > 2)
            {
                var name = args[i][2..];
                string value;
                int eq = name.IndexOf('=');
                if (eq >= 0) { value = name[(eq + 1)..]; name = name[..eq]; }
                else if (Flags.Contains(name)) value = "true";
                else if (i + 1 < args.Length) value = args[++i];
                else throw new UsageException($"--{name} needs a value");
                if (!o._named.TryGetValue(name, out var list)) o._named[name] = list = [];
                list.Add(value);
            }
            else o.Positional.Add(args[i]);
        }
        return o;
    }

    public string? Get(string name) => _named.TryGetValue(name, out var v) ? v[^1] : null;
    public IReadOnlyList<string> GetAll(string name) => _named.TryGetValue(name, out var v) ? v : [];
    public bool Has(string name) => _named.ContainsKey(name);
    public int? GetInt(string name) => Get(name) is { } s ? (int.TryParse(s, out var n) ? n : throw new UsageException($"--{name} must be a number, not '{s}'")) : null;
}
