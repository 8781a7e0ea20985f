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

    [Theory]
    [InlineData("The council’s “placement stability” work – well‐being and wellbeing")]
    [InlineData("Soft\u00ADhyphen and zero\u200Bwidth; `quoted’ ‑ dash")]
    [InlineData("Nothing to fold here at all.")]
    public void Our_char_filter_folds_exactly_as_Analysis_Commons_MappingCharFilter_would(string text)
    {
        // The same folded text and the same offsets back into the original; ours is kept because it is faster (BENCHMARKS.md).
        var ours = (Lucene.Net.Analysis.CharFilter)ReportAnalyzer.FoldingFilter(new StringReader(text));
        var mapping = new Lucene.Net.Analysis.CharFilters.MappingCharFilter(ReportAnalyzer.Foldings, new StringReader(text));
        var folded = ReadAll(ours);
        Assert.Equal(ReadAll(mapping), folded);
        for (int i = 0; i <= folded.Length; i++) Assert.Equal(mapping.CorrectOffset(i), ours.CorrectOffset(i));
        Assert.NotEqual(text.Contains('’') || text.Contains('\u00AD'), folded == text);
    }

    [Theory]
    [InlineData("Stoke-on-Trent's LAC Health Reviews: CAMHS, SEND and EHCPs in 2019/20")]
    [InlineData("ÀÉÎÕÜ Çà Æsop ĲSSEL Straße İSTANBUL ΣΟΦΙΑ ΟΔΟΣ Кирилл Ǆungla ᾼ 𝐀𝐁𝐂 𐐀𐐁 ＡＢＣ")]
    [InlineData("MiXeD ascii THEN Ünïcödé then ASCII AGAIN")]
    [InlineData("")]
    [InlineData("aa99991794166970\uA4EB\u3E52 documentCoventry\u211A 220173184")] // found by the API's fuzz test: a token filling its buffer
    public void Our_lower_casing_gives_exactly_Analysis_Commons_LowerCaseFilter_tokens(string text)
    {
        static List<string> Tokens(string text, Func<Lucene.Net.Analysis.TokenStream, Lucene.Net.Analysis.TokenStream> lower)
        {
            using var stream = lower(new Lucene.Net.Analysis.Standard.StandardTokenizer(ReportAnalyzer.Version, new StringReader(text)));
            var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
            stream.Reset();
            var tokens = new List<string>();
            while (stream.IncrementToken()) tokens.Add(term.ToString());
            stream.End();
            return tokens;
        }
        var lucene = Tokens(text, s => new Lucene.Net.Analysis.Core.LowerCaseFilter(ReportAnalyzer.Version, s));
        Assert.Equal(lucene, Tokens(text, s => new AsciiFirstLowerCaseFilter(s)));
        if (text.Length > 0) Assert.Contains(lucene, t => t.Any(char.IsLower));
    }

    [Fact]
    public void Our_lower_casing_of_a_token_that_fills_its_buffer_exactly_stays_inside_it()
    {
        // A term's buffer grows in steps; some length of each shape fills it to the last character.
        for (int n = 1; n <= 80; n++)
            foreach (var last in new[] { "É", "Ω", "\U0001D400", "ǅ" })
                Our_lower_casing_gives_exactly_Analysis_Commons_LowerCaseFilter_tokens(new string('A', n) + last + " " + last + new string('b', n));
    }

    [Fact]
    public void Our_lower_casing_gives_Analysis_Commons_tokens_over_every_paragraph_of_the_seeds()
    {
        var texts = Directory.EnumerateFiles(ProjectPaths.Seeds).Select(f => File.ReadAllText(f)).ToList();
        Assert.NotEmpty(texts);
        foreach (var text in texts)
        {
            using var lucene = new Lucene.Net.Analysis.Core.LowerCaseFilter(ReportAnalyzer.Version, new Lucene.Net.Analysis.Standard.StandardTokenizer(ReportAnalyzer.Version, new StringReader(text)));
            using var ours = new AsciiFirstLowerCaseFilter(new Lucene.Net.Analysis.Standard.StandardTokenizer(ReportAnalyzer.Version, new StringReader(text)));
            var a = lucene.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
            var b = ours.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
            lucene.Reset();
            ours.Reset();
            int n = 0;
            while (lucene.IncrementToken())
            {
                Assert.True(ours.IncrementToken());
                Assert.Equal(a.ToString(), b.ToString());
                n++;
            }
            Assert.False(ours.IncrementToken());
            Assert.True(n > 100);
        }
    }

    /// <summary>Reads a char filter to its end (Lucene's readers end with −1 or 0).</summary>
    private static string ReadAll(TextReader reader)
    {
        var sb = new System.Text.StringBuilder();
        var buffer = new char[64];
        int n;
        while ((n = reader.Read(buffer, 0, buffer.Length)) > 0) sb.Append(buffer, 0, n);
        return sb.ToString();
    }
}
