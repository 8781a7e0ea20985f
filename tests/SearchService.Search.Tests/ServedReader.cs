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

/// <summary>Every match a scorer hands over, with its score, in the order collected.</summary>
internal sealed class ScoresCollector : ICollector
{
    private Scorer? _scorer;
    public List<(int Doc, float Score)> Scored { get; } = [];
    public void SetScorer(Scorer scorer) => _scorer = scorer;
    public void Collect(int doc) => Scored.Add((doc, _scorer!.GetScore()));
    public void SetNextReader(AtomicReaderContext context) { }
    public bool AcceptsDocsOutOfOrder => false;
}

/// <summary>Accepts every other document (as a deletion or a filter's bits would, to test that they are honoured).</summary>
internal sealed class EvenDocs(int length) : Lucene.Net.Util.IBits
{
    public int Length => length;
    public bool Get(int index) => index % 2 == 0;
}
