using System.Diagnostics.Tracing;

namespace SearchService.Benchmarks;

/// <summary>
/// What a loop allocates, by type: the runtime's allocation-tick events (one about every 100 KB
/// allocated, naming the type that crossed the mark), summed while enabled. A sample, not a count,
/// but one that points at the code allocating most without an allocation profiler.
/// </summary>
internal sealed class AllocationTypes : EventListener
{
    private readonly Dictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    public volatile bool Recording;

    protected override void OnEventSourceCreated(EventSource source)
    {
        // The runtime's GC keyword (0x1) at verbose level carries GCAllocationTick.
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
    }

    /// <summary>The last GC's heap statistics (handles, pinned objects, sync blocks): what a young collection must also scan.</summary>
    public string? HeapStats { get; private set; }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (Recording && e.EventName is { } name && name.StartsWith("GCHeapStats", StringComparison.Ordinal) && e.Payload is not null)
            HeapStats = string.Join(", ", e.PayloadNames!.Zip(e.Payload).Where(p => p.First is "GCHandleCount" or "PinnedObjectCount" or "SinkBlockCount" or "TotalPromotedSize0" or "GenerationSize2" or "GenerationSize3").Select(p => $"{p.First} {p.Second}"));
        if (!Recording || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null) return;
        int typeAt = e.PayloadNames!.IndexOf("TypeName"), amountAt = e.PayloadNames.IndexOf("AllocationAmount64");
        if (typeAt < 0) return;
        var type = e.Payload[typeAt]?.ToString() ?? "?";
        long amount = amountAt >= 0 ? Convert.ToInt64(e.Payload[amountAt], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        lock (_gate) _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
    }

    /// <summary>The types that took most, with their share of the sampled bytes.</summary>
    public void Print(int top)
    {
        lock (_gate)
        {
            double all = Math.Max(1, _bytes.Values.Sum());
            foreach (var (type, bytes) in _bytes.OrderByDescending(kv => kv.Value).Take(top))
                Console.WriteLine($"    {100 * bytes / all,5:0.0}%  {type}");
        }
    }
}
