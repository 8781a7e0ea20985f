using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;

namespace SearchService.Search.Analysis;

/// <summary>
/// Lower case exactly as Analysis.Common's <c>LowerCaseFilter</c>, with the ASCII letters done in
/// place: Lucene.Net's filter lowers every token code point by code point through J2N (decode,
/// look up, encode), a seventh of the time a page of snippets took, for text that is almost all
/// ASCII. From the first character above ASCII the rest of the token goes to Lucene's own
/// <see cref="CharacterUtils.ToLower(char[], int, int)"/>, so no token can come out differently (a test compares them).
/// </summary>
internal sealed class AsciiFirstLowerCaseFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly CharacterUtils _characters = CharacterUtils.GetInstance(ReportAnalyzer.Version);

    public AsciiFirstLowerCaseFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        var buffer = _term.Buffer;
        int length = _term.Length;
        for (int i = 0; i < length; i++)
        {
            char c = buffer[i];
            if (c >= 0x80)
            {
                _characters.ToLower(buffer, i, length - i); // Lucene.Net's third argument is a count, not an end
                break;
            }
            if ((uint)(c - 'A') <= 'Z' - 'A') buffer[i] = (char)(c | 0x20);
        }
        return true;
    }
}
