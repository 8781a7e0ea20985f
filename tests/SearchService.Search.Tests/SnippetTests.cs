using SearchService.Search.Analysis;
using SearchService.Search.Searching;

namespace SearchService.Search.Tests;

public sealed class SnippetTests : IDisposable
{
    private readonly ReportAnalyzer _analyzer = new();

    public void Dispose() => _analyzer.Dispose();

    private string Snippet(string text, string query)
    {
        var (_, highlights) = new QueryBuilder(_analyzer, Synonyms.Empty).Build(UserQuery.Parse(query));
        return new SnippetBuilder(_analyzer).Build(text, highlights);
    }

    [Fact]
    public void Source_html_is_escaped_before_marking()
    {
        var s = Snippet("The report said <script>alert('x')</script> about placement stability.", "placement");
        Assert.DoesNotContain("<script>", s);
        Assert.Contains("&lt;script&gt;", s);
        Assert.Contains("<mark>placement</mark>", s);
    }

    [Fact]
    public void A_phrase_is_marked_as_one()
    {
        var s = Snippet("Looked after children live in stable placements which provide high quality care.", "\"stable placements\"");
        Assert.Contains("<mark>stable placements</mark>", s);
    }

    [Fact]
    public void Long_paragraphs_are_cut_to_the_best_sentences_with_an_ellipsis()
    {
        var filler = string.Concat(Enumerable.Repeat("Inspectors saw many things in the city that were not remarkable at all. ", 12));
        var text = filler + "Placement stability for looked after children has improved. " + filler;
        var s = Snippet(text, "placement stability");
        Assert.InRange(s.Length, 60, 400);
        Assert.StartsWith("…", s);
        Assert.EndsWith("…", s);
        Assert.Contains("<mark>Placement</mark> <mark>stability</mark>", s);
    }

    [Theory]
    [InlineData("well-being", "well being")]
    [InlineData("placements", "placement")]
    [InlineData("assessments", "assessment")]
    [InlineData("council's", "council")]
    [InlineData("Council’s", "council")]
    public void Analysis_joins_spellings(string a, string b) => Assert.Equal(_analyzer.Terms(b), _analyzer.Terms(a));
}
