namespace SearchService.Core.Tests;

/// <summary>Reads the small tab-separated golden tables under Data/: '#' lines are comments.</summary>
internal static class GoldenTable
{
    public static IEnumerable<string[]> Rows(string name) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", name))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'));

    public static IEnumerable<object[]> Cases(string name) => Rows(name).Select(r => r.Cast<object>().ToArray());
}
