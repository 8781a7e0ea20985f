using SearchService.Search.Indexing;

namespace SearchService.Search.Searching;

public sealed partial class ReportIndex
{
    /// <summary>The Lucene query a request runs (nothing dropped), as Lucene prints it: for the benchmark's profile.</summary>
    internal string QueryAsRun(SearchRequest request) => PlanOnly(request).ToString(IndexSchema.Text);

    /// <summary>Matches the served reader holds for synonym groups and frequent words (<see cref="RememberedScores"/>): for the benchmark's profile.</summary>
    internal long RememberedMatches => WithSearcher(s => s.Statistics.Scores.Held);

    /// <summary>Forgets what the served reader remembers of synonym groups and frequent words: for the benchmark's profile (a reader's first search).</summary>
    internal void ForgetRemembered() => WithSearcher(s =>
    {
        s.Statistics.Scores.Clear();
        return 0;
    });

    /// <summary>The query a request runs, planned and built (nothing dropped) but not run: what planning costs.</summary>
    internal Lucene.Net.Search.Query PlanOnly(SearchRequest request) => WithSearcher(s => PlanFor(request, s).At(NothingDropped).Scored);
}
