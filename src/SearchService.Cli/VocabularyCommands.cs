using System.CommandLine;
using SearchService.Core;
using SearchService.Search.Indexing;
using SearchService.Search.Searching;

namespace SearchService.Cli;

/// <summary><c>vocabulary</c>: the groups of terms searches are expanded with, and where each comes from; and the acronyms the indexed documents define.</summary>
internal static class VocabularyCommands
{
    public static Command Vocabulary()
    {
        var term = new Argument<string?>("TERM") { Description = "a word or phrase as typed (\"IROs\", \"section 20\"): show only its group and learned definitions", Arity = ArgumentArity.ZeroOrOne };
        var file = new Option<FileInfo>("--file")
        {
            Description = "the vocabulary file (default: config/vocabulary.txt)",
            DefaultValueFactory = _ => new FileInfo(ProjectPaths.VocabularyFile),
            HelpName = "FILE",
        };
        var index = Shared.IndexOption();
        index.Description = "the index whose learned acronyms to list too (default: index/ at the repository root; none there: the curated groups only)";
        var command = new Command("vocabulary", "List the vocabulary (acronyms, statutory terms, the sector's other words) searches are expanded with, with sources, and the acronyms the indexed documents define") { term, file, index };
        command.SetAction(r =>
        {
            var vocabulary = Shared.Vocabulary(r.GetValue(file)!);
            var typed = r.GetValue(term)?.Trim();
            IReadOnlyList<VocabularyGroup> groups = string.IsNullOrEmpty(typed) ? vocabulary.Groups
                : vocabulary.Find(typed) is { } g ? [g] : [];
            var learned = Learned(r.GetValue(index)!);
            IReadOnlyList<LearnedAcronym> definitions = string.IsNullOrEmpty(typed) ? learned.Entries
                : learned.Matching(typed).Select(x => x.Definition).Distinct().ToList();
            if (!string.IsNullOrEmpty(typed) && groups.Count == 0 && definitions.Count == 0)
                throw new CliException($"'{typed}' is in no group of {r.GetValue(file)!.FullName} and no learned definition.", ExitCodes.BadInput);
            foreach (var group in groups)
                Console.WriteLine($"{group.Name}\t{string.Join(", ", group.Terms)}\t{group.Source}\tline {group.Line}");
            foreach (var d in definitions)
            {
                var overridden = vocabulary.Holding(d.Acronym) is { } curated ? $"; not used: the curated group on line {curated.Line} wins" : "";
                var scope = d.Global ? "global" : $"only in {d.Authorities[0]}'s paragraphs";
                Console.WriteLine($"{d.Acronym}\t{d.Acronym}, {d.FullForm}\t{d.SourceCitation}\tlearned: {d.Count} paragraphs, {string.Join("; ", d.Authorities)} ({scope}){overridden}");
            }
            if (string.IsNullOrEmpty(typed)) Console.Error.WriteLine($"{groups.Count} groups, {groups.Sum(x => x.Terms.Count)} terms; {definitions.Count} learned definitions ({definitions.Count(d => d.Global)} global)");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The learned acronyms of the index, when there is a usable one (listing never needs one).</summary>
    private static LearnedVocabulary Learned(DirectoryInfo folder)
    {
        if (!ReportIndex.Exists(folder.FullName)) return LearnedVocabulary.Empty;
        var health = IndexHealth.Check(folder.FullName);
        if (!health.Ok) throw Shared.Damaged(folder.FullName, health);
        using var opened = ReportIndex.Open(folder.FullName);
        return opened.Learned;
    }
}
