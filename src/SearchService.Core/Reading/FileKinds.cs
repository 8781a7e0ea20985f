using System.Runtime.InteropServices;

namespace SearchService.Core.Reading;

/// <summary>What kind of file system entry a path is, without opening it (opening a FIFO blocks; reading a device never ends).</summary>
public static partial class FileKinds
{
    /// <summary>
    /// "a FIFO", "a device", "a socket", or null for a regular file or folder (or where the kind cannot be
    /// told). With <paramref name="followLinks"/> a symbolic link is judged by what it points to; without, a link is a link (null).
    /// </summary>
    public static string? NotRegular(string path, bool followLinks = true)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var buffer = new byte[256]; // struct statx: a fixed layout on every Linux architecture
        try
        {
            if (Statx(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxType, buffer) != 0) return null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        int type = BitConverter.ToUInt16(buffer, 28) & 0xF000; // stx_mode, S_IFMT bits
        return type switch
        {
            0x1000 => "a FIFO",
            0x2000 or 0x6000 => "a device",
            0xC000 => "a socket",
            _ => null,
        };
    }

    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, [Out] byte[] buffer);
}
