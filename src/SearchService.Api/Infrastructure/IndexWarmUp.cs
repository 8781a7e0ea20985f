using System.Diagnostics;
using SearchService.Core.Model;
using SearchService.Search.Answering;

namespace SearchService.Api.Infrastructure;

/// <summary>
/// After start-up, runs one search and one question against the opened index in the background,
/// so the first user is not the one who waits while the search and answering code is compiled
/// (the first question after a start took 0.6–0.9 s). <c>/health</c> does not wait for it;
/// <c>/ready</c> says "warming up" (503) until it is done, so a load balancer sends no user to a
/// cold server. A warm-up that fails is logged and counts as done: it never keeps a server unready.
/// With no usable index at start there is nothing to warm, and readiness is the index's alone.
/// </summary>
public sealed partial class IndexWarmUp(IServiceProvider services, ILogger<IndexWarmUp> log) : BackgroundService
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the warm-up has run, failed or found nothing to warm.</summary>
    public Task Completion => _done.Task;

    public bool Done => _done.Task.IsCompleted;

    // Off the start-up thread: the host starts listening (and /health answers) without waiting.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        try
        {
            Run(stoppingToken);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogFailed(log, e.Message);
        }
        finally
        {
            _done.TrySetResult();
        }
    }, CancellationToken.None);

    private void Run(CancellationToken stoppingToken)
    {
        ReportIndex index;
        try
        {
            index = services.GetRequiredService<ReportIndex>();
        }
        catch (IndexUnavailableException)
        {
            LogNothingToWarm(log);
            return;
        }
        var clock = Stopwatch.StartNew();
        // Words every framework's reports use, several of them so that synonyms, relaxing, facets and snippets all run.
        var search = index.Search(new SearchRequest { Query = "help and protection for children in care" });
        if (stoppingToken.IsCancellationRequested) return;
        // An authority the index holds, so that the question reaches its reports rather than stopping at "nothing about it".
        var authority = index.Documents.Select(d => d.Authority).FirstOrDefault(a => a != ReportDocument.UnresolvedAuthority) ?? "the local authority";
        var ask = services.GetRequiredService<QuestionAnswerer>().Ask($"What was the overall effectiveness judgement for {authority}?", SearchFilters.None);
        LogWarmedUp(log, clock.Elapsed.TotalMilliseconds, search.Total, ask.Answer is not null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warmed up in {Milliseconds:0} ms: one search ({Total} paragraphs) and one question (answered: {Answered})")]
    private static partial void LogWarmedUp(ILogger logger, double milliseconds, int total, bool answered);

    [LoggerMessage(Level = LogLevel.Information, Message = "No usable index at start: nothing to warm up")]
    private static partial void LogNothingToWarm(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The warm-up failed ({Reason}); serving cold")]
    private static partial void LogFailed(ILogger logger, string reason);
}
