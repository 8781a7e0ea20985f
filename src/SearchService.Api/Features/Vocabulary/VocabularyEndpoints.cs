using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SearchService.Core;

namespace SearchService.Api.Features.Vocabulary;

/// <summary>
/// One group of the vocabulary: its terms (capitals: matched only when typed so), where it comes
/// from, and its line in the file (<c>origin</c> "curated"); or an acronym the indexed documents
/// define (<c>origin</c> "learned", <c>line</c> 0): <c>source</c> is the citation of the first
/// paragraph that prints it, with how many paragraphs do, the authorities whose papers do
/// (<c>global</c>: two or more; otherwise searched only in that authority's paragraphs), and the
/// curated group that overrides it, if any.
/// </summary>
public sealed record VocabularyGroupDto(string Name, IReadOnlyList<string> Terms, string Source, string Origin, int Line)
{
    public int? Count { get; init; }
    public IReadOnlyList<string>? Authorities { get; init; }
    public bool? Global { get; init; }
    public string? SourceParagraphId { get; init; }
    public string? OverriddenBy { get; init; }

    internal static VocabularyGroupDto Learned(LearnedAcronym a, Synonyms curated) => new(a.Acronym, [a.Acronym, a.FullForm], a.SourceCitation, "learned", 0)
    {
        Count = a.Count,
        Authorities = a.Authorities,
        Global = a.Global,
        SourceParagraphId = a.SourceParagraphId,
        OverriddenBy = curated.Holding(a.Acronym)?.Name,
    };
}

/// <summary>The vocabulary searches are expanded with.</summary>
public sealed record VocabularyDto(string? Query, int Total, IReadOnlyList<VocabularyGroupDto> Groups);

/// <summary>GET /api/vocabulary: the curated groups with their sources, all or those a word or phrase belongs to.</summary>
public static class VocabularyEndpoints
{
    public const int MaxQueryLength = 200;

    public static IEndpointRouteBuilder MapVocabulary(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/vocabulary").WithTags("Vocabulary")
            .MapGet("/", List).WithSummary("The vocabulary queries are expanded with: curated groups of terms that mean the same, with their sources, and the acronyms the indexed documents define");
        return app;
    }

    /// <summary>Reads config/vocabulary.txt (or Index:VocabularyPath) once; the start-up check has already read it.</summary>
    public static IServiceCollection AddVocabulary(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<IndexOptions>, VocabularyFileValidator>();
        services.AddSingleton(sp => VocabularyFileValidator.Read(sp.GetRequiredService<IOptions<IndexOptions>>().Value));
        return services;
    }

    /// <summary><paramref name="q"/>: a word or phrase as typed ("IROs", "section 20"); only its group is listed (plurals, possessives and case as in a search).</summary>
    internal static Results<Ok<VocabularyDto>, ProblemHttpResult> List(Synonyms vocabulary, ReportIndex index, [FromQuery] string? q)
    {
        var query = q?.Trim();
        if (query is { Length: > MaxQueryLength })
            throw new ParameterException("q", $"q is {query.Length} characters long; at most {MaxQueryLength} are allowed.");
        if (query is { Length: > 0 } && !query.Any(char.IsLetterOrDigit))
            throw new ParameterException("q", "q has no letters or digits to look up.");
        IReadOnlyList<VocabularyGroup> groups = string.IsNullOrEmpty(query)
            ? vocabulary.Groups
            : vocabulary.Find(query) is { } found ? [found] : [];
        var learned = index.Learned;
        IEnumerable<LearnedAcronym> definitions = string.IsNullOrEmpty(query)
            ? learned.Entries
            : learned.Matching(query).Select(x => x.Definition).Distinct();
        var list = groups.Select(g => new VocabularyGroupDto(g.Name, g.Terms, g.Source, "curated", g.Line))
            .Concat(definitions.Select(d => VocabularyGroupDto.Learned(d, vocabulary))).ToList();
        return TypedResults.Ok(new VocabularyDto(string.IsNullOrEmpty(query) ? null : query, list.Count, list));
    }
}

/// <summary>A vocabulary file that cannot be read stops the app at start-up, naming its line (as any bad setting does).</summary>
public sealed class VocabularyFileValidator : IValidateOptions<IndexOptions>
{
    public ValidateOptionsResult Validate(string? name, IndexOptions options)
    {
        try
        {
            Read(options);
            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is VocabularyFormatException or IOException or UnauthorizedAccessException)
        {
            return ValidateOptionsResult.Fail($"Index:VocabularyPath: {e.Message}");
        }
    }

    /// <summary>The configured file (which must exist), or the default one when present; no file at the default place is an empty vocabulary.</summary>
    public static Synonyms Read(IndexOptions options)
    {
        var path = options.VocabularyFile;
        if (!File.Exists(path))
        {
            if (options.VocabularyPath is not null) throw new FileNotFoundException($"the vocabulary file {path} does not exist.", path);
            return Synonyms.Empty;
        }
        return Synonyms.Load(path);
    }
}
