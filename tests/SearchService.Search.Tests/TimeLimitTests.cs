using Lucene.Net.Util;
using SearchService.Search.Searching;

namespace SearchService.Search.Tests;

public class TimeLimitTests(SeedIndexFixture seeds) : IClassFixture<SeedIndexFixture>
{
    /// <summary>A clock that moves a second every time it is read: any search runs out of time at once.</summary>
    private sealed class RacingClock : Counter
    {
        private long _now;
        public override long AddAndGet(long delta) => Interlocked.Add(ref _now, delta);
        public override long Value => Interlocked.Add(ref _now, 1000);
    }

    /// <summary>A clock that never moves: no search can run out of time, however slow the machine (a cold JIT on CI took over 50 ms).</summary>
    private sealed class StoppedClock : Counter
    {
        public override long AddAndGet(long delta) => 0;
        public override long Value => 0;
    }

    [Fact]
    public void A_search_over_its_time_limit_returns_what_it_found_marked_partial()
    {
        using var index = ReportIndex.Open(seeds.Folder, limits: new SearchLimits { TimeLimitMs = 50 });
        index.Clock = new StoppedClock();
        Assert.False(index.Search(new SearchRequest { Query = "children" }).Partial);
        index.Clock = new RacingClock();
        var result = index.Search(new SearchRequest { Query = "children" });
        Assert.True(result.Partial);
        Assert.Contains("50 ms", result.Warning);
        Assert.True(result.Total < index.ParagraphCount);
        // What is missing is said: the share searched, and that the total is only a lower bound.
        Assert.NotNull(result.Missing);
        Assert.InRange(result.Missing.SearchedShare, 0, 0.999);
        Assert.Contains("total (a lower bound)", result.Missing.Incomplete);
        // Trends and relaxation under the same budget: cut, and never relaxed on a partial count.
        var trends = index.Trends(new SearchRequest { Query = "children" }, "year");
        Assert.True(trends.Partial);
        Assert.Null(index.Search(new SearchRequest { Query = "children xyzzyq" }).Relaxed);
    }
}
