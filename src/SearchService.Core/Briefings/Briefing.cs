namespace SearchService.Core.Briefings;

/// <summary>One quoted paragraph in a briefing: the user's note, the quote, and where it comes from.</summary>
public sealed record BriefingItem(string? Note, string Quote, string Citation, string Url, string SourceId, string SourceCitation, string SourceUrl);

/// <summary>A briefing: a title and quoted paragraphs, each footnoted with its full citation.</summary>
public sealed record Briefing(string Title, IReadOnlyList<BriefingItem> Items, DateOnly Created)
{
    /// <summary>Each cited document once, in order of first citation.</summary>
    public IReadOnlyList<BriefingItem> Sources => Items.DistinctBy(i => i.SourceId).ToList();
}

/// <summary>The formats a briefing exports to.</summary>
public static class BriefingFormats
{
    public const string Markdown = "markdown";
    public const string Html = "html";
    public const string Docx = "docx";
    public static readonly IReadOnlyList<string> All = [Markdown, Html, Docx];

    public static string ContentType(string format) => format switch
    {
        Markdown => "text/markdown; charset=utf-8",
        Html => "text/html; charset=utf-8",
        _ => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };

    public static string Extension(string format) => format switch { Markdown => "md", Html => "html", _ => "docx" };

    /// <summary>The format a file name asks for (".md", ".html", ".docx"), or null.</summary>
    public static string? FromFileName(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".md" or ".markdown" => Markdown,
        ".html" or ".htm" => Html,
        ".docx" => Docx,
        _ => null,
    };
}
