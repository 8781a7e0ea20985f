using System.CommandLine;
using System.Text;
using System.Text.Json;
using SearchService.Core.Model;
using SearchService.Core.Quality;
using SearchService.Search.Indexing;

namespace SearchService.Cli;

/// <summary><c>quality</c>: the data-quality listing of an index — what needs a look, document by document.</summary>
internal static class QualityCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Quality()
    {
        var index = Shared.IndexOption();
        var format = new Option<string>("--format") { Description = "table (readable) or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("quality", "List every indexed document with something unresolved (authority, type, dates, judgements, a graded heading without an area) and every file not indexed, with the reason")
        {
            index, format,
        };
        command.SetAction(r =>
        {
            var folder = r.GetValue(index)!;
            using var served = Shared.OpenIndex(folder);
            var listing = Shared.Query(folder, () => QualityListings.Of(served));
            bool recorded = QualityListings.UnreadFiles(folder.FullName) is not null;
            Console.Write(r.GetValue(format) == "json" ? AsJson(listing, recorded) : AsTable(listing, recorded));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The same shape as GET /api/quality.</summary>
    internal static string AsJson(QualityListing listing, bool unreadFilesRecorded) => JsonSerializer.Serialize(new
    {
        listing.Documents,
        listing.DocumentsNeedingALook,
        listing.FilesNotIndexed,
        UnreadFilesRecorded = unreadFilesRecorded,
        listing.Counts,
        Entries = listing.Entries.Select(e => new { e.DocumentId, e.FileName, e.Title, e.Problems, e.Detail, e.Findings }),
    }, Json) + Environment.NewLine;

    /// <summary>One line for the totals, then a table: file, document id, problems, and what exactly (one line per finding).</summary>
    internal static string AsTable(QualityListing listing, bool unreadFilesRecorded)
    {
        var sb = new StringBuilder();
        sb.AppendLine(Summary(listing) + (unreadFilesRecorded ? "" : " (this index does not record the files its build did not index: rebuild it to list them)"));
        if (listing.Entries.Count == 0) return sb.ToString();
        var rows = listing.Entries.SelectMany(e => e.Findings.Select((f, i) => (
            File: i == 0 ? e.FileName : "",
            Document: i == 0 ? e.DocumentId ?? "(not indexed)" : "",
            Problem: QualityProblems.Name(f.Problem),
            f.Detail))).ToList();
        int file = Math.Max(4, rows.Max(r => r.File.Length)), doc = Math.Max(8, rows.Max(r => r.Document.Length)), problem = Math.Max(7, rows.Max(r => r.Problem.Length));
        sb.AppendLine();
        sb.AppendLine($"{"FILE".PadRight(file)}  {"DOCUMENT".PadRight(doc)}  {"PROBLEM".PadRight(problem)}  DETAIL");
        foreach (var r in rows) sb.AppendLine($"{r.File.PadRight(file)}  {r.Document.PadRight(doc)}  {r.Problem.PadRight(problem)}  {r.Detail}");
        return sb.ToString();
    }

    /// <summary>"3 of 290 documents need a look; 2 files not indexed" (what `index` prints at the end too).</summary>
    internal static string Summary(QualityListing listing)
    {
        var documents = listing.DocumentsNeedingALook == 0
            ? $"none of {listing.Documents} documents needs a look"
            : $"{listing.DocumentsNeedingALook} of {listing.Documents} documents need{(listing.DocumentsNeedingALook == 1 ? "s" : "")} a look";
        var kinds = listing.Counts.Count == 0 ? "" : $" ({string.Join(", ", listing.Counts.Select(c => $"{c.Key} {c.Value}"))})";
        var files = listing.FilesNotIndexed switch { 0 => "", 1 => "; 1 file not indexed", var n => $"; {n} files not indexed" };
        return documents + files + kinds;
    }
}
