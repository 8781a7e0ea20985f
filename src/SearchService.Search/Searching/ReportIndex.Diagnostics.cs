using SearchService.Search.Indexing;

namespace SearchService.Search.Searching;

public sealed partial class ReportIndex
{
    /// <summary>The Lucene query a request runs (nothing dropped), as Lucene prints it: for the benchmark's profile.</summary>
    internal string QueryAsRun(SearchRequest request) => PlanOnly(request).ToString(IndexSchema.Text);

    /// <summary>Matches the served reader holds for synonym groups and frequent words (<see cref="RememberedScores"/>): for the benchmark's profile.</summary>
    internal long RememberedMatches
    {
        get
        {
            var searcher = (CatalogSearcher)_manager.Acquire();
            try { return searcher.Statistics.Scores.Held; }
            finally { _manager.Release(searcher); }
        }
    }

    /// <summary>Forgets what the served reader remembers of synonym groups and frequent words: for the benchmark's profile (a reader's first search).</summary>
    internal void ForgetRemembered()
    {
        var searcher = (CatalogSearcher)_manager.Acquire();
        try { searcher.Statistics.Scores.Clear(); }
        finally { _manager.Release(searcher); }
    }

    /// <summary>The query a request runs, planned and built (nothing dropped) but not run: what planning costs.</summary>
    internal Lucene.Net.Search.Query PlanOnly(SearchRequest request)
    {
        var searcher = (CatalogSearcher)_manager.Acquire();
        try
        {
            return PlanFor(request, searcher).At(NothingDropped).Scored;
        }
        finally
        {
            _manager.Release(searcher);
        }
    }
}
