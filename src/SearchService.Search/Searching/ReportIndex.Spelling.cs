using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchService.Core.Prose;
using SearchService.Search.Indexing;

namespace SearchService.Search.Searching;

/// <summary>
/// "Did you mean": words of a query that no paragraph holds, replaced by the closest word the
/// index does hold (Lucene's <see cref="FuzzyTermsEnum"/> over the text field's own terms: at
/// most two edits, the first letter kept; fewest edits first, then the most paragraphs).
/// </summary>
public sealed partial class ReportIndex
{
    /// <summary>Words shorter than this are not corrected: too many short words are one edit apart.</summary>
    private const int MinCorrectableLength = 4;

    /// <summary>The query with its unknown words corrected, or null when every word is known or nothing close is.</summary>
    public string? Suggest(string? queryText)
    {
        var searcher = _manager.Acquire();
        try { return Suggest((CatalogSearcher)searcher, queryText); }
        finally { _manager.Release(searcher); }
    }

    private string? Suggest(CatalogSearcher searcher, string? queryText)
    {
        var q = queryText?.Trim() ?? "";
        if (q.Length == 0 || q.Length > Limits.MaxQueryLength) return null;
        Terms? terms = null;
        var corrected = new StringBuilder(q);
        bool changed = false;
        // Right to left, so the offsets of the words not yet replaced stay valid.
        foreach (var (term, start, end) in _analyzer.TermsWithOffsets(q).Reverse())
        {
            if (term.Length < MinCorrectableLength || !term.All(char.IsLetter)) continue;
            // Nearly every word is known: its frequency is remembered for the reader, so the common case reads no terms dictionary.
            if (searcher.Statistics.DocumentFrequency(term) > 0) continue;
            terms ??= MultiFields.GetTerms(searcher.IndexReader, IndexSchema.Text);
            if (terms is null || Closest(terms, term) is not { } better) continue;
            corrected.Remove(start, end - start).Insert(start, SurfaceForm(searcher, better, q[start..end]));
            changed = true;
        }
        return changed ? corrected.ToString() : null;
    }

    private static string? Closest(Terms terms, string word)
    {
        int maxEdits = word.Length >= 6 ? 2 : 1;
        var fuzzy = new FuzzyTermsEnum(terms, new AttributeSource(), new Term(IndexSchema.Text, word), maxEdits, prefixLength: 1, transpositions: true);
        string? best = null;
        (int Edits, int Frequency) bestKey = (int.MaxValue, 0);
        while (fuzzy.MoveNext())
        {
            var candidate = fuzzy.Term.Utf8ToString();
            if (!candidate.All(char.IsLetter)) continue;
            var key = (EditDistance.Between(word, candidate), fuzzy.DocFreq);
            if (key.Item1 < bestKey.Edits || (key.Item1 == bestKey.Edits && key.DocFreq > bestKey.Frequency)) (best, bestKey) = (candidate, key);
        }
        return best;
    }

    /// <summary>
    /// The index holds stems ("safeguard" for "safeguarding"): the form of the stem the reports
    /// print that is closest to what was typed, read from a few paragraphs that hold it.
    /// </summary>
    private string SurfaceForm(IndexSearcher searcher, string stem, string typed)
    {
        var top = searcher.Search(new TermQuery(new Term(IndexSchema.Text, stem)), ParagraphsOnly, 3);
        string best = stem;
        int bestDistance = EditDistance.Between(typed.ToLowerInvariant(), stem);
        foreach (var sd in top.ScoreDocs)
        {
            var text = ReadRecord(searcher, sd.Doc).Text;
            foreach (var (t, start, end) in _analyzer.TermsWithOffsets(text))
            {
                if (t != stem) continue;
                var word = text[start..end].ToLowerInvariant();
                int d = EditDistance.Between(typed.ToLowerInvariant(), word);
                if (d < bestDistance) (best, bestDistance) = (word, d);
            }
        }
        return best;
    }
}
