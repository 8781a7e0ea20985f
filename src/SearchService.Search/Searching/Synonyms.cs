using System.Text.RegularExpressions;

namespace SearchService.Search.Searching;

/// <summary>
/// Acronyms and near-synonyms, loaded from one editable file at start and applied at query
/// time, so adding one never needs a rebuild. One group per line, comma-separated; a term of
/// several words is a phrase. Lines starting with '#' are comments.
/// </summary>
public sealed partial class Synonyms
{
    private readonly Dictionary<string, IReadOnlyList<string>> _groups = new(StringComparer.Ordinal);

    public static Synonyms Empty { get; } = new([]);

    public int MaxWords { get; }

    public Synonyms(IEnumerable<IReadOnlyList<string>> groups)
    {
        foreach (var group in groups)
        {
            var terms = group.Select(Normalise).Where(t => t.Length > 0).Distinct().ToList();
            if (terms.Count < 2) continue;
            foreach (var t in terms)
            {
                var existing = _groups.TryGetValue(t, out var e) ? e : [];
                _groups[t] = existing.Concat(terms).Distinct().ToList();
                MaxWords = Math.Max(MaxWords, t.Split(' ').Length);
            }
        }
    }

    public static Synonyms Load(string path)
    {
        var groups = new List<IReadOnlyList<string>>();
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            groups.Add(line.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        }
        return new Synonyms(groups);
    }

    /// <summary>Every term meaning the same as <paramref name="term"/> (itself included), or null if it has none.</summary>
    public IReadOnlyList<string>? Alternatives(string term) =>
        _groups.TryGetValue(Normalise(term), out var group) ? group : null;

    public int Count => _groups.Count;

    /// <summary>Lower case, hyphens and apostrophes folded, single spaces: "Looked-after" = "looked after".</summary>
    public static string Normalise(string term) =>
        Spaces().Replace(term.ToLowerInvariant().Replace('’', '\'').Replace('-', ' ').Trim(), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
