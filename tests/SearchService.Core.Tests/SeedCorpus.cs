using SearchService.Core.Model;
using SearchService.Core.Reading;

namespace SearchService.Core.Tests;

/// <summary>The five seed documents, parsed once for all tests.</summary>
internal static class SeedCorpus
{
    public static string Folder { get; } = FindSeeds();

    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<ReportDocument>>> ByFile = new(() =>
        Directory.GetFiles(Folder).OrderBy(f => f, StringComparer.Ordinal).ToDictionary(
            f => Path.GetFileName(f),
            f => ReportParser.Parse(DocumentReaders.Default.Read(f)))!);

    public static IReadOnlyList<ReportDocument> File(string name) => ByFile.Value[name];

    public static IEnumerable<ReportDocument> All => ByFile.Value.Values.SelectMany(d => d);

    public static ReportDocument Document(string id) => All.Single(d => d.Id == id);

    private static string FindSeeds()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "SearchService.sln"))) return Path.Combine(dir.FullName, "seeds");
        throw new InvalidOperationException("repository root (SearchService.sln) not found above " + AppContext.BaseDirectory);
    }
}
