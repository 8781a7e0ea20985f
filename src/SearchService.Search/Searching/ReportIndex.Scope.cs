using System.Collections;
using Lucene.Net.Index;
using Lucene.Net.Queries.Function;
using Lucene.Net.Queries.Function.DocValues;
using Lucene.Net.Search;
using SearchService.Core.Metadata;
using SearchService.Search.Indexing;

namespace SearchService.Search.Searching;

/// <summary>
/// The filters that are not facets — a peer group (<c>neighboursOf</c>) and the latest inspection
/// reports (<c>latest</c>) — and the date sorts. They narrow what a search, trend or export
/// looks at before the facets count, so the facets count within the group.
/// </summary>
public sealed partial class ReportIndex
{
    /// <summary>
    /// The authorities of the peer groups asked for (each authority and its ten statistical
    /// neighbours, in the DfE's order); null when none is asked for, empty when none resolves.
    /// </summary>
    public static IReadOnlyList<string>? PeerGroup(SearchFilters f)
    {
        if (f.NeighboursOf.Count == 0) return null;
        var names = new List<string>();
        foreach (var name in f.NeighboursOf)
            if (Authorities.Find(name) is { } a)
                names.AddRange(new[] { a }.Concat(Authorities.NeighboursOf(a)).Select(x => x.Name));
        return names.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Each authority's latest inspection report in the current commit (see <see cref="England.Inspections"/>), by authority name.</summary>
    public IReadOnlyDictionary<string, DocumentRecord> LatestInspections => WithCatalog(c => c.LatestInspections);

    /// <summary>Paragraphs within the peer groups and, with <c>latest</c>, in each authority's latest inspection report.</summary>
    private static Query ScopeQuery(Catalog catalog, SearchFilters f)
    {
        var group = PeerGroup(f);
        if (group is null && !f.Latest) return ParagraphsQuery();
        var scope = new BooleanQuery { { ParagraphsQuery(), Occur.MUST } };
        if (group is not null) scope.Add(AnyTerm(IndexSchema.Authority, group), Occur.MUST);
        if (f.Latest) scope.Add(AnyTerm(IndexSchema.DocumentId, catalog.LatestInspections.Values.Select(d => d.Id)), Occur.MUST);
        return scope;
    }

    /// <summary>
    /// The cache key of the scope, null for all paragraphs. "Latest" depends on the commit's
    /// documents, so its key carries the catalog's stamp: a new commit never reuses an old list.
    /// </summary>
    private static string? ScopeKey(Catalog catalog, SearchFilters f)
    {
        var group = PeerGroup(f);
        if (group is null && !f.Latest) return null;
        return "scope|" + (group is null ? "" : "peers=" + string.Join(";", group.Order(StringComparer.Ordinal))) + (f.Latest ? "|latest@" + catalog.Stamp : "") + "|";
    }

    private Filter ScopeFilter(Catalog catalog, SearchFilters f) => ScopeFilter(catalog, f, ScopeKey(catalog, f));

    private Filter ScopeFilter(Catalog catalog, SearchFilters f, string? key) =>
        key is null ? ParagraphsOnly : _filters.For(key, () => ScopeQuery(catalog, f));

    /// <summary>Any of the values; none at all matches nothing.</summary>
    private static BooleanQuery AnyTerm(string field, IEnumerable<string> values)
    {
        var any = new BooleanQuery(disableCoord: true);
        foreach (var v in values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)) any.Add(new TermQuery(new Term(field, v)), Occur.SHOULD);
        return any;
    }

    /// <summary>
    /// By authority over peer groups: the members with no paragraph indexed, as empty buckets, so
    /// a comparison of a group lists every member (an analyst sees "nothing indexed", not a gap).
    /// </summary>
    private static IEnumerable<TrendBucket> MissingPeers(SearchFilters f, IEnumerable<string> present)
    {
        var group = PeerGroup(f);
        if (group is null) return [];
        var have = present.ToHashSet(StringComparer.Ordinal);
        var asked = f.Authority.Select(a => Authorities.FromUserText(a) ?? a).ToHashSet(StringComparer.Ordinal);
        return group.Where(a => !have.Contains(a) && (asked.Count == 0 || asked.Contains(a))).Select(a => new TrendBucket(a, 0, 0, 0, 0));
    }

    /// <summary>Newest first, or oldest first; undated paragraphs last either way, then by score.</summary>
    private static Sort DateSort(IndexSearcher searcher, SearchSort sort) => sort == SearchSort.Oldest
        ? new Sort(UndatedLast.Instance.GetSortField(false), SortField.FIELD_SCORE).Rewrite(searcher)
        : new Sort(new SortField(IndexSchema.Date, SortFieldType.INT64, true), SortField.FIELD_SCORE);

    /// <summary>A document's day number for sorting oldest first: undated (0) sorts after every date.</summary>
    internal static long OldestFirstKey(long dayNumber) => dayNumber == 0 ? long.MaxValue : dayNumber;

    /// <summary>The publication date as yyyymmdd, undated as +∞, for sorting oldest first.</summary>
    private sealed class UndatedLast : ValueSource
    {
        public static readonly UndatedLast Instance = new();

        public override FunctionValues GetValues(IDictionary context, AtomicReaderContext readerContext) =>
            new Values(this, readerContext.AtomicReader.GetNumericDocValues(IndexSchema.Date));

        public override string GetDescription() => "date, undated last";
        public override bool Equals(object? o) => o is UndatedLast;
        public override int GetHashCode() => typeof(UndatedLast).GetHashCode();

        private sealed class Values(ValueSource source, NumericDocValues? dates) : DoubleDocValues(source)
        {
            public override double DoubleVal(int doc) => dates?.Get(doc) is { } d && d != 0 ? d : double.MaxValue;
        }
    }
}
