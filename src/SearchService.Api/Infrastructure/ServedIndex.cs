using Microsoft.Extensions.Options;
using SearchService.Core.Reading;
using SearchService.Search.Indexing;

namespace SearchService.Api.Infrastructure;

/// <summary>
/// The index this server serves, and its state. A missing or damaged index is a state, not a
/// crash: the server starts, <c>/ready</c> is a 503 with the reason, requests that need the index
/// are 503 problems, and the index is opened as soon as a build or rollback makes it usable.
/// </summary>
public sealed partial class ServedIndex(
    IOptions<IndexOptions> indexOptions, IOptions<SearchOptions> searchOptions, IOptions<IngestOptions> ingestOptions,
    Synonyms vocabulary, TimeProvider clock, ILogger<ServedIndex> log) : IDisposable
{
    private readonly object _gate = new();
    private ReportIndex? _index;
    private string _problem = "the index has not been opened yet";
    private (IndexHealth Health, long At)? _health;

    public IndexOptions Settings => indexOptions.Value;

    /// <summary>The readers with the configured per-file limits.</summary>
    public DocumentReaders Readers { get; } = DocumentReaders.Default.With(ingestOptions.Value.ToReadLimits());

    public BuildOptions BuildOptions(string builtBy, bool force) => new()
    {
        BuiltBy = builtBy,
        Force = force,
        MinDocumentRatio = indexOptions.Value.MinDocumentRatio,
        Clock = clock,
    };

    /// <summary>The open index, or an <see cref="IndexUnavailableException"/> (a 503) saying why there is none.</summary>
    public ReportIndex Current => _index ?? TryOpen() ?? throw new IndexUnavailableException($"The index is not available: {_problem}.");

    /// <summary>At start-up: builds the index from the configured sources (or the seeds) when there is none, opens it and checks it.</summary>
    public void Start()
    {
        var folder = Settings.Folder;
        if (!ReportIndex.Exists(folder))
        {
            var sources = Settings.StartupSources;
            LogBuilding(log, string.Join(", ", sources));
            try
            {
                var summary = IndexBuilder.Build(sources, folder, f => { if (f.Error is not null) LogFileProblem(log, f.Path, f.Error); }, Readers, options: BuildOptions("start-up", force: false));
                LogBuilt(log, summary.Documents, summary.Paragraphs, summary.Files, summary.Elapsed.TotalSeconds, summary.Failed);
            }
            catch (Exception e) when (e is IndexBuildRefusedException or IndexStorageException)
            {
                _problem = e.Message;
                LogUnavailable(log, e.Message);
                return;
            }
        }
        var health = Health(fresh: true);
        if (health.Ok) LogServing(log, health.Generation ?? "(single)", health.Documents, health.Paragraphs);
        else LogUnavailable(log, $"{health.Problem}. Rebuild with `index PATH… --index DIR` or roll back with `index rollback --index DIR`");
    }

    /// <summary>Opens the served index if it is not open yet; null (with the reason kept) when it cannot be.</summary>
    private ReportIndex? TryOpen()
    {
        lock (_gate)
        {
            if (_index is not null) return _index;
            var folder = Settings.Folder;
            try
            {
                if (!ReportIndex.Exists(folder))
                {
                    _problem = "there is no index yet";
                    return null;
                }
                _index = ReportIndex.Open(folder, vocabulary, searchOptions.Value.ToLimits());
                return _index;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _problem = IndexHealth.Describe(e);
                return null;
            }
        }
    }

    /// <summary>Whether the index opens and answers a search; checked at most once a second (a probe is three small searches).</summary>
    public IndexHealth Health(bool fresh = false)
    {
        long now = clock.GetTimestamp();
        if (!fresh && _health is { } cached && clock.GetElapsedTime(cached.At, now) < TimeSpan.FromSeconds(1)) return cached.Health;
        var index = _index ?? TryOpen();
        var health = index is null
            ? new IndexHealth(false, IndexGenerations.Current(Settings.Folder), 0, 0, _problem)
            : IndexHealth.Probe(index, IndexGenerations.Current(Settings.Folder));
        _health = (health, now);
        return health;
    }

    /// <summary>Picks up a new commit or generation (written by the CLI, an admin call, or a rollback).</summary>
    public void Refresh()
    {
        var index = _index ?? TryOpen();
        if (index is null) return;
        try
        {
            if (index.Refresh()) _health = null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogRefreshFailed(log, IndexHealth.Describe(e));
        }
    }

    public void Dispose() => _index?.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "No index yet: building it from {Sources}")]
    private static partial void LogBuilding(ILogger logger, string sources);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{File}: {Reason}")]
    private static partial void LogFileProblem(ILogger logger, string file, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexed {Documents} documents, {Paragraphs} paragraphs from {Files} files in {Seconds:0.0} s ({Failed} failed)")]
    private static partial void LogBuilt(ILogger logger, int documents, int paragraphs, int files, double seconds, int failed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving index generation {Generation}: {Documents} documents, {Paragraphs} paragraphs")]
    private static partial void LogServing(ILogger logger, string generation, int documents, int paragraphs);

    [LoggerMessage(Level = LogLevel.Error, Message = "The index is not usable; /ready answers 503 until it is: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Switching to the new index failed ({Reason}); still serving the previous one")]
    private static partial void LogRefreshFailed(ILogger logger, string reason);
}

/// <summary>Picks up new commits and generations written by another process every two seconds.</summary>
public sealed class IndexRefresher(ServedIndex served, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken)) served.Refresh();
    }
}
