namespace SearchService.Search.Tests;

/// <summary>nDCG@10 and recall@10 with binary relevance (the measures of the relevance sets).</summary>
public static class RankingMetrics
{
    /// <summary>Scores the first ten <paramref name="hits"/> against the relevant paragraph ids; recall is over at most ten relevant.</summary>
    public static (double Ndcg, double Recall) At10(IReadOnlyList<string> hits, IReadOnlySet<string> relevant)
    {
        double dcg = 0, ideal = 0;
        var top = hits.Take(10).ToList();
        for (int i = 0; i < top.Count; i++) if (relevant.Contains(top[i])) dcg += 1 / Math.Log2(i + 2);
        for (int i = 0; i < Math.Min(10, relevant.Count); i++) ideal += 1 / Math.Log2(i + 2);
        double ndcg = ideal == 0 ? 0 : dcg / ideal;
        double recall = relevant.Count == 0 ? 0 : (double)top.Count(relevant.Contains) / Math.Min(10, relevant.Count);
        return (ndcg, recall);
    }
}
