using System.Text.RegularExpressions;
using SearchService.Core.Enrichment;
using SearchService.Core.Model;

namespace SearchService.Core;

/// <summary>
/// An acronym the documents define, learned at index time: the acronym and full form as printed
/// most often, how many paragraphs define it, the authorities whose papers do, and the first
/// paragraph that does (its id and citation). <see cref="Global"/> when two or more authorities
/// define it; otherwise it is a local name, true only in that authority's papers.
/// </summary>
/// <param name="AlsoAWord">The reports also print the acronym in lower case as an ordinary word ("art", "send"): it is then expanded only when typed in capitals, and never searched for its full form (the index is case-folded).</param>
public sealed record LearnedAcronym(
    string Acronym,
    string FullForm,
    int Count,
    IReadOnlyList<string> Authorities,
    string SourceParagraphId,
    string SourceCitation,
    bool AlsoAWord)
{
    /// <summary>Defined in the papers of two or more authorities.</summary>
    public bool Global => Authorities.Count >= 2;
}

/// <summary>
/// Gathers the definitions of the documents of one build (<see cref="AcronymDefinitions"/>) into the
/// learned dictionary. Not thread-safe: fed in order, by the one writer of a build.
/// </summary>
public sealed partial class AcronymLearner
{
    private sealed class Entry
    {
        public Dictionary<string, int> Acronyms { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, int> FullForms { get; } = new(StringComparer.Ordinal);
        public SortedSet<string> Authorities { get; } = new(StringComparer.Ordinal);
        public int Count { get; set; }
        public required string SourceParagraphId { get; init; }
        public required string SourceCitation { get; init; }
    }

    private readonly Dictionary<(string Acronym, string FullForm), Entry> _entries = [];
    private readonly List<(string Acronym, string FullForm)> _order = [];
    // Paragraphs printing each short word in lower case: "art", "send" are words as well as acronyms.
    private readonly Dictionary<string, int> _lowerCase = new(StringComparer.Ordinal);

    /// <summary>How many paragraphs must print an acronym's letters in lower case for it to count as a word too.</summary>
    public int WordThreshold { get; init; } = 3;

    /// <summary>Adds a document's definitions (<see cref="ReportDocument.Definitions"/>) and its lower-case words.</summary>
    public void Add(ReportDocument document)
    {
        foreach (var p in document.Paragraphs)
            foreach (var word in ShortLowerWords().Matches(p.Text).Select(m => m.Value).Distinct(StringComparer.Ordinal))
                _lowerCase[word] = _lowerCase.GetValueOrDefault(word) + 1;
        foreach (var d in document.Definitions)
        {
            var key = (d.Acronym.ToUpperInvariant(), Key(d.FullForm));
            if (!_entries.TryGetValue(key, out var entry))
            {
                var label = document.Paragraphs.FirstOrDefault(p => p.Id == d.ParagraphId)?.Label ?? "";
                entry = new Entry { SourceParagraphId = d.ParagraphId, SourceCitation = Citations.Plain(document, label) };
                _entries[key] = entry;
                _order.Add(key);
            }
            entry.Count++;
            entry.Acronyms[d.Acronym] = entry.Acronyms.GetValueOrDefault(d.Acronym) + 1;
            entry.FullForms[d.FullForm] = entry.FullForms.GetValueOrDefault(d.FullForm) + 1;
            entry.Authorities.Add(document.Authority);
        }
    }

    /// <summary>The learned dictionary, ordered by acronym, then most often defined first.</summary>
    public IReadOnlyList<LearnedAcronym> Build() =>
        _order.Select(k => (Key: k, Entry: _entries[k]))
            .Select(x => new LearnedAcronym(
                MostPrinted(x.Entry.Acronyms), MostPrinted(x.Entry.FullForms), x.Entry.Count, x.Entry.Authorities.ToList(),
                x.Entry.SourceParagraphId, x.Entry.SourceCitation,
                _lowerCase.GetValueOrDefault(x.Key.Acronym.ToLowerInvariant()) >= WordThreshold))
            .OrderBy(a => a.Acronym.ToUpperInvariant(), StringComparer.Ordinal).ThenByDescending(a => a.Count).ThenBy(a => a.FullForm, StringComparer.Ordinal)
            .ToList();

    private static string MostPrinted(Dictionary<string, int> forms) =>
        forms.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;

    /// <summary>A full form as compared: lower case, hyphens as spaces, one space between words, the last word singular ("Multi-agency risk assessment conferences" = "multi agency risk assessment conference").</summary>
    public static string Key(string fullForm) =>
        AcronymDefinitions.Singular(string.Join(' ', fullForm.ToLowerInvariant().Replace('-', ' ').Replace('’', '\'').Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    [GeneratedRegex(@"(?<![\p{L}\-])[a-z]{2,8}(?![\p{L}\-])")]
    private static partial Regex ShortLowerWords();
}
