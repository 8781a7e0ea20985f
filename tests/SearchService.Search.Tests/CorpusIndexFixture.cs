using SearchService.Search.Indexing;
using SearchService.Search.Searching;

namespace SearchService.Search.Tests;

/// <summary>An index of the seeds and the published reports in ../shared/corpus/ilacs (however many it holds), built once into a temporary folder.</summary>
public sealed class CorpusIndexFixture : IDisposable
{
    public static string SharedCorpus => ProjectPaths.SharedCorpus;

    private readonly Lazy<IReadOnlyDictionary<string, string>> _foldedTexts;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "searchservice-corpus-" + Guid.NewGuid().ToString("N"));
    public ReportIndex Index { get; }
    public IndexSummary Summary { get; }

    public CorpusIndexFixture()
    {
        if (!Directory.Exists(SharedCorpus)) throw new InvalidOperationException($"The shared corpus is not at {SharedCorpus} (set SEARCHSERVICE_CORPUS).");
        Summary = IndexBuilder.Build([ProjectPaths.Seeds, SharedCorpus], Folder);
        Index = ReportIndex.Open(Folder, Synonyms.Load(ProjectPaths.VocabularyFile));
        _foldedTexts = new(() => Index.Documents.SelectMany(d => Index.GetParagraphs(d.ParagraphIds))
            .ToDictionary(p => p.Id, p => Evidence.Fold(p.Text), StringComparer.Ordinal));
    }

    /// <summary>Every indexed paragraph's text, folded as <see cref="Evidence.Fold"/> does, by id: for finding judged evidence.</summary>
    public IReadOnlyDictionary<string, string> FoldedTexts => _foldedTexts.Value;

    public void Dispose()
    {
        Index.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class CorpusCollection : ICollectionFixture<CorpusIndexFixture>
{
    public const string Name = "corpus";
}
