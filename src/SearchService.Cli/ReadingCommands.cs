using System.CommandLine;
using SearchService.Core;
using SearchService.Core.Reading;

namespace SearchService.Cli;

/// <summary><c>outline</c> and <c>text</c>: what the indexer reads from one file.</summary>
internal static class ReadingCommands
{
    public static Command Outline()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "a .txt, .md or .pdf file" };
        var paragraphs = new Option<bool>("--paragraphs") { Description = "list every paragraph too" };
        var command = new Command("outline", "Show the documents, sections, paragraphs and judgements the indexer reads from a file") { file, paragraphs };
        command.SetAction(r =>
        {
            var outcome = Corpus.Read(r.GetValue(file)!.FullName, DocumentReaders.Default);
            if (outcome.Error is not null) throw new CliException($"{outcome.Path}: {outcome.Error}", ExitCodes.BadInput);
            foreach (var d in outcome.Documents)
            {
                Console.WriteLine($"# {d.Title}");
                Console.WriteLine($"  id {d.Id} | {d.DocumentType} | {d.Publisher} | {d.Authority} | {d.Date:yyyy-MM-dd} | year {d.Year}" +
                                  (d.InspectionStart is null ? "" : $" | inspected {d.InspectionStart:yyyy-MM-dd}..{d.InspectionEnd:yyyy-MM-dd}") +
                                  (d.LeadInspector is null ? "" : $" | lead {d.LeadInspector}") + (d.PartOf is null ? "" : $" | part of {d.PartOf}"));
                foreach (var s in d.Sections)
                    Console.WriteLine($"  § {string.Join(" › ", s.Path)}{(s.OutcomeArea is null ? "" : $"  <{s.OutcomeArea}>")}{(s.Grade is { } g ? $"  [{g.Label} ← {g.Raw}]" : "")}  ({s.ParagraphIds.Count})");
                if (r.GetValue(paragraphs))
                    foreach (var p in d.Paragraphs)
                        Console.WriteLine($"    [{p.Label}] {p.Kind} {Truncate(p.Text.Replace('\n', ' '), 110)}");
                foreach (var j in d.Judgements)
                    Console.WriteLine($"  ⚖ {j.Area}: {j.Grade.Label} ({j.Grade.Raw}, {j.Grade.Scale}) from {j.Source} {j.ParagraphId}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Text()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "a .txt, .md or .pdf file" };
        var command = new Command("text", "Show the text a reader extracts from a file (PDF pages re-flowed)") { file };
        command.SetAction(r =>
        {
            try
            {
                Console.Write(DocumentReaders.Default.Read(r.GetValue(file)!.FullName).Text);
                return ExitCodes.Ok;
            }
            catch (UnreadableSourceException e)
            {
                throw new CliException($"{e.Path}: {e.Reason}", ExitCodes.BadInput);
            }
        });
        return command;
    }

    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..n] + "…";
}
