using System.CommandLine;
using SearchService.Core.Prose;
using SearchService.Search.Indexing;
using SearchService.Search.Searching;

namespace SearchService.Cli;

/// <summary>The documented exit codes; every command returns one of these, never a stack trace.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Bad input: a file could not be read, an id is unknown, a query is malformed or over a limit.</summary>
    public const int BadInput = 1;
    /// <summary>Usage: an unknown command or option, a missing or malformed argument, an --out folder that does not exist.</summary>
    public const int Usage = 2;
    /// <summary>The index: missing, damaged, or it could not be written (disk full, read-only).</summary>
    public const int IndexProblem = 3;
    /// <summary>A build or rollback was refused: another build holds the lock, sources are missing, too few documents, nothing to roll back to.</summary>
    public const int Refused = 4;
}

/// <summary>
/// The command line (System.CommandLine): a thin layer over the libraries. Every command has
/// --help; unknown options and arguments are errors with a suggestion; failures are one line on
/// stderr and an exit code from <see cref="ExitCodes"/>.
/// </summary>
public static class CommandLine
{
    public static int Run(string[] args)
    {
        var root = new RootCommand("searchservice — search Ofsted reports and council papers about children's services")
        {
            IndexCommands.Index(),
            QueryCommands.Search(),
            QueryCommands.Ask(),
            ReadingCommands.Outline(),
            ReadingCommands.Text(),
            OutputCommands.Export(),
            OutputCommands.Cite(),
            OutputCommands.Briefing(),
            VocabularyCommands.Vocabulary(),
            QualityCommands.Quality(),
        };
        root.Description += "\n\nExit codes: 0 ok, 1 bad input, 2 usage error, 3 index problem (missing, damaged, not writable), 4 build or rollback refused.";
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            parsed.Invoke(); // prints the errors, with "did you mean" suggestions, and the command's help
            return ExitCodes.Usage;
        }
        try
        {
            // Errors are ours to report (one line, our exit codes), not the library's stack trace.
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (CliException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return e.ExitCode;
        }
        catch (IndexBuildRefusedException e)
        {
            Console.Error.WriteLine($"refused: {e.Message}");
            return ExitCodes.Refused;
        }
        catch (IndexStorageException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.IndexProblem;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.IndexProblem;
        }
    }
}

/// <summary>A failure with its message and exit code.</summary>
public sealed class CliException(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

/// <summary>Options and checks shared by several commands.</summary>
internal static class Shared
{
    public static Option<DirectoryInfo> IndexOption() => new("--index")
    {
        Description = "the index folder (default: index/ at the repository root)",
        DefaultValueFactory = _ => new DirectoryInfo(ProjectPaths.Index),
        HelpName = "DIR",
    };

    /// <summary>Opens the served index, or says which index is missing or damaged and what to do, with exit code 3.</summary>
    public static ReportIndex OpenIndex(DirectoryInfo folder)
    {
        var dir = folder.FullName;
        if (!ReportIndex.Exists(dir))
            throw new CliException($"no index in '{dir}': build one with `searchservice index PATH… --index {dir}`.", ExitCodes.IndexProblem);
        var health = IndexHealth.Check(dir);
        if (!health.Ok) throw Damaged(dir, health);
        var vocabulary = File.Exists(ProjectPaths.VocabularyFile) ? Vocabulary(new FileInfo(ProjectPaths.VocabularyFile)) : Synonyms.Empty;
        return ReportIndex.Open(dir, vocabulary);
    }

    /// <summary>Reads a vocabulary file; a missing file or malformed line is bad input naming the file and line.</summary>
    public static Synonyms Vocabulary(FileInfo file)
    {
        try
        {
            return Synonyms.Load(file.FullName);
        }
        catch (VocabularyFormatException e)
        {
            throw new CliException(e.Message, ExitCodes.BadInput);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{file.FullName}: {e.Message}", ExitCodes.BadInput);
        }
    }

    public static CliException Damaged(string dir, IndexHealth health)
    {
        var which = health.Generation is null ? $"the index in '{dir}'" : $"generation {health.Generation} of the index in '{dir}'";
        var previous = IndexGenerations.Previous(dir);
        var remedy = previous is null
            ? $"rebuild it with `searchservice index PATH… --index {dir}`"
            : $"roll back to generation {previous} with `searchservice index rollback --index {dir}`, or rebuild it with `searchservice index PATH… --index {dir}`";
        return new CliException($"{which} is damaged: {health.Problem}. To recover, {remedy}.", ExitCodes.IndexProblem);
    }

    /// <summary>Runs a query against the index, turning query errors into bad input and read errors into a damaged-index message.</summary>
    public static T Query<T>(DirectoryInfo folder, Func<T> run)
    {
        try
        {
            return run();
        }
        catch (Exception e) when (e is QuerySyntaxException or QueryLimitException)
        {
            throw new CliException(e.Message, ExitCodes.BadInput);
        }
        catch (IOException e)
        {
            throw Damaged(folder.FullName, new IndexHealth(false, IndexGenerations.Current(folder.FullName), 0, 0, IndexHealth.Describe(e)));
        }
    }

    /// <summary>
    /// A free-text argument would take "--sorce" as a value; a token that starts with "--" is an
    /// unknown option instead, reported with the nearest option's name.
    /// </summary>
    public static void RejectUnknownOptions(Argument<string[]> argument, Command command)
    {
        argument.Validators.Add(r =>
        {
            foreach (var token in r.Tokens.Select(t => t.Value).Where(v => v.StartsWith("--", StringComparison.Ordinal) && v.Length > 2))
            {
                var name = token.Split('=')[0];
                var known = command.Options.Select(o => o.Name).Concat(command.Subcommands.Select(c => c.Name));
                var nearest = known.Select(k => (Name: k, Distance: EditDistance.Between(name, k))).MinBy(k => k.Distance);
                r.AddError($"Unrecognized option '{name}'.{(nearest.Name is not null && nearest.Distance <= 3 ? $" Did you mean '{nearest.Name}'?" : "")} See '{command.Name} --help'.");
            }
        });
    }

    /// <summary>An output file's folder must exist before any work starts.</summary>
    public static void CheckOutput(FileInfo? file)
    {
        if (file is null) return;
        if (file.Directory is { Exists: false } d)
            throw new CliException($"--out: the folder '{d.FullName}' does not exist; nothing was written.", ExitCodes.Usage);
        if (Directory.Exists(file.FullName))
            throw new CliException($"--out: '{file.FullName}' is a folder; give a file name.", ExitCodes.Usage);
    }
}
