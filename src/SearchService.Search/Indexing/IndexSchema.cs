namespace SearchService.Search.Indexing;

/// <summary>Field names of the index, in one place.</summary>
public static class IndexSchema
{
    /// <summary>"paragraph" or "document": both kinds live in one index so one commit switches both.</summary>
    public const string Kind = "kind";
    public const string KindParagraph = "paragraph";
    public const string KindDocument = "document";

    /// <summary>The one record holding the acronyms the documents define (learned at index time), switched with them in the same commit.</summary>
    public const string KindLearned = "learned";

    public const string Id = "id";
    public const string DocumentId = "documentId";
    public const string Text = "text";
    public const string Heading = "heading";
    public const string Authority = "authority";
    public const string Year = "year";
    public const string YearNumber = "yearNumber";
    public const string OutcomeArea = "outcomeArea";
    public const string Grade = "grade";
    public const string DocumentType = "documentType";
    public const string Framework = "framework";
    public const string Region = "region";
    public const string AuthorityType = "authorityType";
    public const string Date = "date";
    public const string Quality = "quality";
    /// <summary>A document's stored record (JSON), and the learned acronyms'; a paragraph's too in an index of format 1.</summary>
    public const string Json = "json";

    /// <summary>
    /// A paragraph's stored record (JSON) from format 2 on: its own fields and its document's id. A
    /// field of its own, so that a build from before format 2 (which reads paragraphs from
    /// <see cref="Json"/> and checks no format) finds no paragraph record and fails its index check,
    /// rather than serving hits without their document's metadata.
    /// </summary>
    public const string ParagraphJson = "paragraph";

    /// <summary>The key of the stored records' format in each commit's user data.</summary>
    public const string FormatKey = "format";

    /// <summary>
    /// The stored records' format this build writes. 1 (no key: every index built before formats
    /// were recorded): each paragraph's record carried its document's metadata again. 2: a
    /// paragraph's record holds its own fields and its document's id, and is joined with its
    /// <see cref="DocumentRecord"/> when read. This build reads both (the catalog's documents hold the
    /// same metadata that format 1 copied into every paragraph); a higher format is refused with
    /// <see cref="IndexFormatException"/>, never misread. Raise it whenever what is stored changes
    /// so that a reader of the old shape would misread the new one.
    /// </summary>
    public const int Format = 2;

    /// <summary>Facet dimensions as the API names them, each a single-valued doc-values field.</summary>
    public static readonly IReadOnlyList<string> Facets = [Authority, Year, OutcomeArea, Grade, DocumentType, Framework, Region, AuthorityType];
}
