using SearchService.Core.Quality;
using SearchService.Search.Searching;

namespace SearchService.Search.Indexing;

/// <summary>The data-quality listing of a served index: its documents' findings (stored with each document) and the files its build did not index (from the generation's manifest).</summary>
public static class QualityListings
{
    public static QualityListing Of(ReportIndex index)
    {
        var documents = index.Documents.Select(d => (d.Id, d.SourceFile, d.Title, d.Findings));
        return QualityListing.Build(documents, UnreadFiles(index.Path) ?? []);
    }

    /// <summary>The files the served generation's build did not index; null when the index does not record them (an index built before they were recorded).</summary>
    public static IReadOnlyList<UnreadFile>? UnreadFiles(string indexFolder) =>
        IndexGenerations.Current(indexFolder) is { } generation ? IndexGenerations.Manifest(indexFolder, generation)?.Unread : null;
}
