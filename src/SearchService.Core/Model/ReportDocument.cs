namespace SearchService.Core.Model;

/// <summary>What a paragraph is on the page: running prose, a list, or a table with its caption.</summary>
public enum ParagraphKind { Text, List, Table }

/// <summary>
/// One paragraph as a reader sees it: its printed label (or reading-order number where the
/// document prints none), where it sits (section path, outermost first) and what it is about.
/// </summary>
public sealed record Paragraph(
    string Id,
    string Label,
    int Ordinal,
    IReadOnlyList<string> SectionPath,
    string? OutcomeArea,
    Grade? Grade,
    string Text,
    ParagraphKind Kind);

/// <summary>A section of the outline: its heading path, outcome area, grade and paragraphs in order.</summary>
public sealed record Section(
    IReadOnlyList<string> Path,
    string? OutcomeArea,
    Grade? Grade,
    IReadOnlyList<string> ParagraphIds);

/// <summary>A judgement printed in a report: the area judged, the grade, and where it is printed.</summary>
public sealed record Judgement(
    string Area,
    IReadOnlyList<string> SectionPath,
    Grade Grade,
    string? ParagraphId,
    string Source);

/// <summary>
/// A document as published: an inspection report, an assessment letter, or one sub-document of a
/// council meeting pack (agenda, minutes, briefing note, work programme).
/// </summary>
public sealed record ReportDocument(
    string Id,
    string Title,
    string DocumentType,
    string Publisher,
    string Authority,
    DateOnly? Date,
    int? Year,
    DateOnly? InspectionStart,
    DateOnly? InspectionEnd,
    string? LeadInspector,
    string? Framework,
    string SourceFile,
    string? PartOf,
    IReadOnlyList<Section> Sections,
    IReadOnlyList<Paragraph> Paragraphs,
    IReadOnlyList<Judgement> Judgements);
