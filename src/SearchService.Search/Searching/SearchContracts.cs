using SearchService.Search.Indexing;

namespace SearchService.Search.Searching;

/// <summary>Filters shared by search, trends, ask and judgements. List-valued filters mean "any of".</summary>
public sealed record SearchFilters
{
    public IReadOnlyList<string> Authority { get; init; } = [];
    public IReadOnlyList<int> Year { get; init; } = [];
    public int? YearFrom { get; init; }
    public int? YearTo { get; init; }
    public IReadOnlyList<string> OutcomeArea { get; init; } = [];
    public IReadOnlyList<string> Grade { get; init; } = [];
    public IReadOnlyList<string> DocumentType { get; init; } = [];
    public IReadOnlyList<string> Framework { get; init; } = [];
    public IReadOnlyList<string> Region { get; init; } = [];
    public IReadOnlyList<string> AuthorityType { get; init; } = [];

    /// <summary>Peer groups: each named authority and its ten statistical neighbours (the DfE's), any of the groups.</summary>
    public IReadOnlyList<string> NeighboursOf { get; init; } = [];

    /// <summary>Only each authority's most recent inspection report (see <see cref="England.Inspections"/>).</summary>
    public bool Latest { get; init; }

    public static SearchFilters None { get; } = new();
}

/// <summary>Relevance; date newest first (<see cref="Date"/>); date oldest first (undated last either way).</summary>
public enum SearchSort { Relevance, Date, Oldest }

/// <summary>
/// One search as asked: the query, how its words combine, synonyms on or off, the filters.
/// Search, trends and exports all take this, so they count the same paragraphs.
/// </summary>
public sealed record SearchRequest
{
    public string? Query { get; init; }
    public SearchFilters Filters { get; init; } = SearchFilters.None;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 10;
    public SearchSort Sort { get; init; } = SearchSort.Relevance;
    public bool GroupByDocument { get; init; }

    /// <summary>All words (the default) or any word.</summary>
    public MatchMode Match { get; init; } = MatchMode.All;

    /// <summary>No synonyms: only the words as typed (analysed: plurals and spellings still join).</summary>
    public bool Exact { get; init; }

    /// <summary>
    /// Whether to count facet values (the default). Without them the result's facets are empty and a
    /// filtered search reads only the filtered paragraphs: multi-select counts need every match of
    /// the query tested against each filter, which costs the whole index however narrow the filter.
    /// </summary>
    public bool Facets { get; init; } = true;
}

/// <summary>One hit: the paragraph, its snippet and score; with grouping, how many more matches its document has.</summary>
public sealed record SearchHit(ParagraphRecord Paragraph, string Snippet, float Score, int? MoreInDocument)
{
    /// <summary>The synonyms of the query (not the words typed) found in this paragraph.</summary>
    public IReadOnlyList<string> AlsoMatched { get; init; } = [];
}

public sealed record FacetValue(string Value, int Count);

/// <summary>
/// Words dropped because too few paragraphs held every word (as Typesense's drop_tokens_threshold
/// does): which, how many paragraphs held them all, and the setting.
/// </summary>
public sealed record Relaxation(IReadOnlyList<string> Dropped, int MatchedAllWords, int Threshold);

/// <summary>
/// A search cut short by its time budget: the counts cover only the paragraphs searched, so
/// the total is a lower bound and the facets and trends are incomplete.
/// </summary>
public sealed record PartialResult(string Reason, double SearchedShare, IReadOnlyList<string> Incomplete);

/// <summary>
/// One page of hits and the counts of the whole result: <see cref="Total"/> paragraphs in
/// <see cref="Documents"/> documents, facets over the same paragraphs. With grouping the pages
/// are documents.
/// </summary>
public sealed record SearchResult
{
    public required string Query { get; init; }
    public required int Total { get; init; }
    public required int Documents { get; init; }
    public required int Page { get; init; }
    public required int PageSize { get; init; }
    public required double TookMs { get; init; }
    public required IReadOnlyList<SearchHit> Hits { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets { get; init; }
    public string? Warning { get; init; }
    public MatchMode Match { get; init; }
    public bool Exact { get; init; }
    public IReadOnlyList<SynonymExpansion> Expansions { get; init; } = [];
    public Relaxation? Relaxed { get; init; }

    /// <summary>What a cut search is missing; null when the search ran to the end.</summary>
    public PartialResult? Missing { get; init; }
    public bool Partial => Missing is not null;

    /// <summary>The query with words the index does not hold replaced by the closest words it does ("did you mean"), or null.</summary>
    public string? Suggestion { get; init; }
}

/// <summary>A trend bucket: matching paragraphs and documents, and their share of the bucket's paragraphs.</summary>
public sealed record TrendBucket(string Value, int Paragraphs, int Documents, int TotalParagraphs, double Share);

/// <summary>
/// Matching paragraphs per bucket. By year: every year from the first to the last (or the range
/// asked for), zeros included. <see cref="Total"/> equals the search's total for the same request;
/// <see cref="Unbucketed"/> are matches with no value for the bucket (e.g. undated paragraphs).
/// </summary>
public sealed record TrendResult
{
    public required string Query { get; init; }
    public required string By { get; init; }
    public required IReadOnlyList<TrendBucket> Buckets { get; init; }
    public required int Total { get; init; }
    public required int Documents { get; init; }
    public required int Unbucketed { get; init; }
    public required string Denominator { get; init; }
    public Relaxation? Relaxed { get; init; }
    public PartialResult? Missing { get; init; }
    public bool Partial => Missing is not null;
}

/// <summary>Configured bounds on the work one request may ask for.</summary>
public sealed record SearchLimits
{
    public int MaxQueryLength { get; init; } = 1000;
    public int MaxPageSize { get; init; } = 100;
    /// <summary>Deepest result reachable by paging (page × pageSize).</summary>
    public int MaxResultWindow { get; init; } = 10_000;
    public int MaxClauses { get; init; } = 256;
    /// <summary>Distinct words a query may hold (repeats count once), checked before synonyms are added.</summary>
    public int MaxQueryTerms { get; init; } = 32;
    /// <summary>Values one filter may list ("any of"), well under Lucene's 1,024-clause limit.</summary>
    public int MaxFilterValues { get; init; } = 100;
    /// <summary>All-words queries matching fewer paragraphs than this drop their least informative words, one at a time.</summary>
    public int RelaxBelow { get; init; } = 10;
    public int TimeLimitMs { get; init; } = 2_000;
    /// <summary>Paragraph records kept decoded in memory (about 3 KB each); 0 turns the cache off.</summary>
    public int RecordCacheSize { get; init; } = 20_000;
}
