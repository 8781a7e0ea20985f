using Lucene.Net.Search.Similarities;

namespace SearchService.Search.Searching;

/// <summary>
/// BM25, with a reward for a paragraph that has every one of the user's words. Lucene's
/// coordination factor, which BM25 turns off, is switched back on for the Boolean query that
/// holds the words typed (<see cref="QueryBuilder"/> disables it on every other one): a
/// paragraph matching all of them scores <see cref="AllWordsFactor"/> times the sum of its word
/// scores. This replaced a second "all words" conjunction added as a boost, which made every
/// word's postings (and a phrase's positions) be read twice.
/// </summary>
public sealed class ReportSimilarity : BM25Similarity
{
    public const float AllWordsFactor = 3f;

    public override float Coord(int overlap, int maxOverlap) => maxOverlap >= 2 && overlap == maxOverlap ? AllWordsFactor : 1f;
}
