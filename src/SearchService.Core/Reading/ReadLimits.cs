namespace SearchService.Core.Reading;

/// <summary>
/// Per-file limits, so one hostile or broken file costs bounded time and memory and is named
/// with its reason instead of stopping a build. The defaults sit far above any real report
/// (the largest published report: 90 pages, 348 paragraphs, paragraphs under 10,000 characters).
/// </summary>
public sealed record ReadLimits
{
    /// <summary>Largest PDF read.</summary>
    public long MaxPdfBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>Largest text or Markdown file read: a report as text is well under a megabyte.</summary>
    public long MaxTextBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>Most pages a PDF may have (or declare).</summary>
    public int MaxPages { get; init; } = 2_000;

    /// <summary>Most words on one PDF page (grouping words into lines grows with their square).</summary>
    public int MaxWordsPerPage { get; init; } = 20_000;

    /// <summary>
    /// Longest time one file may take to read; past it the reader is cancelled. Wall-clock time, so
    /// generous: a real report reads in seconds, but many files read at once on two cores share them.
    /// </summary>
    public TimeSpan MaxReadTime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Most paragraphs in one document.</summary>
    public int MaxParagraphsPerDocument { get; init; } = 5_000;

    /// <summary>Longest paragraph; longer runs of text are split at sentence boundaries.</summary>
    public int MaxParagraphChars { get; init; } = 20_000;

    public static ReadLimits Default { get; } = new();
}
