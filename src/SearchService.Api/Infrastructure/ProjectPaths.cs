namespace SearchService;

/// <summary>
/// Where the repository's folders are: <c>seeds/</c> and <c>index/</c> at the repository root, found
/// by walking up from the working directory (and from the program's own folder) to
/// <c>SearchService.sln</c>. Used by the host, the CLI, the tests and the benchmarks, each of which
/// compiles this file in; the libraries know no default paths and take every path as an argument.
/// </summary>
public static class ProjectPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");
    public static string Index => Path.Combine(Root, "index");
    public static string VocabularyFile => Path.Combine(Root, "config", "vocabulary.txt");

    /// <summary>The published reports beside the repository (../shared/corpus/ilacs), or the folder in SEARCHSERVICE_CORPUS.</summary>
    public static string SharedCorpus => Environment.GetEnvironmentVariable("SEARCHSERVICE_CORPUS")
        ?? Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus", "ilacs"));

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "SearchService.sln"))) return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}
