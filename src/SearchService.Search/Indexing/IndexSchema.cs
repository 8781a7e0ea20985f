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
    public const string Json = "json";

    /// <summary>Facet dimensions as the API names them, each a single-valued doc-values field.</summary>
    public static readonly IReadOnlyList<string> Facets = [Authority, Year, OutcomeArea, Grade, DocumentType, Framework, Region, AuthorityType];
}
