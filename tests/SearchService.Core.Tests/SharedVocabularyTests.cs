using System.Text.RegularExpressions;
using SearchService.Core.Metadata;
using SearchService.Core.Prose;

namespace SearchService.Core.Tests;

/// <summary>
/// The pieces several readers share from one home: white space folding, the edit distance of
/// "did you mean", the grade words and the month names as patterns.
/// </summary>
public class SharedVocabularyTests
{
    [Theory]
    [InlineData("Requires  improvement\n to be\tgood", "Requires improvement to be good")]
    [InlineData(" a ", " a ")]
    [InlineData("", "")]
    public void White_space_folds_to_one_space_and_nothing_is_trimmed(string text, string folded) => Assert.Equal(folded, WhiteSpace.Fold(text));

    [Theory]
    [InlineData("safeguarding", "safeguarding", 0)]
    [InlineData("safegaurding", "safeguarding", 1)] // two neighbours swapped: one edit
    [InlineData("--sorce", "--force", 1)]
    [InlineData("--sorce", "--source", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("ca", "abc", 3)] // optimal string alignment: a swapped pair is not edited again
    public void Edit_distance_counts_inserts_deletes_substitutions_and_swaps(string a, string b, int distance)
    {
        Assert.Equal(distance, EditDistance.Between(a, b));
        Assert.Equal(distance, EditDistance.Between(b, a));
    }

    [Theory]
    [InlineData("requires improvement to be good", "requires improvement to be good")]
    [InlineData("Require  improvement", "Require  improvement")]
    [InlineData("not judged", "not judged")]
    [InlineData("inadequate", "inadequate")]
    [InlineData("adequate", "adequate")]
    [InlineData("satisfactory", null)]
    public void The_grade_words_pattern_reads_the_printed_words_longest_first(string text, string? matched)
    {
        var m = Regex.Match(text, "^(?:" + GradeScales.WordsPattern + ")", RegexOptions.IgnoreCase);
        Assert.Equal(matched, m.Success ? m.Value : null);
    }

    [Theory]
    [InlineData("March", true, true)]
    [InlineData("march", true, true)]
    [InlineData("SEPT", true, false)]
    [InlineData("Dec", true, false)]
    [InlineData("Marc", false, false)]
    public void The_month_patterns_read_names_and_abbreviations_in_any_case(string word, bool month, bool fullName)
    {
        Assert.Equal(month, Regex.IsMatch(word, "^" + PrintedDates.MonthPattern + "$"));
        Assert.Equal(fullName, Regex.IsMatch(word, "^" + PrintedDates.MonthNamePattern + "$"));
    }

    [Theory]
    [InlineData("on 31 March 2016 there were", "31", true)]
    [InlineData("by May 14, 2015", "14", true)]
    [InlineData("in Sept. 2016 there were", "2016", true)]
    [InlineData("as at 1/3/16, 412 children", "1", true)]
    [InlineData("as at 1/3/16, 412 children", "412", false)]
    [InlineData("there were 31 children in March", "31", false)]
    public void A_number_next_to_a_month_or_in_a_date_in_figures_is_part_of_a_date(string text, string number, bool partOfDate) =>
        Assert.Equal(partOfDate, PrintedDates.IsPartOfDate(text, text.IndexOf(number, StringComparison.Ordinal), number.Length));
}
