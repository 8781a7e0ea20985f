using SearchService.Core.Reading;
using Line = SearchService.Core.Reading.PdfDocumentReader.Line;

namespace SearchService.Core.Tests;

/// <summary>
/// The PDF reader's re-flow of printed lines into text, on lines as the page gives them (positions
/// in points from the foot of an A4 page; body type 12 pt): which lone numbers are footnote markers.
/// </summary>
public class PdfReflowTests
{
    private const double PageHeight = 841.92;

    private static Line At(string text, double bottom, double top, double size, bool bold = false, double left = 70.9) =>
        new(text, top, bottom, left, size, bold, Page: 2, PageHeight);

    /// <summary>A page: a paragraph, a 14 pt heading, the given line, then the body under the heading.</summary>
    private static string Reflow(Line? extra)
    {
        var page = new List<Line>
        {
            At("Team inspectors: Fiona Millns HMI, Sean Tarpey HMI", 778, 787, 12),
            At("Information about this local authority area", 732.3, 743.0, 14, bold: true),
            At("Approximately 138,000 children and young people under the age of 18 years live in", 705.1, 714.2, 12),
            At("Oxfordshire. This is 21.1% of the total population in the area.", 690.6, 699.7, 12),
        };
        if (extra is not null) page.Add(extra);
        page.Sort((a, b) => b.Bottom.CompareTo(a.Bottom)); // top to bottom, as the reader orders a page's lines
        return PdfDocumentReader.Reflow([page]);
    }

    [Theory]
    // Oxfordshire 2014, p. 7: "area²", the marker 10.6 pt, raised above the 14 pt heading's baseline and
    // overlapping it, read as a line of its own (right of the middle, so tab-led): a footnote marker.
    [InlineData("\t2", 739.9, 747.7, 10.6, true)]
    [InlineData("12", 739.9, 747.7, 10.6, true)]
    // A number in body type beside the heading is text (a table cell, a count), not a marker.
    [InlineData("\t2", 739.9, 747.7, 12, false)]
    // A smaller number that overlaps no line: kept, as before (it is not under 0.8 of the body type).
    [InlineData("\t2", 720.0, 727.5, 10.6, false)]
    // A smaller line that is not a one- or two-digit number is never a marker.
    [InlineData("\t2023", 739.9, 747.7, 10.6, false)]
    public void A_lone_number_raised_over_a_larger_line_is_its_footnote_marker(string text, double bottom, double top, double size, bool dropped)
    {
        var without = Reflow(null);
        var with = Reflow(At(text, bottom, top, size, left: 372.6));
        if (dropped) Assert.Equal(without, with);
        else Assert.Contains(with.Split('\n'), l => l.Trim() == text.Trim());
    }
}
