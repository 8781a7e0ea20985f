using SearchService.Search;

namespace SearchService.Api.Tests;

/// <summary>
/// The real host over the seeds and the published reports (../shared/corpus/ilacs, or
/// SEARCHSERVICE_CORPUS), indexed at start-up as a server with no index does: for the England
/// pages, peer searches and the authorities API as analysts would use them. Built once per test run.
/// </summary>
public class CorpusApiServer : IAsyncLifetime
{
    public CorpusApiServer() : this(realSockets: false) { }

    protected CorpusApiServer(bool realSockets) => Server = new()
    {
        ExtraArgs = ["--Index:Sources:0", ProjectPaths.Seeds, "--Index:Sources:1", ProjectPaths.SharedCorpus],
        RealSockets = realSockets,
    };

    public ApiServer Server { get; }

    public async ValueTask InitializeAsync()
    {
        if (!Directory.Exists(ProjectPaths.SharedCorpus)) throw new InvalidOperationException($"The shared corpus is not at {ProjectPaths.SharedCorpus} (set SEARCHSERVICE_CORPUS).");
        await Server.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same on Kestrel at a loopback port, for a browser.</summary>
public sealed class KestrelCorpusApiServer() : CorpusApiServer(realSockets: true);

[CollectionDefinition(Name)]
public sealed class CorpusApiCollection : ICollectionFixture<CorpusApiServer>
{
    public const string Name = "corpus api";
}
