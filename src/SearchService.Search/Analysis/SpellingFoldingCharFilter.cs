using System.Text;
using Lucene.Net.Analysis.CharFilters;

namespace SearchService.Search.Analysis;

/// <summary>
/// Folds spellings before tokenising: curly apostrophes and quotes become straight ones, so
/// "council’s" and "council's" analyse alike. Hyphens are left to the tokenizer, which splits
/// "well-being" into "well being" and "Stoke-on-Trent" into its words (so "Stoke" finds it);
/// closed compounds such as "wellbeing" are equated with their spaced form in the synonyms file.
/// Offsets into the original text are kept exact, so snippets mark the right characters.
/// </summary>
internal sealed class SpellingFoldingCharFilter : BaseCharFilter
{
    private readonly string _output;
    private int _position;

    public SpellingFoldingCharFilter(TextReader input) : base(input)
    {
        var source = input?.ReadToEnd() ?? "";
        if (source.AsSpan().IndexOfAny(Folded) < 0)
        {
            _output = source; // the common case: nothing to fold, no copy
            return;
        }
        var sb = new StringBuilder(source.Length);
        int removed = 0;
        for (int i = 0; i < source.Length; i++)
        {
            char c = source[i];
            if (c is '\u00AD' or '\u200B')
            {
                // Soft hyphens and zero-width spaces are invisible in print: drop them, keeping offsets exact.
                removed++;
                AddOffCorrectMap(sb.Length, removed);
                continue;
            }
            sb.Append(c switch { '’' or '‘' or '`' => '\'', '“' or '”' => '"', '‐' or '‑' or '–' => '-', _ => c });
        }
        _output = sb.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> Folded = System.Buffers.SearchValues.Create("\u00AD\u200B’‘`“”‐‑–");

    public override int Read(char[] buffer, int index, int count)
    {
        if (_position >= _output.Length) return -1;
        int n = Math.Min(count, _output.Length - _position);
        _output.CopyTo(_position, buffer, index, n);
        _position += n;
        return n;
    }

    public override int Read() => _position < _output.Length ? _output[_position++] : -1;
}
