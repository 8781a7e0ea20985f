using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using SearchService.Core.Quality;

namespace SearchService.Search.Indexing;

/// <summary>
/// What a generation was built from, written beside its Lucene files once it has been checked; with
/// the files it did not index and why (<see cref="Unread"/>; null in manifests written before it was recorded).
/// </summary>
public sealed record GenerationManifest(
    string Generation,
    DateTimeOffset Created,
    string BuiltBy,
    IReadOnlyList<string> Sources,
    int Files,
    int Documents,
    int Paragraphs,
    bool Forced,
    IReadOnlyList<UnreadFile>? Unread = null);

/// <summary>
/// The layout of an index folder. Each build writes a new generation beside the served one and
/// the served one is named by a pointer file that is replaced atomically (write, flush, rename):
/// <code>
/// {folder}/CURRENT                 the served generation's name, e.g. "0007"
/// {folder}/generations/0007/       a whole Lucene index, with generation.json once checked
/// {folder}/generations/0006/       the generation served before it, kept for rollback
/// {folder}/build.lock              held by whoever is building (see IndexLock)
/// </code>
/// A folder that holds a Lucene index directly (the layout before generations) is served as it is
/// until its first build.
/// </summary>
public static class IndexGenerations
{
    public const string PointerFile = "CURRENT";
    public const string Folder = "generations";
    public const string ManifestFile = "generation.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    /// <summary>The served generation's name, or null when the folder has none (empty, or the older layout).</summary>
    public static string? Current(string folder)
    {
        var pointer = Path.Combine(folder, PointerFile);
        if (!File.Exists(pointer)) return null;
        var name = File.ReadAllText(pointer).Trim();
        return IsName(name) ? name : null;
    }

    /// <summary>The folder Lucene should open: the served generation, or the folder itself in the older layout.</summary>
    public static string ServedPath(string folder) =>
        Current(folder) is { } name ? PathOf(folder, name) : folder;

    public static string PathOf(string folder, string generation) => Path.Combine(folder, Folder, generation);

    /// <summary>Complete generations (those with a manifest), oldest first.</summary>
    public static IReadOnlyList<string> Complete(string folder) =>
        All(folder).Where(g => File.Exists(Path.Combine(PathOf(folder, g), ManifestFile))).ToList();

    /// <summary>The newest complete generation older than the served one: what a rollback restores.</summary>
    public static string? Previous(string folder)
    {
        var current = Current(folder);
        if (current is null) return null;
        return Complete(folder).LastOrDefault(g => Number(g) < Number(current));
    }

    public static GenerationManifest? Manifest(string folder, string generation)
    {
        var path = Path.Combine(PathOf(folder, generation), ManifestFile);
        if (!File.Exists(path)) return null;
        try { return JsonSerializer.Deserialize<GenerationManifest>(File.ReadAllText(path), Json); }
        catch (JsonException) { return null; }
    }

    /// <summary>A new, empty generation folder numbered after every existing one. Call with the build lock held.</summary>
    internal static string Create(string folder)
    {
        var last = All(folder).LastOrDefault();
        long next = last is null ? 1 : Number(last) + 1;
        var name = next.ToString("D4", CultureInfo.InvariantCulture);
        Directory.CreateDirectory(PathOf(folder, name));
        return name;
    }

    internal static void WriteManifest(string folder, GenerationManifest manifest)
    {
        var path = Path.Combine(PathOf(folder, manifest.Generation), ManifestFile);
        WriteDurably(path, JsonSerializer.Serialize(manifest, Json));
    }

    /// <summary>
    /// Serves <paramref name="generation"/> from now on: the pointer is written to a temporary file,
    /// flushed to disk and renamed over the old one, so a reader sees the old name or the new one,
    /// never a half-written one. Then every generation but this one and the one it replaces is removed.
    /// </summary>
    internal static void Switch(string folder, string generation)
    {
        var previous = Current(folder);
        WriteDurably(Path.Combine(folder, PointerFile), generation + "\n");
        Prune(folder, keep: [generation, previous]);
    }

    /// <summary>Removes generations not in <paramref name="keep"/> (older ones and ones a killed build left half-written).</summary>
    internal static void Prune(string folder, IReadOnlyCollection<string?> keep)
    {
        foreach (var g in All(folder).Where(g => !keep.Contains(g)))
        {
            try { Directory.Delete(PathOf(folder, g), recursive: true); }
            catch (IOException) { } // removed on a later build
            catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Removes a generation that was refused or failed; never the served one.</summary>
    internal static void Discard(string folder, string generation)
    {
        if (generation == Current(folder)) return;
        try { Directory.Delete(PathOf(folder, generation), recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static IEnumerable<string> All(string folder)
    {
        var root = Path.Combine(folder, Folder);
        if (!Directory.Exists(root)) return [];
        return Directory.EnumerateDirectories(root).Select(Path.GetFileName).OfType<string>().Where(IsName).OrderBy(Number);
    }

    private static bool IsName(string name) => name.Length is >= 4 and <= 12 && name.All(char.IsAsciiDigit);

    private static long Number(string name) => long.Parse(name, CultureInfo.InvariantCulture);

    private static void WriteDurably(string path, string text)
    {
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(text);
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true); // rename(2): atomic on one file system
    }
}
