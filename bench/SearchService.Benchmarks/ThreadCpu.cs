using System.Runtime.InteropServices;

namespace SearchService.Benchmarks;

/// <summary>
/// CPU time of the calling thread (Linux CLOCK_THREAD_CPUTIME_ID). On a machine shared with other
/// builds, wall-clock time measures the queue for a core as much as the work; the thread's own CPU
/// time does not (GC and JIT threads are not counted: allocations are reported beside it).
/// </summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTime = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>Milliseconds of CPU this thread has used, or NaN where the clock is not available.</summary>
    public static double Milliseconds()
    {
        if (!OperatingSystem.IsLinux()) return double.NaN;
        return ClockGetTime(ClockThreadCpuTime, out var t) == 0 ? t.Seconds * 1e3 + t.Nanoseconds / 1e6 : double.NaN;
    }
}
