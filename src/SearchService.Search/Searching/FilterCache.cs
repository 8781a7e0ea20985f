using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchService.Core.Metadata;
using SearchService.Search.Indexing;

namespace SearchService.Search.Searching;

/// <summary>
/// One filtered facet dimension: its field and the normalised, sorted set of values it allows
/// (any of them), or a numeric range for years. Its <see cref="Key"/> is built from exactly
/// those parts with every value length-prefixed, so two different filters never share a key
/// (a filter keyed by its query's text did: one authority value "Coventry authority:Stoke-on-Trent"
/// printed the same as the two values Coventry and Stoke-on-Trent).
/// </summary>
internal sealed class DimensionFilter
{
    public string Field { get; }
    public IReadOnlyList<string> Values { get; }
    public IReadOnlyList<int> Years { get; }
    public int? From { get; }
    public int? To { get; }
    public string Key { get; }

    private DimensionFilter(string field, IReadOnlyList<string> values, IReadOnlyList<int> years, int? from, int? to)
    {
        Field = field;
        Values = values;
        Years = years;
        From = from;
        To = to;
        var key = new StringBuilder();
        Append(key, field);
        key.Append(values.Count.ToString(CultureInfo.InvariantCulture)).Append('|');
        foreach (var v in values) Append(key, v);
        key.Append(string.Join(',', years)).Append('|').Append(from?.ToString(CultureInfo.InvariantCulture)).Append('|').Append(to?.ToString(CultureInfo.InvariantCulture));
        Key = key.ToString();
    }

    private static void Append(StringBuilder key, string part) =>
        key.Append(part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part).Append('|');

    /// <summary>The values OR-ed (multi-select); years as exact years and/or a numeric range.</summary>
    public Query ToQuery()
    {
        if (Field != IndexSchema.Year)
        {
            var bq = new BooleanQuery(disableCoord: true);
            foreach (var v in Values) bq.Add(new TermQuery(new Term(Field, v)), Occur.SHOULD);
            return bq;
        }
        var years = new BooleanQuery(disableCoord: true);
        foreach (var y in Years) years.Add(NumericRangeQuery.NewInt32Range(IndexSchema.YearNumber, y, y, true, true), Occur.SHOULD);
        if (From is null && To is null) return years;
        var range = NumericRangeQuery.NewInt32Range(IndexSchema.YearNumber, From, To, true, true);
        return years.Clauses.Count == 0 ? range : new BooleanQuery { { years, Occur.MUST }, { range, Occur.MUST } };
    }

    /// <summary>
    /// The request's filters as dimensions, values normalised (authority names and aliases,
    /// outcome areas, grade words) and de-duplicated; more than <paramref name="maxValues"/>
    /// values in one filter is a <see cref="QueryLimitException"/>, raised before any query is built.
    /// </summary>
    public static IReadOnlyDictionary<string, DimensionFilter> Of(SearchFilters f, int maxValues)
    {
        var dims = new SortedDictionary<string, DimensionFilter>(StringComparer.Ordinal);
        void AnyOf(string field, string parameter, IReadOnlyList<string> raw, Func<string, string> normalise)
        {
            Check(parameter, raw.Count, maxValues);
            var values = raw.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => normalise(v.Trim())).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (values.Count > 0) dims[field] = new DimensionFilter(field, values, [], null, null);
        }
        AnyOf(IndexSchema.Authority, "authority", f.Authority, a => Authorities.FromUserText(a) ?? a);
        AnyOf(IndexSchema.OutcomeArea, "outcomeArea", f.OutcomeArea, a => OutcomeAreas.Canonical(a) ?? a);
        AnyOf(IndexSchema.Grade, "grade", f.Grade, g => GradeScales.LabelFromWords(g) ?? g.ToLowerInvariant());
        AnyOf(IndexSchema.DocumentType, "documentType", f.DocumentType, t => t);
        AnyOf(IndexSchema.Framework, "framework", f.Framework, x => Core.Model.Frameworks.FromName(x) is { } fw ? Core.Model.Frameworks.Name(fw) : x);
        AnyOf(IndexSchema.Region, "region", f.Region, r => r);
        AnyOf(IndexSchema.AuthorityType, "authorityType", f.AuthorityType, t => t);
        Check("year", f.Year.Count, maxValues);
        var years = f.Year.Distinct().Order().ToList();
        if (years.Count > 0 || f.YearFrom is not null || f.YearTo is not null)
            dims[IndexSchema.Year] = new DimensionFilter(IndexSchema.Year, [], years, f.YearFrom, f.YearTo);
        return dims;
    }

    private static void Check(string parameter, int count, int maxValues)
    {
        if (count > maxValues)
            throw new QueryLimitException($"'{parameter}' lists {count} values; at most {maxValues} are allowed in one filter.", "maxFilterValues", maxValues);
    }

    /// <summary>The key of several dimensions together (paragraphs only, and each of them).</summary>
    public static string CombinedKey(IEnumerable<DimensionFilter> dims) => "paragraphs|" + string.Concat(dims.OrderBy(d => d.Field, StringComparer.Ordinal).Select(d => d.Key));
}

/// <summary>
/// The filters searches use (paragraphs only; each dimension; each combination for trends and
/// exports), kept as one bit set per segment by Lucene's <see cref="CachingWrapperFilter"/>. A
/// filter query re-run on every search walks the postings of every filtered term; a cached bit
/// set costs one pass per segment and then gives the search random access, so the query's own
/// postings skip what the filter excludes. Keyed by <see cref="DimensionFilter.Key"/> (field and
/// normalised values), never by a query's text. Bounded: past <see cref="Capacity"/> distinct
/// filters the cache starts again.
/// </summary>
internal sealed class FilterCache
{
    public const int Capacity = 256;
    private readonly ConcurrentDictionary<string, Filter> _filters = new(StringComparer.Ordinal);

    public int Count => _filters.Count;

    public Filter For(string key, Func<Query> query)
    {
        if (_filters.TryGetValue(key, out var filter)) return filter;
        if (_filters.Count >= Capacity) _filters.Clear();
        return _filters.GetOrAdd(key, _ => new BitSetCachingFilter(new QueryWrapperFilter(query())));
    }

    /// <summary>
    /// Lucene's per-segment filter cache, holding a <see cref="FixedBitSet"/>: its default
    /// (WAH8DocIdSet) is compressed and has no random access, which the one-pass facet
    /// counting (<see cref="SidewaysCollector"/>) needs for every filtered dimension.
    /// </summary>
    private sealed class BitSetCachingFilter(Filter filter) : CachingWrapperFilter(filter)
    {
        protected override DocIdSet CacheImpl(DocIdSetIterator iterator, AtomicReader reader)
        {
            var bits = new FixedBitSet(reader.MaxDoc);
            bits.Or(iterator);
            return bits;
        }
    }
}
