using System.Text.RegularExpressions;
using SearchService.Core;

namespace SearchService.Search.Searching;

/// <summary>A learned acronym a query was expanded with, and which way: the acronym typed and its full form searched, or the other way round.</summary>
/// <param name="Alternative">What was searched besides the words typed.</param>
/// <param name="Definition">The learned definition, with its count, authorities and source paragraph.</param>
public sealed record LearnedExpansion(string Alternative, LearnedAcronym Definition);

/// <summary>
/// The acronyms the indexed documents define (learned at index time, stored with the index:
/// <see cref="AcronymLearner"/>), looked up both ways at query time: the acronym finds its full
/// form, the full form its acronym. A definition printed by one authority's papers only is a
/// local name: its alternative is searched only in that authority's paragraphs (and not at all
/// when the search is filtered to other authorities), because elsewhere the same letters may
/// mean something else. The curated vocabulary wins: an acronym it holds is never expanded with
/// a learned meaning, and a word or phrase it holds is expanded only with its curated group.
/// </summary>
public sealed partial class LearnedVocabulary
{
    private readonly Dictionary<string, List<LearnedAcronym>> _byAcronym = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<LearnedAcronym>> _byFullForm = new(StringComparer.Ordinal);

    public static LearnedVocabulary Empty { get; } = new([]);

    /// <summary>Every learned definition, as stored with the index.</summary>
    public IReadOnlyList<LearnedAcronym> Entries { get; }

    /// <summary>The most words in a full form (how long a run of typed words is looked up).</summary>
    public int MaxWords { get; }

    public LearnedVocabulary(IReadOnlyList<LearnedAcronym> entries)
    {
        Entries = entries;
        foreach (var e in entries)
        {
            Add(_byAcronym, e.Acronym.ToUpperInvariant(), e);
            var key = Synonyms.Key(e.FullForm);
            if (key.Length > 0) Add(_byFullForm, key, e);
            MaxWords = Math.Max(MaxWords, Synonyms.Normalise(e.FullForm).Split(' ').Length);
        }
    }

    private static void Add(Dictionary<string, List<LearnedAcronym>> map, string key, LearnedAcronym e)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(e);
    }

    /// <summary>
    /// The definitions a typed word or phrase matches, with what to search for each: its full form
    /// when the acronym was typed ("GCP", "GCPs", "gcp's"), its acronym when the full form was
    /// typed ("graded care profiles"). Definitions whose acronym the curated vocabulary holds are
    /// left out; local ones only when <paramref name="authorities"/> (the search's authority
    /// filter, resolved names) is empty or names their authority.
    /// </summary>
    public IReadOnlyList<LearnedExpansion> Lookup(string typed, Synonyms curated, IReadOnlyCollection<string> authorities) =>
        Matching(typed).Where(x => Usable(x.Definition, curated, authorities)).ToList();

    /// <summary>
    /// Every definition a typed word or phrase matches, whatever the curated vocabulary and the
    /// search's scope (for listing): by its acronym (plural or possessive: "GCPs", "LADO's"; an
    /// acronym that is also a word only in capitals) or by its full form (as analysed: "graded care profiles").
    /// </summary>
    public IReadOnlyList<LearnedExpansion> Matching(string typed)
    {
        var result = new List<LearnedExpansion>();
        var text = typed.Trim();
        var bare = AcronymForm().Match(text) is { Success: true } m ? m.Groups[1].Value : text;
        if (_byAcronym.TryGetValue(bare.ToUpperInvariant(), out var byAcronym))
            foreach (var e in byAcronym)
            {
                // An acronym that is also a word ("ART") counts only when typed in capitals, as the curated "SEND" does.
                if (e.AlsoAWord && bare.Any(char.IsLower)) continue;
                result.Add(new LearnedExpansion(e.FullForm, e));
            }
        if (_byFullForm.TryGetValue(Synonyms.Key(text), out var byFullForm))
            foreach (var e in byFullForm)
                if (!e.AlsoAWord) result.Add(new LearnedExpansion(e.Acronym, e));
        return result;
    }

    private static bool Usable(LearnedAcronym e, Synonyms curated, IReadOnlyCollection<string> authorities) =>
        curated.Holding(e.Acronym) is null
        && (e.Global || authorities.Count == 0 || e.Authorities.Any(a => authorities.Contains(a, StringComparer.Ordinal)));

    /// <summary>An acronym as typed, with a plural or possessive ending: "GCPs", "GCP's", "gcps'".</summary>
    [GeneratedRegex(@"^([A-Za-z][A-Za-z&]+?)(?:['’]s|s['’]|(?<=[A-Z])s)$")]
    private static partial Regex AcronymForm();
}
