using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using SearchService.Search.Indexing;

namespace SearchService.Search.Searching;

/// <summary>A single-valued string column of one segment: each document's ordinal (−1 when it has no value) and the values by ordinal.</summary>
internal sealed record OrdinalColumn(int[] Ordinals, string[] Values)
{
    public static readonly OrdinalColumn Empty = new([], []);

    public string? ValueOf(int doc) => doc < Ordinals.Length && Ordinals[doc] is var o && o >= 0 ? Values[o] : null;
}

/// <summary>
/// The doc values of one segment held in arrays: facet and document-id ordinals and the
/// quality prior. Lucene reads doc values from the memory-mapped file and decodes packed ints
/// on every access; a search touches each match several times (five facets, the quality prior,
/// grouping), so the columns are decoded once per segment and shared by every search and every
/// reader that has the segment. They live as long as the segment's core does.
/// </summary>
internal sealed class SegmentValues
{
    private static readonly ConditionalWeakTable<object, SegmentValues> Cache = new();

    private readonly Dictionary<string, OrdinalColumn> _columns = new(StringComparer.Ordinal);

    /// <summary>Quality prior per document (0 for documents without one).</summary>
    public float[] Quality { get; }

    private SegmentValues(AtomicReader reader)
    {
        foreach (var field in IndexSchema.Facets.Append(IndexSchema.DocumentId))
            _columns[field] = Load(reader, field);
        var documents = _columns[IndexSchema.DocumentId];
        foreach (var field in IndexSchema.Facets)
            _byDocument[field] = ByDocument(documents, _columns[field]);
        Quality = new float[reader.MaxDoc];
        var quality = reader.GetNumericDocValues(IndexSchema.Quality);
        if (quality is not null)
            for (int doc = 0; doc < Quality.Length; doc++)
                Quality[doc] = J2N.BitConversion.Int32BitsToSingle((int)quality.Get(doc));
    }

    public static SegmentValues Of(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => new SegmentValues(reader));

    /// <summary>The column of a facet field or of <see cref="IndexSchema.DocumentId"/>.</summary>
    public OrdinalColumn Column(string field) => _columns.TryGetValue(field, out var c) ? c : throw new ArgumentException($"'{field}' is not a cached column.", nameof(field));

    /// <summary>
    /// A facet field's ordinal for each document-id ordinal, when the field is a document's metadata in this segment
    /// (every record with a value has a document id, and every paragraph of a document has the same value, or none);
    /// null when it is not (outcome area and grade belong to paragraphs). Facet counts then add up per document.
    /// </summary>
    public int[]? ByDocument(string field) => _byDocument.TryGetValue(field, out var map) ? map : null;

    private readonly Dictionary<string, int[]?> _byDocument = new(StringComparer.Ordinal);

    private static int[]? ByDocument(OrdinalColumn documents, OrdinalColumn column)
    {
        const int Unseen = -2;
        var map = new int[documents.Values.Length];
        Array.Fill(map, Unseen);
        for (int doc = 0; doc < column.Ordinals.Length; doc++)
        {
            int document = documents.Ordinals[doc], value = column.Ordinals[doc];
            if (document < 0)
            {
                if (value >= 0) return null;
                continue;
            }
            if (map[document] == Unseen) map[document] = value;
            else if (map[document] != value) return null;
        }
        for (int d = 0; d < map.Length; d++) if (map[d] == Unseen) map[d] = -1;
        return map;
    }

    private static OrdinalColumn Load(AtomicReader reader, string field)
    {
        var dv = reader.GetSortedDocValues(field);
        if (dv is null) return OrdinalColumn.Empty with { Ordinals = Enumerable.Repeat(-1, reader.MaxDoc).ToArray() };
        var ordinals = new int[reader.MaxDoc];
        for (int doc = 0; doc < ordinals.Length; doc++) ordinals[doc] = dv.GetOrd(doc);
        var values = new string[dv.ValueCount];
        var bytes = new Lucene.Net.Util.BytesRef();
        for (int ord = 0; ord < values.Length; ord++)
        {
            dv.LookupOrd(ord, bytes);
            values[ord] = bytes.Utf8ToString();
        }
        return new OrdinalColumn(ordinals, values);
    }
}
