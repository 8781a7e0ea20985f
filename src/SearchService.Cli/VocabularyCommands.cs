using System.CommandLine;
using SearchService.Search.Searching;

namespace SearchService.Cli;

/// <summary><c>vocabulary</c>: the groups of terms searches are expanded with, and where each comes from.</summary>
internal static class VocabularyCommands
{
    public static Command Vocabulary()
    {
        var term = new Argument<string?>("TERM") { Description = "a word or phrase as typed (\"IROs\", \"section 20\"): show only its group", Arity = ArgumentArity.ZeroOrOne };
        var file = new Option<FileInfo>("--file")
        {
            Description = "the vocabulary file (default: config/vocabulary.txt)",
            DefaultValueFactory = _ => new FileInfo(ProjectPaths.VocabularyFile),
            HelpName = "FILE",
        };
        var command = new Command("vocabulary", "List the vocabulary (acronyms, statutory terms, the sector's other words) searches are expanded with, with sources") { term, file };
        command.SetAction(r =>
        {
            var vocabulary = Shared.Vocabulary(r.GetValue(file)!);
            var typed = r.GetValue(term)?.Trim();
            IReadOnlyList<VocabularyGroup> groups = string.IsNullOrEmpty(typed) ? vocabulary.Groups
                : vocabulary.Find(typed) is { } g ? [g] : [];
            if (!string.IsNullOrEmpty(typed) && groups.Count == 0)
                throw new CliException($"'{typed}' is in no group of {r.GetValue(file)!.FullName}.", ExitCodes.BadInput);
            foreach (var group in groups)
                Console.WriteLine($"{group.Name}\t{string.Join(", ", group.Terms)}\t{group.Source}\tline {group.Line}");
            if (string.IsNullOrEmpty(typed)) Console.Error.WriteLine($"{groups.Count} groups, {groups.Sum(x => x.Terms.Count)} terms");
            return ExitCodes.Ok;
        });
        return command;
    }
}
