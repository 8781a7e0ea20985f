using SearchService.Core.Model;
using SearchService.Search.Indexing;

namespace SearchService.Api.Features.Search;

public sealed record CitationDto(string Text, string Url);

public sealed record FacetValueDto(string Value, int Count);

/// <summary>One paragraph hit with its metadata (the authority's region, type and DfE/ONS codes; the framework), snippet and citation.</summary>
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
    int? MoreInDocument)
{
    public string? Framework { get; init; }
    public string? Region { get; init; }
    public string? AuthorityType { get; init; }
    public string? LaCode { get; init; }
    public string? OnsCode { get; init; }

    public static HitDto From(ParagraphRecord p, string snippet, float score, string url, int? more) => new(
        p.Id, p.DocumentId, p.DocumentTitle, p.DocumentType, p.Authority, p.Date, p.Year, p.SectionPath, p.OutcomeArea, p.Grade,
        p.Label, snippet, score, new CitationDto(p.Citation, url), more)
    {
        Framework = p.Framework,
        Region = p.Region,
        AuthorityType = p.AuthorityType,
        LaCode = p.LaCode,
        OnsCode = p.OnsCode,
    };
}

public sealed record SearchResponse(
    string Query,
    int Total,
    int Page,
    int PageSize,
    double TookMs,
    IReadOnlyList<HitDto> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValueDto>> Facets,
    string? Warning,
    bool Partial)
{
    /// <summary>"Did you mean": the query with words no paragraph holds replaced by the closest words the index holds; null when none.</summary>
    public string? Suggestion { get; init; }
}

public sealed record TrendBucketDto(string Value, int Paragraphs, int Documents, int TotalParagraphs, double Share);

public sealed record TrendsResponse(string Query, string By, IReadOnlyList<TrendBucketDto> Buckets);
