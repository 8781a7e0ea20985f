using System.Text;

namespace SearchService.Core.Tests;

/// <summary>One thing a corpus test expected of a report and did not find: which report, which check, what was expected, what was read.</summary>
public sealed record Miss(string File, string Check, string Expected, string Read)
{
    public override string ToString() => $"{File}\t{Check}\t{Expected}\t{Read}";
}

/// <summary>A miss that is known and explained: listed in Data/known-misses/*.tsv with its reason.</summary>
public sealed record KnownMiss(Miss Miss, string Reason);

/// <summary>
/// The ratchet for tests over the published reports. What holds today must keep holding (a miss
/// not on the list fails), and the list may only shrink: a listed miss that no longer happens fails
/// too, until it is taken off the list. A miss whose reading changed is both a new miss and a fixed
/// one, so the list is always exactly what the code does.
/// </summary>
public static class KnownMisses
{
    /// <summary>Reads Data/known-misses/{name}.tsv: file, check, expected, read, reason; '#' lines are comments.</summary>
    public static IReadOnlyList<KnownMiss> Load(string name) =>
        Parse(File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "known-misses", name + ".tsv")), name);

    public static IReadOnlyList<KnownMiss> Parse(IEnumerable<string> lines, string name)
    {
        var list = new List<KnownMiss>();
        int n = 0;
        foreach (var line in lines)
        {
            n++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var c = line.Split('\t');
            if (c.Length != 5 || string.IsNullOrWhiteSpace(c[4]))
                throw new FormatException($"{name}.tsv line {n}: expected 5 tab-separated columns (file, check, expected, read, reason) with a reason");
            list.Add(new KnownMiss(new Miss(c[0], c[1], c[2], c[3]), c[4]));
        }
        return list;
    }

    /// <summary>The misses found that are not listed, and the listed misses that were not found.</summary>
    public static (IReadOnlyList<Miss> New, IReadOnlyList<KnownMiss> Fixed) Compare(IEnumerable<Miss> found, IReadOnlyList<KnownMiss> listed)
    {
        var foundSet = found.ToHashSet();
        var listedSet = listed.Select(k => k.Miss).ToHashSet();
        return (foundSet.Where(m => !listedSet.Contains(m)).OrderBy(m => m.ToString(), StringComparer.Ordinal).ToList(),
                listed.Where(k => !foundSet.Contains(k.Miss)).ToList());
    }

    /// <summary>Null when the misses found are exactly the listed ones; otherwise what to change, and where.</summary>
    public static string? Verdict(string name, IEnumerable<Miss> found, IReadOnlyList<KnownMiss> listed)
    {
        var (unlisted, fixedOnes) = Compare(found, listed);
        if (unlisted.Count == 0 && fixedOnes.Count == 0) return null;
        var sb = new StringBuilder();
        if (unlisted.Count > 0)
        {
            sb.AppendLine($"{unlisted.Count} new miss(es), not in Data/known-misses/{name}.tsv (something that held no longer holds):");
            foreach (var m in unlisted) sb.AppendLine("  " + m);
        }
        if (fixedOnes.Count > 0)
        {
            sb.AppendLine($"{fixedOnes.Count} listed miss(es) no longer happen: take them off Data/known-misses/{name}.tsv:");
            foreach (var k in fixedOnes) sb.AppendLine("  " + k.Miss);
        }
        return sb.ToString();
    }
}
