using SearchService.Search;

namespace SearchService.Api.Tests;

/// <summary>
/// The real host over the seeds and the published reports (../shared/corpus/ilacs, or
/// SEARCHSERVICE_CORPUS), indexed at start-up as a server with no index does: for the England
/// pages, peer searches and the authorities API as analysts would use them. Built once per test run.
/// </summary>
public sealed class CorpusApiServer : IAsyncLifetime
{
    public ApiServer Server { get; } = new()
    {
        ExtraArgs = ["--Index:Sources:0", ProjectPaths.Seeds, "--Index:Sources:1", ProjectPaths.SharedCorpus],
    };

    public async ValueTask InitializeAsync()
    {
        if (!Directory.Exists(ProjectPaths.SharedCorpus)) throw new InvalidOperationException($"The shared corpus is not at {ProjectPaths.SharedCorpus} (set SEARCHSERVICE_CORPUS).");
        await Server.InitializeAsync();
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class CorpusApiCollection : ICollectionFixture<CorpusApiServer>
{
    public const string Name = "corpus api";
}
