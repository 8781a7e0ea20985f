using SearchService.Core.Metadata;

namespace SearchService.Core.Tests;

public class GradeScaleTests
{
    [Theory]
    [InlineData("Grade 3", GradeScales.Apa, "good")]
    [InlineData("Grade 4", GradeScales.Apa, "outstanding")]
    [InlineData("Grade 1", GradeScales.Apa, "inadequate")]
    [InlineData("Grade 2 (Good)", GradeScales.Apa, "good")]
    [InlineData("Grade 4 (Inadequate)", GradeScales.Inspection, "inadequate")]
    [InlineData("Grade 1", GradeScales.Inspection, "outstanding")]
    [InlineData("Grade 3", GradeScales.SchoolInspection, "requires improvement")]
    [InlineData("Performs well (3)", GradeScales.Inspection, "good")]
    [InlineData("Performs poorly (1)", GradeScales.Inspection, "inadequate")]
    public void Printed_grades_normalise_on_their_own_scale(string printed, SearchService.Core.Model.GradeScale scale, string label)
    {
        Assert.True(GradeScales.TryParseGradeLine(printed, scale, out var grade, out var before));
        Assert.Equal("", before);
        Assert.Equal(label, grade.Label);
        Assert.Equal(printed, grade.Raw);
    }

    [Theory]
    [InlineData("Requires improvement to be good", "requires improvement")]
    [InlineData("requires improvement", "requires improvement")]
    [InlineData("Satisfactory", "requires improvement")]
    [InlineData("Performs adequately", "requires improvement")]
    [InlineData("Adequate", "requires improvement")]
    [InlineData("Require improvement", "requires improvement")]
    [InlineData("Not judged", "not judged")]
    [InlineData("No children looked after", "not judged")]
    [InlineData("Performs poorly", "inadequate")]
    [InlineData("Outstanding", "outstanding")]
    [InlineData("Good", "good")]
    public void Grade_words_normalise(string words, string label) => Assert.Equal(label, GradeScales.LabelFromWords(words));

    [Fact]
    public void A_grade_at_the_end_of_a_heading_is_split_from_it()
    {
        Assert.True(GradeScales.TryParseGradeLine("Being healthy Grade 3", GradeScales.Apa, out var g, out var heading));
        Assert.Equal(("Being healthy", "good"), (heading, g.Label));
        Assert.True(GradeScales.TryParseGradeLine("The contribution of health agencies to keeping children and young people safe **Grade 3 (Adequate)**", GradeScales.Inspection, out g, out heading));
        Assert.Equal(("The contribution of health agencies to keeping children and young people safe", "requires improvement"), (heading, g.Label));
    }

    [Theory]
    [InlineData("Coventry City Council", "Coventry")]
    [InlineData("STOKE-ON-TRENT CITY COUNCIL", "Stoke-on-Trent")]
    [InlineData("London Borough of Bromley", "Bromley")]
    [InlineData("Telford & Wrekin Council", "Telford and Wrekin")]
    [InlineData("Bournemouth, Christchurch and Poole Council", "Bournemouth, Christchurch and Poole")]
    [InlineData("NHS Coventry", null)]
    public void Authorities_have_one_canonical_name(string phrase, string? expected) => Assert.Equal(expected, Authorities.Canonicalise(phrase));

    [Fact]
    public void Longest_authority_name_wins_in_running_text() =>
        Assert.Equal("North Somerset", Authorities.FindIn("Inspection of North Somerset local authority children's services"));

    [Theory]
    [InlineData("21 March to 1 April 2011", "2011-03-21", "2011-04-01")]
    [InlineData("8 to 12 July 2013", "2013-07-08", "2013-07-12")]
    [InlineData("2 December 2019 to 6 December 2019", "2019-12-02", "2019-12-06")]
    public void Inspection_date_ranges_are_read(string text, string start, string end)
    {
        Assert.True(PrintedDates.TryParseRange(text, out var s, out var e));
        Assert.Equal((start, end), (s.ToString("yyyy-MM-dd"), e.ToString("yyyy-MM-dd")));
    }
}
