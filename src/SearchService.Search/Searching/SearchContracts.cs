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

public sealed record SearchRequest
{
    public string? Query { get; init; }
    public SearchFilters Filters { get; init; } = SearchFilters.None;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 10;
    public SearchSort Sort { get; init; } = SearchSort.Relevance;
    public bool GroupByDocument { get; init; }
}

/// <summary>One hit: the paragraph, its snippet and score; with grouping, how many more matches its document has.</summary>
public sealed record SearchHit(ParagraphRecord Paragraph, string Snippet, float Score, int? MoreInDocument);

public sealed record FacetValue(string Value, int Count);

public sealed record SearchResult(
    string Query,
    int Total,
    int Page,
    int PageSize,
    double TookMs,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets,
    string? Warning,
    bool Partial)
{
    /// <summary>The query with words the index does not hold replaced by the closest words it does ("did you mean"), or null.</summary>
    public string? Suggestion { get; init; }
}

/// <summary>A trend bucket: matching paragraphs and documents, and their share of the bucket's paragraphs.</summary>
public sealed record TrendBucket(string Value, int Paragraphs, int Documents, int TotalParagraphs, double Share);

/// <summary>Configured bounds on the work one request may ask for.</summary>
public sealed record SearchLimits
{
    public int MaxQueryLength { get; init; } = 1000;
    public int MaxPageSize { get; init; } = 100;
    /// <summary>Deepest result reachable by paging (page × pageSize).</summary>
    public int MaxResultWindow { get; init; } = 10_000;
    public int MaxClauses { get; init; } = 256;
    public int TimeLimitMs { get; init; } = 2_000;
    /// <summary>Paragraph records kept decoded in memory (about 3 KB each); 0 turns the cache off.</summary>
    public int RecordCacheSize { get; init; } = 20_000;
}
