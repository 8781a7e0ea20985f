using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using SearchService.Core.Model;

namespace SearchService.Core.Metadata;

/// <summary>
/// The one authority resolver: the gazetteer of English children's services authorities
/// (Data/local-authorities.csv, embedded) and how a name in any of its printed forms finds its row.
/// <para>
/// A phrase names an authority when, after council and trust decorations are taken off ("the",
/// "London Borough of", "City of", "Metropolitan Borough", "Council", "Children's Services Trust",
/// a possessive "'s"), what is left is one of the authority's names: its own, the ONS form, the
/// gazetteer's also-known-as forms, the extra names in Data/extra-names.csv, and the short form of a
/// joined name ("Newcastle" for Newcastle upon Tyne, "Stoke" for Stoke-on-Trent) where no other
/// authority shares it. Nothing is guessed: a phrase that names no row, or two, resolves to null.
/// </para>
/// </summary>
public static partial class Authorities
{
    /// <summary>The authority shown for a document whose authority could not be resolved.</summary>
    public const string Unresolved = ReportDocument.UnresolvedAuthority;

    private static readonly Lazy<Index> Gazetteer = new(() => new Index(LoadEmbedded()));

    /// <summary>Every authority in the gazetteer, in its order.</summary>
    public static IReadOnlyList<LocalAuthority> All => Gazetteer.Value.Authorities;

    /// <summary>The names the project files authorities under.</summary>
    public static IReadOnlyList<string> Canonical => Gazetteer.Value.Authorities.Select(a => a.Name).ToList();

    /// <summary>The authority filed under this exact name, or null.</summary>
    public static LocalAuthority? ByName(string name) => Gazetteer.Value.ByName.GetValueOrDefault(name);

    /// <summary>The authority with this DfE local authority code ("331"), or null.</summary>
    public static LocalAuthority? ByLaCode(string laCode) => Gazetteer.Value.ByLaCode.GetValueOrDefault(laCode.Trim());

    /// <summary>
    /// The authority a user names by DfE code ("331"), ONS code ("E08000026") or any name
    /// <see cref="Resolve"/> knows ("Coventry", "Hull"), or null.
    /// </summary>
    public static LocalAuthority? Find(string nameOrCode)
    {
        var t = nameOrCode.Trim();
        return ByLaCode(t) ?? Gazetteer.Value.Authorities.FirstOrDefault(a => a.OnsCode.Equals(t, StringComparison.OrdinalIgnoreCase)) ?? Resolve(t);
    }

    /// <summary>The authority's ten statistical neighbours in the DfE's order, closest first (none for a replaced authority).</summary>
    public static IReadOnlyList<LocalAuthority> NeighboursOf(LocalAuthority authority) =>
        authority.StatisticalNeighbours.Select(ByLaCode).OfType<LocalAuthority>().ToList();

    /// <summary>
    /// Replaced since by other authorities (Cumbria, Northamptonshire, Poole in today's gazetteer):
    /// the DfE publishes statistical neighbours only for current authorities, and the gazetteer
    /// leaves a replaced one's empty (its type is empty for two of the three, but Cumbria keeps "County").
    /// </summary>
    public static bool IsReplaced(LocalAuthority authority) => authority.StatisticalNeighbours.Count == 0 || authority.Type is null;

    /// <summary>
    /// The authority a phrase names as a whole ("Coventry City Council", "Inspection of" removed
    /// titles' "Bath and North East Somerset", "Royal Borough of Kensington and Chelsea",
    /// "Doncaster Children's Services Trust", "Coventry's"), or null when it names none or is ambiguous.
    /// </summary>
    public static LocalAuthority? Resolve(string phrase) => Gazetteer.Value.Resolve(phrase);

    /// <summary>The canonical name for a phrase (see <see cref="Resolve"/>), or null.</summary>
    public static string? Canonicalise(string phrase) => Resolve(phrase)?.Name;

    /// <summary>
    /// The first authority named in a document's running text: a full name set with a capital
    /// letter (so "reading" or "bury" the words are not Reading or Bury), the longest name where
    /// names overlap ("North Somerset", not "Somerset"). Short forms are not used here.
    /// </summary>
    public static LocalAuthority? FindNamedIn(string text) => Gazetteer.Value.Find(text, requireCapital: true);

    /// <summary>The first authority named in text a user typed, in any case ("what did coventry get"), or null.</summary>
    public static string? FindIn(string text) => Gazetteer.Value.Find(text, requireCapital: false)?.Name;

    /// <summary>Everyday names people type for an authority ("Stoke", "Hull", "BCP", "Coventry's"): the canonical name or null.</summary>
    public static string? FromUserText(string text) => Resolve(text)?.Name;

    /// <summary>The embedded copy of the gazetteer, as shipped (for the drift check against the shared file).</summary>
    public static string EmbeddedCsv() => ReadResource("local-authorities.csv");

    // ---- Loading -------------------------------------------------------------------------------

    private static (List<LocalAuthority> Rows, List<(string Name, string Of)> Extra) LoadEmbedded()
    {
        var rows = Csv(EmbeddedCsv()).Skip(1).Select(FromRow).ToList();
        var extra = Csv(ReadResource("extra-names.csv")).Skip(1).Select(r => (r[0], r[1])).ToList();
        return (rows, extra);
    }

    private static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SearchService.Core.Metadata.Data." + name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from SearchService.Core");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static LocalAuthority FromRow(string[] r) => new(
        Name: ProjectName(r[3]),
        OnsName: r[3],
        OfstedUrn: r[0],
        LaCode: r[1],
        OnsCode: r[2],
        Region: r[5],
        Type: r[6].Length == 0 ? null : r[6],
        AlsoKnownAs: r[4].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
        StatisticalNeighbours: r[7].Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// The name reports use, from the ONS name: inverted forms set right ("Bristol, City of" →
    /// "Bristol"), "St." as "St", a trailing "Borough" dropped ("Bedford Borough" → "Bedford"), and
    /// joining words in lower case ("Kingston Upon Hull" → "Kingston upon Hull").
    /// </summary>
    internal static string ProjectName(string onsName)
    {
        var n = InvertedCity().Replace(onsName.Trim(), "$1");
        n = n.Replace("St. ", "St ", StringComparison.Ordinal);
        n = TrailingBorough().Replace(n, "");
        return JoiningWord().Replace(n, m => m.Value.ToLowerInvariant());
    }

    /// <summary>Rows of a small comma-separated file; a quoted value may hold commas.</summary>
    private static IEnumerable<string[]> Csv(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var l = line.TrimEnd('\r');
            if (l.Length == 0) continue;
            var cells = new List<string>();
            var cell = new StringBuilder();
            bool quoted = false;
            foreach (char c in l)
            {
                if (c == '"') quoted = !quoted;
                else if (c == ',' && !quoted) { cells.Add(cell.ToString()); cell.Clear(); }
                else cell.Append(c);
            }
            cells.Add(cell.ToString());
            yield return cells.ToArray();
        }
    }

    // ---- Matching ------------------------------------------------------------------------------

    /// <summary>A word of text: folded for comparison, where it starts, and whether it starts with a capital.</summary>
    private readonly record struct Token(string Folded, int Start, bool Capital);

    /// <summary>
    /// Words folded for comparison: lower case, apostrophes and a possessive "'s" dropped, "&amp;"
    /// read as "and", "St." and "Saint" as "st"; hyphens and punctuation separate words.
    /// </summary>
    private static List<Token> Tokens(string text)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '&') { tokens.Add(new Token("and", i, false)); i++; continue; }
            if (!char.IsLetterOrDigit(c)) { i++; continue; }
            int start = i;
            var sb = new StringBuilder();
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || (text[i] is '\'' or '’' && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
            {
                sb.Append(text[i]);
                i++;
            }
            var word = sb.ToString().ToLowerInvariant().Replace('’', '\'');
            if (word.EndsWith("'s", StringComparison.Ordinal)) word = word[..^2];
            word = word.Replace("'", "", StringComparison.Ordinal);
            if (word == "saint") word = "st";
            tokens.Add(new Token(word, start, char.IsUpper(c)));
        }
        return tokens;
    }

    private static string Key(IEnumerable<Token> tokens) => string.Join(' ', tokens.Select(t => t.Folded));

    private static string Key(string name) => Key(Tokens(name));

    // Decorations around a name, folded: council titles before it, council and trust titles after it.
    private static readonly HashSet<string> PrefixWords = ["the", "london", "royal", "metropolitan", "borough", "of", "county", "city", "council"];
    private static readonly HashSet<string> SuffixWords = ["council", "borough", "metropolitan", "district", "county", "city", "unitary", "authority", "local", "corporation", "of"];
    private static readonly string[][] SuffixPhrases =
    [
        ["children", "services", "trust"], ["children", "and", "families", "trust"], ["children", "trust"], ["children", "first"],
        ["children", "services"], ["local", "authority"], ["safeguarding", "children", "board"], ["safeguarding", "children", "partnership"],
    ];

    private sealed class Index
    {
        public List<LocalAuthority> Authorities { get; }
        public Dictionary<string, LocalAuthority> ByName { get; }
        public Dictionary<string, LocalAuthority> ByLaCode { get; }
        // Full names (safe in running text) and short forms (only for a phrase that is nothing else);
        // a null value marks a name two authorities share, which therefore names neither.
        private readonly Dictionary<string, LocalAuthority?> _full = new(StringComparer.Ordinal);
        private readonly Dictionary<string, LocalAuthority?> _short = new(StringComparer.Ordinal);
        private readonly int _longest;

        public Index((List<LocalAuthority> Rows, List<(string Name, string Of)> Extra) data)
        {
            Authorities = data.Rows;
            ByName = data.Rows.ToDictionary(a => a.Name, StringComparer.Ordinal);
            ByLaCode = data.Rows.ToDictionary(a => a.LaCode, StringComparer.Ordinal);
            foreach (var a in data.Rows)
            {
                Add(_full, a.Name, a);
                Add(_full, a.OnsName, a);
                Add(_full, InvertedCity().Replace(a.OnsName, "City of $1"), a);
                foreach (var aka in a.AlsoKnownAs) Add(_full, aka, a);
            }
            foreach (var (name, of) in data.Extra)
                Add(_full, name, ByName.GetValueOrDefault(of) ?? throw new InvalidOperationException($"extra-names.csv: '{of}' is not a gazetteer name"));
            foreach (var a in data.Rows)
                if (ShortForm(a.Name) is { } s && !_full.ContainsKey(Key(s))) Add(_short, s, a);
            _longest = _full.Keys.Max(k => k.Count(c => c == ' ') + 1);
        }

        private static void Add(Dictionary<string, LocalAuthority?> names, string name, LocalAuthority a)
        {
            var key = Key(name);
            if (key.Length == 0) return;
            names[key] = names.TryGetValue(key, out var other) && other is not null && other != a ? null : a;
        }

        /// <summary>"Newcastle" for "Newcastle upon Tyne", "Stoke" for "Stoke-on-Trent", "Telford" for "Telford and Wrekin".</summary>
        private static string? ShortForm(string name)
        {
            if (name.Contains(',')) return null;
            var m = JoinedName().Match(name);
            return m.Success ? m.Groups[1].Value : null;
        }

        public LocalAuthority? Resolve(string phrase)
        {
            var tokens = Tokens(phrase);
            while (tokens.Count > 0)
            {
                var key = Key(tokens);
                if (_full.TryGetValue(key, out var full)) return full;
                if (_short.TryGetValue(key, out var shortName)) return shortName;
                if (PrefixWords.Contains(tokens[0].Folded)) { tokens.RemoveAt(0); continue; }
                if (SuffixWords.Contains(tokens[^1].Folded)) { tokens.RemoveAt(tokens.Count - 1); continue; }
                var phraseAfter = SuffixPhrases.FirstOrDefault(s => s.Length < tokens.Count && tokens.TakeLast(s.Length).Select(t => t.Folded).SequenceEqual(s));
                if (phraseAfter is null) return null;
                tokens.RemoveRange(tokens.Count - phraseAfter.Length, phraseAfter.Length);
            }
            return null;
        }

        public LocalAuthority? Find(string text, bool requireCapital)
        {
            var tokens = Tokens(text);
            for (int i = 0; i < tokens.Count; i++)
            {
                if (requireCapital && !tokens[i].Capital) continue;
                for (int n = Math.Min(_longest, tokens.Count - i); n >= 1; n--)
                    if (_full.TryGetValue(Key(tokens.Skip(i).Take(n)), out var a) && a is not null) return a;
            }
            return null;
        }
    }

    [GeneratedRegex(@"^(.+), City of$")]
    private static partial Regex InvertedCity();

    [GeneratedRegex(@" Borough$")]
    private static partial Regex TrailingBorough();

    [GeneratedRegex(@"(?<=\S )(Upon|On|And|Of|With|Under)(?= )")]
    private static partial Regex JoiningWord();

    [GeneratedRegex(@"^(.+?)(?: upon | and | with |-on-)")]
    private static partial Regex JoinedName();
}
