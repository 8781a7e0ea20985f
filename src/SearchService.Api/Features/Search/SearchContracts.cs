using SearchService.Core.Model;
using SearchService.Search.Indexing;

namespace SearchService.Api.Features.Search;

public sealed record CitationDto(string Text, string Url);

public sealed record FacetValueDto(string Value, int Count);

/// <summary>One paragraph hit with its metadata (the authority's region, type and DfE/ONS codes; the framework), snippet, citation, and the synonyms of the query it holds.</summary>
public sealed record HitDto(
    string Id,
    string DocumentId,
    string DocumentTitle,
    string DocumentType,
    string Authority,
    DateOnly? Date,
    int? Year,
    IReadOnlyList<string> SectionPath,
    string? OutcomeArea,
    Grade? Grade,
    string Paragraph,
    string Snippet,
    float Score,
    CitationDto Citation,
    int? MoreInDocument,
    IReadOnlyList<string> AlsoMatched)
{
    public string? Framework { get; init; }
    public string? Region { get; init; }
    public string? AuthorityType { get; init; }
    public string? LaCode { get; init; }
    public string? OnsCode { get; init; }

    public static HitDto From(ParagraphRecord p, string snippet, float score, string url, int? more, IReadOnlyList<string>? alsoMatched = null) => new(
        p.Id, p.DocumentId, p.Document.Title, p.Document.DocumentType, p.Document.Authority, p.Document.Date, p.Document.Year, p.SectionPath, p.OutcomeArea, p.Grade,
        p.Label, snippet, score, new CitationDto(p.Citation, url), more, alsoMatched ?? [])
    {
        Framework = p.Document.Framework,
        Region = p.Document.Region,
        AuthorityType = p.Document.AuthorityType,
        LaCode = p.Document.LaCode,
        OnsCode = p.Document.OnsCode,
    };
}

/// <summary>
/// A word or phrase as typed and the synonyms it was expanded to; <c>learned</c>: those of them that
/// come from acronyms the indexed documents define, each with its source.
/// </summary>
public sealed record ExpansionDto(string Typed, IReadOnlyList<string> Alternatives)
{
    public IReadOnlyList<LearnedExpansionDto> Learned { get; init; } = [];

    internal static ExpansionDto From(SynonymExpansion e) => new(e.Typed, e.Alternatives)
    {
        Learned = e.Learned.Select(l => new LearnedExpansionDto(l.Alternative, l.Definition.Acronym, l.Definition.FullForm, l.Definition.Count,
            l.Definition.Authorities, l.Definition.Global, l.Definition.SourceCitation, l.Definition.SourceParagraphId)).ToList(),
    };
}

/// <summary>
/// An alternative learned from the documents' own definitions: the acronym and full form, how many
/// paragraphs define it, the authorities whose papers do (<c>global</c>: two or more; otherwise it is
/// searched only in those authorities' paragraphs) and the first paragraph that does (citation and id).
/// </summary>
public sealed record LearnedExpansionDto(string Alternative, string Acronym, string FullForm, int Count, IReadOnlyList<string> Authorities, bool Global, string Source, string SourceParagraphId);

/// <summary>Words dropped because fewer than <c>threshold</c> paragraphs held them all (<c>matchedAllWords</c> did).</summary>
public sealed record RelaxationDto(IReadOnlyList<string> Dropped, int MatchedAllWords, int Threshold);

/// <summary>What a search cut by its time budget is missing: the counts are lower bounds over the share of the index searched.</summary>
public sealed record MissingDto(string Reason, double SearchedShare, IReadOnlyList<string> Incomplete);

/// <summary>
/// A page of hits and the counts of the whole result: <c>total</c> paragraphs in <c>documents</c>
/// documents (with <c>groupBy=document</c> the pages are documents). <c>relaxed</c> says which words
/// were dropped, <c>expansions</c> which synonyms were searched, <c>missing</c> what a cut search lacks.
/// </summary>
public sealed record SearchResponse(
    string Query,
    int Total,
    int Documents,
    int Page,
    int PageSize,
    double TookMs,
    IReadOnlyList<HitDto> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValueDto>> Facets,
    string? Warning,
    bool Partial,
    MissingDto? Missing,
    string Match,
    bool Exact,
    IReadOnlyList<ExpansionDto> Expansions,
    bool Relaxed,
    RelaxationDto? Relaxation)
{
    public static RelaxationDto? From(Relaxation? r) => r is null ? null : new(r.Dropped, r.MatchedAllWords, r.Threshold);
    public static MissingDto? From(PartialResult? p) => p is null ? null : new(p.Reason, p.SearchedShare, p.Incomplete);

    /// <summary>"Did you mean": the query with words no paragraph holds replaced by the closest words the index holds; null when none.</summary>
    public string? Suggestion { get; init; }
}

public sealed record TrendBucketDto(string Value, int Paragraphs, int Documents, int TotalParagraphs, double Share);

/// <summary>
/// Matching paragraphs per bucket (every year of the range, zeros included, when by year);
/// <c>total</c> is the search's total for the same request, <c>unbucketed</c> the matches with no
/// value for the bucket, <c>denominator</c> names what each share divides by.
/// </summary>
public sealed record TrendsResponse(
    string Query,
    string By,
    int Total,
    int Documents,
    int Unbucketed,
    string Denominator,
    IReadOnlyList<TrendBucketDto> Buckets,
    bool Relaxed,
    RelaxationDto? Relaxation,
    bool Partial,
    MissingDto? Missing);
