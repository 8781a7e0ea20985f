using System.Text.RegularExpressions;
using SearchService.Core.Prose;
using SearchService.Search.Analysis;

namespace SearchService.Search.Searching;

/// <summary>One group of the vocabulary: terms that mean the same thing, where the group comes from, and its line in the file.</summary>
/// <param name="Name">The group's first term (the form the reports print most).</param>
/// <param name="Terms">Every term, as written in the file (a term in capitals is matched only when typed in capitals).</param>
/// <param name="Source">The statute, guidance or practice the terms come from.</param>
/// <param name="Line">The line of the file (0 for groups not read from a file).</param>
public sealed record VocabularyGroup(string Name, IReadOnlyList<string> Terms, string Source, int Line);

/// <summary>A vocabulary file that cannot be used, naming the file and line.</summary>
public sealed class VocabularyFormatException(string file, int line, string reason)
    : Exception($"{file} line {line}: {reason}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string Reason { get; } = reason;
}

/// <summary>What the index holds, for keeping only the variants it could match.</summary>
public interface IVocabularyStatistics
{
    /// <summary>How many paragraphs hold an analysed term.</summary>
    long DocumentFrequency(string term);

    /// <summary>How many paragraphs hold a phrase (as typed; analysed by the caller's analyzer).</summary>
    long PhraseFrequency(string phrase);

    /// <summary>A text's terms as the index analyses them.</summary>
    IReadOnlyList<string> Terms(string text);
}

/// <summary>Which of the query-time bridges between an analyst's words and a report's words are on (all, unless measuring one without the others).</summary>
[Flags]
public enum VocabularyMechanisms
{
    None = 0,

    /// <summary>The curated groups, looked up by the words as typed.</summary>
    Groups = 1,

    /// <summary>Groups also looked up by the analysed form (plurals and possessives: "IROs", "UASC's", "care orders"), and acronym plurals the stemmer keeps ("PAs").</summary>
    Forms = 2,

    /// <summary>American spellings searched with the British ones the reports print ("radicalization", "behavior", "program").</summary>
    Spellings = 4,

    /// <summary>Closed and split compounds joined ("multiagency" / "multi-agency", "wellbeing" / "well being").</summary>
    Compounds = 8,

    /// <summary>Acronyms the indexed documents define, learned at index time (<see cref="LearnedVocabulary"/>).</summary>
    Learned = 16,

    All = Groups | Forms | Spellings | Compounds | Learned,
}

/// <summary>
/// The vocabulary of children's social care: acronyms, statutory terms and the sector's other
/// words, loaded from one editable file at start-up and applied at query time, so editing it
/// never needs a rebuild (restart the API). Format: one group per line, <c>term, term, term&lt;TAB&gt;source</c>;
/// a term of several words is a phrase; a term written in capitals ("SEND") is an acronym that
/// is also an ordinary word, so it is expanded only when typed in capitals and never searched as
/// another term's alternative (the index is case-folded). Lines starting with '#' are comments.
/// <para>
/// Besides the groups, spelling and compound variants are found at query time and kept only
/// when the index holds them, so nothing is invented and proper names are never rewritten.
/// </para>
/// </summary>
public sealed partial class Synonyms
{
    private readonly Dictionary<string, VocabularyGroup> _byTerm = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VocabularyGroup> _byKey = new(StringComparer.Ordinal);
    // Analysers reuse their components per thread, so one shared instance serves every caller.
    private static readonly ReportAnalyzer Analyzer = new();

    public static Synonyms Empty { get; } = new(Array.Empty<VocabularyGroup>());

    /// <summary>The groups, in the file's order.</summary>
    public IReadOnlyList<VocabularyGroup> Groups { get; }

    public VocabularyMechanisms Mechanisms { get; }

    /// <summary>
    /// How much a match on a near-synonym counts against a match on the words as typed (a boost
    /// on its clause): below 1, paragraphs in the user's own words rank first and the vocabulary
    /// fills in where they are missing. Measured on the relevance sets (BENCHMARKS.md).
    /// </summary>
    public float AlternativeWeight { get; init; } = 0.01f;

    /// <summary>The most words in a term (how long a run of typed words is looked up).</summary>
    public int MaxWords { get; }

    /// <summary>
    /// The weight of searching <paramref name="alternative"/> for <paramref name="typed"/>: full for
    /// the words an acronym typed stands for (its letters are their initials: "LSCB" → "local
    /// safeguarding children board"), <see cref="AlternativeWeight"/> for everything else.
    /// </summary>
    public float WeightOf(string typed, string alternative) =>
        Abbreviates(Normalise(typed), Normalise(alternative)) ? 1f : AlternativeWeight;

    /// <summary>Whether <paramref name="acronym"/> is the initials of <paramref name="words"/> ("neet": "not in education, employment or training"), with or without the small words.</summary>
    private static bool Abbreviates(string acronym, string words)
    {
        if (!IsAcronymLike(acronym) || !words.Contains(' ')) return false;
        var letters = new string(acronym.Where(char.IsLetter).ToArray());
        var parts = words.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        static string Initials(IEnumerable<string> ws) => new(ws.Where(w => char.IsLetter(w[0])).Select(w => w[0]).ToArray());
        return letters.Length >= 2 && (Initials(parts) == letters || Initials(parts.Where(w => !SmallWords.Contains(w))) == letters);
    }

    private static readonly HashSet<string> SmallWords = new(StringComparer.Ordinal) { "and", "of", "the", "for", "in", "or", "to", "with", "on", "at", "from", "and/or" };

    /// <summary>Groups without sources (for tests and callers that build them in code).</summary>
    public Synonyms(IEnumerable<IReadOnlyList<string>> groups)
        : this(groups.Where(g => g.Count > 0).Select(g => new VocabularyGroup(g[0], g, "", 0))) { }

    public Synonyms(IEnumerable<VocabularyGroup> groups, VocabularyMechanisms mechanisms = VocabularyMechanisms.All)
    {
        Mechanisms = mechanisms;
        var kept = new List<VocabularyGroup>();
        foreach (var group in groups)
        {
            var terms = group.Terms.Where(t => Normalise(t).Length > 0).DistinctBy(Normalise).ToList();
            if (terms.Count < 2) continue;
            var g = group with { Terms = terms };
            kept.Add(g);
            foreach (var t in terms)
            {
                _byTerm.TryAdd(Normalise(t), g);
                var key = Key(t);
                if (key.Length > 0) _byKey.TryAdd(key, g);
                MaxWords = Math.Max(MaxWords, Normalise(t).Split(' ').Length);
            }
        }
        Groups = kept;
        // Two typed words may be a split compound ("well being"), looked up as a run.
        if (mechanisms.HasFlag(VocabularyMechanisms.Compounds)) MaxWords = Math.Max(MaxWords, 2);
    }

    /// <summary>The same groups with only some mechanisms on (for measuring what each adds).</summary>
    public Synonyms With(VocabularyMechanisms mechanisms) => new(Groups, mechanisms) { AlternativeWeight = AlternativeWeight };

    /// <summary>Reads and checks a vocabulary file: a malformed line is a <see cref="VocabularyFormatException"/> naming it.</summary>
    public static Synonyms Load(string path)
    {
        var groups = new List<VocabularyGroup>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            var parts = line.Split('\t');
            if (parts.Length != 2)
                throw new VocabularyFormatException(path, number, parts.Length == 1
                    ? "expected the terms, a tab, then the source; there is no tab"
                    : $"expected the terms, a tab, then the source; there are {parts.Length - 1} tabs");
            var source = parts[1].Trim();
            if (source.Length == 0) throw new VocabularyFormatException(path, number, "the source after the tab is empty");
            var terms = parts[0].Split(',').Select(t => t.Trim()).ToList();
            if (terms.Any(t => t.Length == 0)) throw new VocabularyFormatException(path, number, "an empty term (two commas together, or a comma at an end)");
            if (terms.FirstOrDefault(t => !t.Any(char.IsLetterOrDigit)) is { } bad) throw new VocabularyFormatException(path, number, $"the term '{bad}' has no letters or digits");
            if (terms.Count < 2) throw new VocabularyFormatException(path, number, "a group needs at least two terms");
            foreach (var t in terms)
            {
                var n = Normalise(t);
                if (seen.TryGetValue(n, out int other))
                    throw new VocabularyFormatException(path, number, other == number ? $"the term '{t}' is twice in the group" : $"the term '{t}' is already in the group on line {other}");
                seen[n] = number;
            }
            groups.Add(new VocabularyGroup(terms[0], terms, source, number));
        }
        return new Synonyms(groups);
    }

    /// <summary>Every term of the group holding <paramref name="term"/> (itself included), or null if it has none.</summary>
    public IReadOnlyList<string>? Alternatives(string term) => Find(term, useKey: false)?.Terms.Select(Normalise).ToList();

    /// <summary>The group a typed word or phrase belongs to, if any, with its matching term.</summary>
    public VocabularyGroup? Find(string typed, bool useKey = true)
    {
        if (!Mechanisms.HasFlag(VocabularyMechanisms.Groups)) return null;
        var group = _byTerm.GetValueOrDefault(Normalise(typed));
        if (group is null && useKey && Mechanisms.HasFlag(VocabularyMechanisms.Forms))
        {
            group = _byKey.GetValueOrDefault(Key(typed));
            // "PAs": the stemmer keeps some acronym plurals whole; an acronym typed in capitals with a plural s is the acronym.
            if (group is null && AcronymPlural().Match(typed.Trim()) is { Success: true } m) group = _byTerm.GetValueOrDefault(Normalise(m.Groups[1].Value));
        }
        if (group is null) return null;
        // An acronym that is also a word ("SEND") counts only when typed as the acronym.
        var term = group.Terms.FirstOrDefault(t => Normalise(t) == Normalise(typed) || Key(t) == Key(typed));
        if (term is not null && IsCaseSensitive(term) && !typed.Trim().StartsWith(term, StringComparison.Ordinal)) return null;
        return group;
    }

    /// <summary>
    /// What a typed word or phrase is searched as besides itself: its group's other terms
    /// (not the case-sensitive ones), acronym plurals the index holds, and spelling and compound
    /// variants the index holds (null <paramref name="index"/>: no index at hand, so only the groups).
    /// </summary>
    internal List<string> Variants(string typed, IVocabularyStatistics? index)
    {
        var result = new List<string>();
        if ((Find(typed) ?? ByVariant(typed, index)) is { } group)
        {
            foreach (var t in group.Terms)
            {
                if (IsCaseSensitive(t)) continue;
                result.Add(Normalise(t));
                // Acronym plurals the stemmer keeps whole ("PAs" is indexed as "pas", not "pa").
                if (Mechanisms.HasFlag(VocabularyMechanisms.Forms) && index is not null && IsAcronymLike(t)
                    && string.Join(' ', index.Terms(t + "s")) is var plural && plural != string.Join(' ', index.Terms(t)) && index.DocumentFrequency(plural) > 0)
                    result.Add(Normalise(t) + "s");
            }
        }
        if (index is null) return result;
        if (Mechanisms.HasFlag(VocabularyMechanisms.Spellings))
        {
            foreach (var v in SpellingVariants.Of(typed))
                if (Held(v, index)) result.Add(v);
        }
        if (Mechanisms.HasFlag(VocabularyMechanisms.Compounds))
        {
            foreach (var v in CompoundVariants.Of(typed))
            {
                if (!Held(v, index)) continue;
                // Either form is kept only when the reports print it often enough against the other
                // ("multi agency" for "multiagency"; never "pre sent" for "present", nor a stray "careexperienced").
                bool isSplit = CompoundVariants.IsSplit(v);
                long splitCount = index.PhraseFrequency(isSplit ? v : typed);
                long closedCount = index.Terms(isSplit ? typed : v).Sum(index.DocumentFrequency);
                long variantCount = isSplit ? splitCount : closedCount, typedCount = isSplit ? closedCount : splitCount;
                if (variantCount < Math.Max(1, typedCount / 20)) continue;
                result.Add(v);
            }
        }
        return result;
    }

    /// <summary>
    /// The group of the British spelling or the other compound form of a typed term the groups
    /// lack as typed ("challenging behavior" → the group of "challenging behaviour"), when the
    /// index holds that form: a variant is searched with its group, as the form the reports print would be.
    /// </summary>
    private VocabularyGroup? ByVariant(string typed, IVocabularyStatistics? index)
    {
        if (index is null) return null;
        var forms = Enumerable.Empty<string>();
        if (Mechanisms.HasFlag(VocabularyMechanisms.Spellings)) forms = forms.Concat(SpellingVariants.Of(typed));
        if (Mechanisms.HasFlag(VocabularyMechanisms.Compounds)) forms = forms.Concat(CompoundVariants.Of(typed));
        return forms.Where(v => Held(v, index)).Select(v => Find(v)).FirstOrDefault(g => g is not null);
    }

    private static bool Held(string text, IVocabularyStatistics index)
    {
        var terms = index.Terms(text);
        return terms.Count > 0 && terms.All(t => index.DocumentFrequency(t) > 0);
    }

    public int Count => _byTerm.Count;

    /// <summary>The curated group that holds the term in any case or form (null when none, or the groups are off): a learned meaning of it never overrides the group.</summary>
    public VocabularyGroup? Holding(string term) =>
        !Mechanisms.HasFlag(VocabularyMechanisms.Groups) ? null : _byTerm.GetValueOrDefault(Normalise(term)) ?? _byKey.GetValueOrDefault(Key(term));

    /// <summary>A term written with capital letters in the file.</summary>
    public static bool IsCaseSensitive(string term) => term.Any(char.IsUpper);

    private static bool IsAcronymLike(string term) => term.Length <= 6 && !term.Contains(' ') && term.All(char.IsLetterOrDigit);

    /// <summary>The term as the index holds it (analysed words joined by spaces): "IROs", "iro's" and "IRO" share one.</summary>
    internal static string Key(string term) => string.Join(' ', Analyzer.QueryTerms(term));

    /// <summary>Lower case, hyphens and apostrophes folded, single spaces: "Looked-after" = "looked after".</summary>
    public static string Normalise(string term) =>
        WhiteSpace.Fold(term.ToLowerInvariant().Replace('’', '\'').Replace('-', ' ').Trim());

    [GeneratedRegex(@"^([A-Z][A-Z0-9&]+)(?:s|['’]s|s['’])$")]
    private static partial Regex AcronymPlural();
}
