using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace SearchService.Search.Analysis;

/// <summary>
/// English analysis for report text, the same at index and query time:
/// curly quotes folded to straight, hyphens inside words removed ("well-being" = "wellbeing"),
/// Unicode word tokens, possessives removed, lower case, and KStem, which joins plural and
/// singular and common derivations (placement/placements) without the over-stemming of Porter.
/// Stop words are kept, so phrases such as "children in care" match exactly.
/// </summary>
public sealed class ReportAnalyzer : Analyzer
{
    public static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader) { MaxTokenLength = 60 };
        TokenStream stream = new EnglishPossessiveFilter(Version, tokenizer);
        stream = new LowerCaseFilter(Version, stream);
        stream = new KStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) => new SpellingFoldingCharFilter(reader);

    /// <summary>The terms of a text, in order (for query building and tests).</summary>
    public IReadOnlyList<string> Terms(string text, string field = "text")
    {
        var terms = new List<string>();
        if (string.IsNullOrEmpty(text)) return terms;
        using var ts = GetTokenStream(field, text);
        var term = ts.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        ts.Reset();
        while (ts.IncrementToken()) terms.Add(term.ToString());
        ts.End();
        return terms;
    }

    /// <summary>Terms with their character offsets in <paramref name="text"/>.</summary>
    public IReadOnlyList<(string Term, int Start, int End)> TermsWithOffsets(string text, string field = "text")
    {
        var terms = new List<(string, int, int)>();
        VisitTerms(text, (term, start, end) => terms.Add((term.ToString(), start, end)), field);
        return terms;
    }

    /// <summary>
    /// Calls <paramref name="visit"/> with each term and its character offsets, without making a
    /// string per term: snippets analyse every hit on every page, and most terms are not looked at.
    /// </summary>
    public void VisitTerms(string text, TermVisitor visit, string field = "text")
    {
        if (string.IsNullOrEmpty(text)) return;
        using var ts = GetTokenStream(field, text);
        var term = ts.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        var offset = ts.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IOffsetAttribute>();
        ts.Reset();
        while (ts.IncrementToken()) visit(term.Buffer.AsSpan(0, term.Length), offset.StartOffset, offset.EndOffset);
        ts.End();
    }
}

/// <summary>Receives one analysed term (valid only during the call) and its offsets in the original text.</summary>
public delegate void TermVisitor(ReadOnlySpan<char> term, int start, int end);
