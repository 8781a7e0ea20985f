using System.CommandLine;
using System.Text.Json;
using SearchService.Core;
using SearchService.Core.Briefings;
using SearchService.Core.Spreadsheets;
using SearchService.Search.Briefings;
using SearchService.Search.Searching;
using SearchService.Search.Spreadsheets;

namespace SearchService.Cli;

/// <summary><c>export</c>, <c>cite</c> and <c>briefing</c>: what leaves the index as files and citations.</summary>
internal static class OutputCommands
{
    private const string DefaultBaseUrl = "http://localhost:5080";

    private static Option<string> BaseUrlOption() => new("--base-url") { Description = "the site the links point to", DefaultValueFactory = _ => DefaultBaseUrl, HelpName = "URL" };

    private static Option<FileInfo?> OutOption(string description) => new("--out") { Description = description, HelpName = "FILE" };

    public static Command Export()
    {
        var query = new Argument<string[]>("QUERY") { Description = "what to search for, as with search (none: every paragraph)", Arity = ArgumentArity.ZeroOrMore };
        var format = new Option<string>("--format") { Description = "csv or xlsx (a spreadsheet of the matches), jsonl (one paragraph per line)", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", SpreadsheetFormats.Csv, SpreadsheetFormats.Xlsx);
        var index = Shared.IndexOption();
        var output = OutOption("write to FILE instead of standard output (needed for xlsx)");
        var maxRows = new Option<int?>("--max-rows") { Description = "write at most N rows; a spreadsheet says when the limit was reached", HelpName = "N" };
        maxRows.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1) r.AddError("--max-rows must be at least 1."); });
        var sort = FilterOptions.SortOption();
        var baseUrl = BaseUrlOption();
        var filters = new FilterOptions();
        var command = new Command("export", "Write the paragraphs a search matches (every paragraph without a query) as CSV, XLSX or JSON lines, with the filters of search")
            { query, format, index, output, maxRows, sort, baseUrl };
        Shared.RejectUnknownOptions(query, command);
        filters.AddTo(command);
        command.SetAction(r =>
        {
            var outFile = r.GetValue(output);
            Shared.CheckOutput(outFile);
            var kind = r.GetValue(format)!;
            if (outFile is null && kind == SpreadsheetFormats.Xlsx) throw new CliException("--format xlsx needs --out FILE.xlsx", ExitCodes.Usage);
            var text = string.Join(" ", r.GetValue(query) ?? []);
            var request = new SearchRequest { Query = text, Filters = filters.Read(r), Sort = FilterOptions.ReadSort(r.GetValue(sort)) };
            int limit = r.GetValue(maxRows) ?? int.MaxValue;
            var folder = r.GetValue(index)!;
            using var reportIndex = Shared.OpenIndex(folder);
            using var matched = Shared.Query(folder, () => reportIndex.Matching(request, limit));
            using (var stream = outFile is null ? Console.OpenStandardOutput() : File.Create(outFile.FullName))
            {
                if (kind == "jsonl")
                {
                    using var writer = new StreamWriter(stream);
                    var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
                    foreach (var p in matched.Rows) writer.WriteLine(JsonSerializer.Serialize(p, json));
                }
                else
                {
                    var about = ExportTables.Describe(text, request.Filters, request.Sort);
                    var sheet = ExportTables.Search(matched, r.GetValue(baseUrl)!.TrimEnd('/'), about, limit, "--max-rows") with { Created = TimeProvider.System.GetUtcNow() };
                    SpreadsheetWriter.Write(sheet, kind, stream);
                }
            }
            if (outFile is not null) Console.Error.WriteLine($"exported {matched.Count} of {matched.Total} paragraphs to {outFile.FullName}");
            if (matched.Truncated) Console.Error.WriteLine($"note: --max-rows {limit} reached; the file says so");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Cite()
    {
        var id = new Argument<string>("ID") { Description = "a paragraph id, e.g. coventry-2011-05-12-slac-inspection~86" };
        var style = new Option<string>("--style") { Description = "plain, markdown, harvard or oscola", DefaultValueFactory = _ => "plain" };
        style.AcceptOnlyFromAmong([.. Citations.Styles]);
        var baseUrl = BaseUrlOption();
        var index = Shared.IndexOption();
        var command = new Command("cite", "Print a ready citation of a paragraph") { id, style, baseUrl, index };
        command.SetAction(r =>
        {
            var folder = r.GetValue(index)!;
            using var reportIndex = Shared.OpenIndex(folder);
            var paragraphId = r.GetValue(id)!;
            var p = Shared.Query(folder, () => reportIndex.GetParagraph(paragraphId))
                ?? throw new CliException($"no paragraph has the id '{paragraphId}'", ExitCodes.BadInput);
            var d = p.Document;
            var url = $"{r.GetValue(baseUrl)!.TrimEnd('/')}/p/{Uri.EscapeDataString(p.Id)}";
            Console.WriteLine(Citations.Format(d.ToModel(), p.Label, r.GetValue(style)!, url));
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Briefing()
    {
        var ids = new Argument<string[]>("ID") { Description = "paragraph ids, in the order they are quoted", Arity = ArgumentArity.OneOrMore };
        var title = new Option<string>("--title") { Description = "the briefing's title", DefaultValueFactory = _ => "Briefing" };
        var output = OutOption("the file to write (.md, .html or .docx)");
        output.Required = true;
        var format = new Option<string?>("--format") { Description = "markdown, html or docx (default: from the --out file name)" };
        format.AcceptOnlyFromAmong([.. BriefingFormats.All]);
        var notes = new Option<string[]>("--note") { Description = "a note before a quote, as ID=TEXT (repeatable)", HelpName = "ID=TEXT" };
        var baseUrl = BaseUrlOption();
        var index = Shared.IndexOption();
        var command = new Command("briefing", "Write chosen paragraphs as a briefing with footnoted quotes") { ids, title, output, format, notes, baseUrl, index };
        Shared.RejectUnknownOptions(ids, command);
        command.SetAction(r =>
        {
            var outFile = r.GetValue(output)!;
            Shared.CheckOutput(outFile);
            var kind = r.GetValue(format) ?? BriefingFormats.FromFileName(outFile.Name)
                ?? throw new CliException($"cannot tell the format of '{outFile.Name}': use --format markdown|html|docx", ExitCodes.Usage);
            var chosen = r.GetValue(ids)!;
            if (chosen.Length > BriefingAssembler.MaxItems) throw new CliException($"a briefing holds at most {BriefingAssembler.MaxItems} paragraphs", ExitCodes.Usage);
            var noteById = Notes(r.GetValue(notes) ?? [], chosen);
            var folder = r.GetValue(index)!;
            using var reportIndex = Shared.OpenIndex(folder);
            var site = r.GetValue(baseUrl)!.TrimEnd('/');
            var (briefing, unknown) = Shared.Query(folder, () => BriefingAssembler.Assemble(reportIndex, r.GetValue(title)!,
                chosen.Select(id => new BriefingRequestItem(id, noteById.GetValueOrDefault(id))).ToList(),
                id => $"{site}/p/{Uri.EscapeDataString(id)}", id => $"{site}/d/{Uri.EscapeDataString(id)}"));
            if (briefing is null) throw new CliException($"unknown paragraph ids: {string.Join(", ", unknown)}", ExitCodes.BadInput);
            File.WriteAllBytes(outFile.FullName, BriefingWriter.Write(briefing, kind));
            Console.WriteLine($"wrote {outFile.FullName}: {briefing.Items.Count} quotes from {briefing.Sources.Count} documents");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>"ID=TEXT" notes, each for one of the chosen ids.</summary>
    private static Dictionary<string, string> Notes(string[] notes, string[] ids)
    {
        var byId = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var note in notes)
        {
            int eq = note.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new CliException($"--note must be ID=TEXT, not '{note}'", ExitCodes.Usage);
            var id = note[..eq];
            if (!ids.Contains(id)) throw new CliException($"--note names '{id}', which is not one of the paragraphs in the briefing", ExitCodes.Usage);
            byId[id] = note[(eq + 1)..];
        }
        return byId;
    }
}
