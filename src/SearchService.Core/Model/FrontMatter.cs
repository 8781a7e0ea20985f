using System.Text.Json.Serialization;

namespace SearchService.Core.Model;

/// <summary>Where a document's publication date comes from, so that every use of it can say so.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DateBasis>))]
public enum DateBasis
{
    /// <summary>No date is printed or otherwise known.</summary>
    None,
    /// <summary>Printed as the publication date ("Report published: 8 September 2014", "Published: 12 May 2011").</summary>
    PrintedPublication,
    /// <summary>The date a letter is dated (assessment letters are published as sent).</summary>
    LetterDate,
    /// <summary>The date of the meeting the papers were published for.</summary>
    MeetingDate,
    /// <summary>
    /// Not printed: the date the PDF was produced, from its own document information (for ILACS
    /// reports, one to seven days before publication; the year agreed with the publication year
    /// for every report of the published set that prints no date).
    /// </summary>
    PdfProduced,
    /// <summary>A document of no known kind: the first full date printed near its top.</summary>
    FirstPrinted,
}

/// <summary>
/// What a report's front page says about it, as structured fields: when it was published (and how
/// that is known), the first and last day of the inspection, and the lead inspector. The front page
/// is also one citable paragraph, <see cref="ParagraphId"/>, labelled "front page".
/// </summary>
public sealed record FrontMatter(
    DateOnly? Published,
    DateBasis PublishedBasis,
    DateOnly? InspectionStart,
    DateOnly? InspectionEnd,
    string? LeadInspector,
    string? ParagraphId = null)
{
    public static FrontMatter None { get; } = new(null, DateBasis.None, null, null, null);

    /// <summary>The year documents are filed, counted and cited under: the publication year.</summary>
    public int? Year => Published?.Year;
}
