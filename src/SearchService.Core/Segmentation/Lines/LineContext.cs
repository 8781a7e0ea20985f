using SearchService.Core.Prose;

namespace SearchService.Core.Segmentation.Lines;

/// <summary>One line of a document body as the layout rules see it, with its neighbours.</summary>
public sealed class LineContext
{
    private LineContext(string raw, string previousRaw, string nextRaw)
    {
        Raw = raw.TrimEnd(' ', '\r', '\u00A0');
        PreviousRaw = previousRaw;
        NextRaw = nextRaw;
        MarkdownLevel = Markup.HeadingLevel(Raw.Trim(), out var afterHashes);
        Text = Markup.Strip(afterHashes);
        Bold = Markup.IsBold(Raw);
        Indented = Raw.Length > 1 && Raw[0] == ' ' && Raw[1] != ' ' && Raw[1] != '-';
        IsRow = Raw.Contains('\t') || LineShapes.IsPipeRow(Raw);
    }

    public static LineContext Create(string raw, string previousRaw = "", string nextRaw = "") => new(raw, previousRaw, nextRaw);

    /// <summary>The line as read, trailing spaces removed.</summary>
    public string Raw { get; }
    /// <summary>The plain text: Markdown heading marks, emphasis and links removed.</summary>
    public string Text { get; }
    /// <summary>The Markdown heading level (a PDF's larger or bold type), 0 for none.</summary>
    public int MarkdownLevel { get; }
    /// <summary>Emphasised as a whole ("**Quality Assurance**").</summary>
    public bool Bold { get; }
    /// <summary>Indented by one space: a bullet whose glyph was lost.</summary>
    public bool Indented { get; }
    /// <summary>A table row: tab-separated cells or a pipe row.</summary>
    public bool IsRow { get; }
    public string PreviousRaw { get; }
    public string NextRaw { get; }
    public bool IsBlank => Raw.Trim().Length == 0;
}
