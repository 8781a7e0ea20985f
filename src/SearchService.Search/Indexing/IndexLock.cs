using System.Globalization;

namespace SearchService.Search.Indexing;

/// <summary>
/// The one-writer rule for an index folder: an exclusive operating-system lock on
/// <c>{folder}/build.lock</c>, held for the whole of a build or rollback. It excludes other
/// processes (the CLI beside a server's admin reindex) as well as other threads, and the kernel
/// releases it when the holder dies, so a killed build never leaves the folder locked.
/// </summary>
public sealed class IndexLock : IDisposable
{
    public const string FileName = "build.lock";
    private const string HolderFileName = "build.holder";

    private readonly FileStream _stream;
    private readonly string _holderPath;

    private IndexLock(FileStream stream, string holderPath)
    {
        _stream = stream;
        _holderPath = holderPath;
    }

    /// <summary>Takes the lock at once, or throws <see cref="IndexBuildRefusedException"/> naming who holds it.</summary>
    public static IndexLock Acquire(string folder, string purpose, TimeProvider? clock = null)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        var holderPath = Path.Combine(folder, HolderFileName);
        FileStream stream;
        try
        {
            // FileShare.None is an exclusive flock(2) on Unix and a sharing lock on Windows: both cross-process.
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (File.Exists(path))
        {
            string holder = "";
            try { holder = File.ReadAllText(holderPath).Trim(); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
            throw new IndexBuildRefusedException(BuildRefusal.AnotherBuildRunning,
                $"Another build is running on this index{(holder.Length > 0 ? $" ({holder})" : "")}; the served index is unchanged. Try again when it has finished.");
        }
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        try
        {
            File.WriteAllText(holderPath, string.Create(CultureInfo.InvariantCulture,
                $"{purpose}, process {Environment.ProcessId}, started {now:yyyy-MM-dd HH:mm:ss}Z"));
        }
        catch (IOException) { } // only a courtesy for the message above; the lock is what counts
        catch (UnauthorizedAccessException) { }
        return new IndexLock(stream, holderPath);
    }

    public void Dispose()
    {
        try { File.Delete(_holderPath); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        _stream.Dispose();
    }
}

/// <summary>Why a build (or rollback) was refused before it touched the served index.</summary>
public enum BuildRefusal
{
    /// <summary>Another process or thread holds the build lock.</summary>
    AnotherBuildRunning,
    /// <summary>A path given to index does not exist.</summary>
    MissingSources,
    /// <summary>No sources were configured or given.</summary>
    NoSources,
    /// <summary>The build found no documents.</summary>
    NoDocuments,
    /// <summary>The build found markedly fewer documents than the served index holds.</summary>
    FewerDocuments,
    /// <summary>A rollback found no earlier generation to restore.</summary>
    NoPreviousGeneration,
}

/// <summary>A build or rollback refused with its reason; the served index is as it was.</summary>
public sealed class IndexBuildRefusedException(BuildRefusal reason, string message) : Exception(message)
{
    public BuildRefusal Reason { get; } = reason;
}

/// <summary>The new generation could not be written (disk full, read-only, …); the served index is as it was.</summary>
public sealed class IndexStorageException(string message, Exception inner) : Exception(message, inner);
