namespace SearchService.Core.Model;

/// <summary>How a definition is printed.</summary>
public enum DefinitionPattern
{
    /// <summary>"the local authority designated officer (LADO)".</summary>
    FullFormThenAcronym,

    /// <summary>"LADO (local authority designated officer)".</summary>
    AcronymThenFullForm,

    /// <summary>A glossary line: "LADO – local authority designated officer", "LADO: …", "LADO | …".</summary>
    Glossary,
}

/// <summary>
/// An acronym a document defines, as printed: the acronym (a plural's "s" taken off: "IROs" → "IRO"),
/// its full form (made singular with it: "independent reviewing officers" → "independent reviewing
/// officer"), and the paragraph that prints it.
/// </summary>
public sealed record AcronymDefinition(string Acronym, string FullForm, string ParagraphId, DefinitionPattern Pattern);
