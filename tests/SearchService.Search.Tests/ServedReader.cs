using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Search.Indexing;
using SearchService.Search.Searching;

namespace SearchService.Search.Tests;

/// <summary>An index's served generation opened as the service opens it: what is remembered per reader, and a searcher scoring as ours does.</summary>
internal sealed class ServedReader : IDisposable
{
    private readonly Lucene.Net.Store.Directory _directory;

    public ServedReader(string folder)
    {
        _directory = Lucene.Net.Store.FSDirectory.Open(IndexGenerations.ServedPath(folder));
        Reader = DirectoryReader.Open(_directory);
        Statistics = new ReaderStatistics(Reader);
        Searcher = new IndexSearcher(Reader) { Similarity = new ReportSimilarity() };
    }

    public DirectoryReader Reader { get; }
    public ReaderStatistics Statistics { get; }
    public IndexSearcher Searcher { get; }

    public void Dispose()
    {
        Reader.Dispose();
        _directory.Dispose();
    }
}
