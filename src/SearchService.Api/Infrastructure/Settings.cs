using System.ComponentModel.DataAnnotations;
using SearchService.Core.Reading;

namespace SearchService.Api.Infrastructure;

/// <summary>Section "Index": where the index is, what it is built from, and when a build is refused.</summary>
public sealed class IndexOptions
{
    public const string Section = "Index";

    /// <summary>The index folder (generations and pointer inside); default index/ at the repository root. Also --index.</summary>
    public string? Path { get; set; }

    /// <summary>What is indexed when there is no index and no Sources are configured; default seeds/. Also --seeds.</summary>
    public string? SeedsPath { get; set; }

    public string? VocabularyPath { get; set; }

    /// <summary>Files and folders to index: used at start-up when there is no index, and by every admin reindex.</summary>
    public List<string> Sources { get; set; } = [];

    /// <summary>A build with fewer than this share of the served documents is refused unless forced.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Index:MinDocumentRatio must be between {1} and {2}.")]
    public double MinDocumentRatio { get; set; } = 0.5;

    public string Folder => System.IO.Path.GetFullPath(Path ?? ProjectPaths.Index);

    public string VocabularyFile => System.IO.Path.GetFullPath(VocabularyPath ?? ProjectPaths.VocabularyFile);

    /// <summary>The sources an admin reindex uses: only configured ones, never a silent default.</summary>
    public IReadOnlyList<string> ConfiguredSources => Sources.Where(s => !string.IsNullOrWhiteSpace(s)).Select(System.IO.Path.GetFullPath).ToList();

    /// <summary>What a start-up build uses when there is no index: the configured sources, else the seeds.</summary>
    public IReadOnlyList<string> StartupSources => ConfiguredSources is { Count: > 0 } configured ? configured : [System.IO.Path.GetFullPath(SeedsPath ?? ProjectPaths.Seeds)];
}

/// <summary>Section "Search": bounds on the work one request may ask for.</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    [Range(1, 100_000, ErrorMessage = "Search:MaxQueryLength must be between {1} and {2}.")]
    public int MaxQueryLength { get; set; } = 1000;

    [Range(1, 1000, ErrorMessage = "Search:MaxPageSize must be between {1} and {2}.")]
    public int MaxPageSize { get; set; } = 100;

    [Range(1, 1_000_000, ErrorMessage = "Search:MaxResultWindow must be between {1} and {2}.")]
    public int MaxResultWindow { get; set; } = 10_000;

    [Range(1, 1024, ErrorMessage = "Search:MaxClauses must be between {1} and {2} (Lucene's own limit is 1,024).")]
    public int MaxClauses { get; set; } = 256;

    [Range(1, 1024, ErrorMessage = "Search:MaxQueryTerms must be between {1} and {2}.")]
    public int MaxQueryTerms { get; set; } = 32;

    [Range(1, 1000, ErrorMessage = "Search:MaxFilterValues must be between {1} and {2} (Lucene's clause limit is 1,024).")]
    public int MaxFilterValues { get; set; } = 100;

    [Range(0, 1_000_000, ErrorMessage = "Search:RelaxBelow must be between {1} and {2} (0 never relaxes a query).")]
    public int RelaxBelow { get; set; } = 10;

    [Range(0, 600_000, ErrorMessage = "Search:TimeLimitMs must be between {1} and {2} (0 turns the limit off).")]
    public int TimeLimitMs { get; set; } = 2000;

    [Range(0, 10_000_000, ErrorMessage = "Search:RecordCacheSize must be between {1} and {2}.")]
    public int RecordCacheSize { get; set; } = 20_000;

    public SearchLimits ToLimits() => new()
    {
        MaxQueryLength = MaxQueryLength,
        MaxPageSize = MaxPageSize,
        MaxResultWindow = MaxResultWindow,
        MaxClauses = MaxClauses,
        MaxQueryTerms = MaxQueryTerms,
        MaxFilterValues = MaxFilterValues,
        RelaxBelow = RelaxBelow,
        TimeLimitMs = TimeLimitMs,
        RecordCacheSize = RecordCacheSize,
    };
}

/// <summary>Section "Ingest": per-file limits when building the index (see <see cref="ReadLimits"/>).</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    [Range(1, 4096, ErrorMessage = "Ingest:MaxPdfMegabytes must be between {1} and {2}.")]
    public int MaxPdfMegabytes { get; set; } = 200;

    [Range(1, 4096, ErrorMessage = "Ingest:MaxTextMegabytes must be between {1} and {2}.")]
    public int MaxTextMegabytes { get; set; } = 20;

    [Range(1, 1_000_000, ErrorMessage = "Ingest:MaxPages must be between {1} and {2}.")]
    public int MaxPages { get; set; } = 2000;

    [Range(100, 10_000_000, ErrorMessage = "Ingest:MaxWordsPerPage must be between {1} and {2}.")]
    public int MaxWordsPerPage { get; set; } = 20_000;

    [Range(1, 3600, ErrorMessage = "Ingest:MaxSecondsPerFile must be between {1} and {2}.")]
    public int MaxSecondsPerFile { get; set; } = 300;

    [Range(1, 10_000_000, ErrorMessage = "Ingest:MaxParagraphsPerDocument must be between {1} and {2}.")]
    public int MaxParagraphsPerDocument { get; set; } = 5000;

    [Range(500, 10_000_000, ErrorMessage = "Ingest:MaxParagraphChars must be between {1} and {2}.")]
    public int MaxParagraphChars { get; set; } = 20_000;

    public ReadLimits ToReadLimits() => new()
    {
        MaxPdfBytes = MaxPdfMegabytes * 1024L * 1024,
        MaxTextBytes = MaxTextMegabytes * 1024L * 1024,
        MaxPages = MaxPages,
        MaxWordsPerPage = MaxWordsPerPage,
        MaxReadTime = TimeSpan.FromSeconds(MaxSecondsPerFile),
        MaxParagraphsPerDocument = MaxParagraphsPerDocument,
        MaxParagraphChars = MaxParagraphChars,
    };
}

/// <summary>Section "RateLimits": per client address, per minute (0 turns one off), and how many expensive requests run at once.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    [Range(0, 10_000_000, ErrorMessage = "RateLimits:SearchPerMinute must be between {1} and {2} (0 turns it off).")]
    public int SearchPerMinute { get; set; } = 1200;

    [Range(0, 10_000_000, ErrorMessage = "RateLimits:AskPerMinute must be between {1} and {2} (0 turns it off).")]
    public int AskPerMinute { get; set; } = 600;

    [Range(0, 10_000_000, ErrorMessage = "RateLimits:BriefingsPerMinute must be between {1} and {2} (0 turns it off).")]
    public int BriefingsPerMinute { get; set; } = 60;

    [Range(0, 10_000_000, ErrorMessage = "RateLimits:ExportsPerMinute must be between {1} and {2} (0 turns it off).")]
    public int ExportsPerMinute { get; set; } = 60;

    [Range(0, 10_000_000, ErrorMessage = "RateLimits:AdminPerMinute must be between {1} and {2} (0 turns it off).")]
    public int AdminPerMinute { get; set; } = 10;

    /// <summary>Searches, asks, trends, exports and briefings running at once, over all clients.</summary>
    [Range(1, 10_000, ErrorMessage = "RateLimits:ConcurrentRequests must be between {1} and {2}.")]
    public int ConcurrentRequests { get; set; } = 8;

    /// <summary>How many more wait for a free slot; past that they get a 429 at once.</summary>
    [Range(0, 100_000, ErrorMessage = "RateLimits:QueueLength must be between {1} and {2}.")]
    public int QueueLength { get; set; } = 64;
}

/// <summary>Section "Admin".</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>The admin endpoints exist only when a key is set.</summary>
    [MinLength(16, ErrorMessage = "Admin:ApiKey must be at least 16 characters long.")]
    public string? ApiKey { get; set; }
}

public enum RequestLogMode
{
    /// <summary>One line per request.</summary>
    All,
    /// <summary>Only server errors (5xx) and requests slower than SlowMs: small under load.</summary>
    Problems,
    None,
}

/// <summary>Section "RequestLogging".</summary>
public sealed class RequestLoggingOptions
{
    public const string Section = "RequestLogging";

    public RequestLogMode Mode { get; set; } = RequestLogMode.All;

    [Range(1, 3_600_000, ErrorMessage = "RequestLogging:SlowMs must be between {1} and {2}.")]
    public int SlowMs { get; set; } = 1000;
}

/// <summary>Top-level host settings: the public base URL of links, and CORS.</summary>
public sealed class HostingOptions
{
    /// <summary>Absolute base of citation links (https://search.example.org); links are relative when unset, never built from the Host header.</summary>
    public string? PublicBaseUrl { get; set; }

    public List<string> CorsOrigins { get; set; } = [];
}

/// <summary>Checks what data annotations cannot: that PublicBaseUrl is an absolute http(s) URL.</summary>
public sealed class HostingOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<HostingOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, HostingOptions options)
    {
        if (string.IsNullOrEmpty(options.PublicBaseUrl)) return Microsoft.Extensions.Options.ValidateOptionsResult.Success;
        return Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && string.IsNullOrEmpty(uri.Query)
            ? Microsoft.Extensions.Options.ValidateOptionsResult.Success
            : Microsoft.Extensions.Options.ValidateOptionsResult.Fail($"PublicBaseUrl must be an absolute http or https URL without a query (got '{options.PublicBaseUrl}').");
    }
}
