using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchService.Search.Indexing;

namespace SearchService.Search.Searching;

/// <summary>
/// Paragraphs by id, looked up in each segment's terms as a real-time get does, with one terms
/// enumerator per segment for all the ids asked. A term query per id ran a whole search (weight,
/// scorer, collector, a new terms enumerator per segment): the answerer, which reads some
/// reports whole, paid that for every paragraph.
/// </summary>
internal sealed class IdLookup(IList<AtomicReaderContext> leaves, Filter paragraphsOnly)
{
    private readonly TermsEnum?[] _terms = new TermsEnum?[leaves.Count];
    private readonly bool[] _opened = new bool[leaves.Count];
    private readonly DocsEnum?[] _docs = new DocsEnum?[leaves.Count];

    /// <summary>The paragraph's document number in the whole index, or null when no live paragraph has the id.</summary>
    public int? DocOf(string id)
    {
        var term = new BytesRef(id);
        for (int i = 0; i < leaves.Count; i++)
        {
            var termsEnum = TermsOf(i);
            if (termsEnum is null || !termsEnum.SeekExact(term)) continue;
            var leaf = leaves[i];
            var docs = _docs[i] = termsEnum.Docs(leaf.AtomicReader.LiveDocs, _docs[i], DocsFlags.NONE);
            for (int d = docs.NextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.NextDoc())
                if (IsParagraph(leaf, d)) return leaf.DocBase + d;
        }
        return null;
    }

    private TermsEnum? TermsOf(int leaf)
    {
        if (!_opened[leaf])
        {
            _opened[leaf] = true;
            _terms[leaf] = leaves[leaf].AtomicReader.GetTerms(IndexSchema.Id)?.GetEnumerator();
        }
        return _terms[leaf];
    }

    // The filter's set is cached per segment (see FilterCache), so this is a bit test, not a search.
    private bool IsParagraph(AtomicReaderContext leaf, int doc)
    {
        var set = paragraphsOnly.GetDocIdSet(leaf, null);
        if (set?.Bits is { } bits) return bits.Get(doc);
        var iterator = set?.GetIterator();
        return iterator is not null && iterator.Advance(doc) == doc;
    }
}
