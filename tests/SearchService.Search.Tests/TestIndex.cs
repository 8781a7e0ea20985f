using SearchService.Search.Indexing;
using SearchService.Search.Searching;

namespace SearchService.Search.Tests;

/// <summary>An index of the seeds built once into a temporary folder, shared by the tests of a class.</summary>
public sealed class SeedIndexFixture : IDisposable
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "searchservice-tests-" + Guid.NewGuid().ToString("N"));
    public ReportIndex Index { get; }
    public IndexSummary Summary { get; }

    public SeedIndexFixture()
    {
        Summary = IndexBuilder.Build([ProjectPaths.Seeds], Folder);
        Index = ReportIndex.Open(Folder, Synonyms.Load(ProjectPaths.VocabularyFile));
    }

    public void Dispose()
    {
        Index.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
