using System.Buffers.Binary;
using Lucene.Net.Store;
using Directory = Lucene.Net.Store.Directory;

namespace SearchService.Search.Searching;

/// <summary>
/// The served index's directory: each file a search reads is read whole into one array when Lucene
/// opens it, and every input, clone and compound-file slice reads that array. Stored fields (the
/// paragraphs' records, <c>.fdt</c>) stay in the folder and are read from it when a hit is shown.
/// Listing, locks and writes go to the folder underneath.
/// </summary>
/// <remarks>
/// Why not <see cref="MMapDirectory"/>: in Lucene.Net 4.8 every clone of a memory-mapped input is
/// registered in a <c>ConditionalWeakTable</c> (so it can be invalidated when the file is closed),
/// and a search clones inputs for every term and segment. The served API held 110–120 thousand GC
/// handles, and each young-generation collection had to walk them: gen-0 pauses of 1.6–11 ms for a
/// few hundred KiB promoted (0.03–0.05 ms in a process without them). Here a clone is a plain copy
/// of four fields, and the array lives as long as any reader holds it, so no read can outlive its
/// memory. The price is the index in the managed heap.
/// Why stored fields stay on disk: they were over half of it (114 of 214 MB at ten times the
/// published sample), and a search reads them only for the page of hits it shows, which the record
/// cache mostly holds already; the operating system's file cache serves the rest. Their inputs
/// are cloned once per thread, not per term, so reading them from the folder costs the GC nothing.
/// Files too large for one array are served from the folder too.
/// </remarks>
public sealed class InMemoryReadDirectory(Directory folder) : FilterDirectory(folder)
{
    /// <summary>Whether a file (or a compound file's part) stays in the folder: the stored fields' data.</summary>
    internal static bool StaysOnDisk(string name) => name.EndsWith(".fdt", StringComparison.Ordinal);

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        if (StaysOnDisk(name)) return base.OpenInput(name, context);
        return ReadWhole(name, context) is { } bytes ? new ArrayIndexInput($"{name} (in memory)", bytes, 0, bytes.Length) : base.OpenInput(name, context);
    }

    /// <summary>Compound files: each part is read into its own array when first opened, except the parts that stay on disk.</summary>
    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        // The folder's own slicer: FilterDirectory does not pass CreateSlicer on, and Directory's default
        // would open the whole compound file through this directory's OpenInput, into memory.
        return new PartSlicer(name, m_input.FileLength(name), m_input.CreateSlicer(name, context));
    }

    private byte[]? ReadWhole(string name, IOContext context)
    {
        long length = m_input.FileLength(name);
        if (length > Array.MaxLength) return null;
        var bytes = new byte[length];
        using var input = m_input.OpenInput(name, context);
        input.ReadBytes(bytes, 0, bytes.Length);
        return bytes;
    }

    /// <summary>Slices of a compound file: parts read into memory once (the same part opened again shares its array), stored fields from the file.</summary>
    private sealed class PartSlicer(string name, long fileLength, IndexInputSlicer file) : IndexInputSlicer
    {
        private readonly Dictionary<(long Offset, long Length), byte[]> _parts = [];

        public override IndexInput OpenSlice(string sliceDescription, long offset, long length)
        {
            if (offset < 0 || length < 0 || offset + length > fileLength)
                throw new ArgumentException($"Slice {sliceDescription} [{offset}, {offset + length}) is outside {name} ({fileLength} bytes).");
            if (StaysOnDisk(sliceDescription) || length > Array.MaxLength) return file.OpenSlice(sliceDescription, offset, length);
            byte[]? bytes;
            lock (_parts)
            {
                if (!_parts.TryGetValue((offset, length), out bytes))
                {
                    bytes = new byte[length];
                    using (var part = file.OpenSlice(sliceDescription, offset, length)) part.ReadBytes(bytes, 0, bytes.Length);
                    _parts[(offset, length)] = bytes;
                }
            }
            return new ArrayIndexInput($"{name} [slice={sliceDescription}] (in memory)", bytes, 0, bytes.Length);
        }

        [Obsolete("Only for reading pre-4.0 compound files, which this index never has.")]
        public override IndexInput OpenFullSlice() => file.OpenFullSlice();

        protected override void Dispose(bool disposing)
        {
            if (disposing) file.Dispose();
        }
    }
}

/// <summary>
/// An input over a range of an array: Lucene's big-endian numbers and variable-length integers read
/// straight from it. A clone copies the position and shares the array.
/// </summary>
public sealed class ArrayIndexInput : IndexInput
{
    private readonly byte[] _bytes;
    private readonly int _start;
    private readonly int _end;
    private int _at;

    public ArrayIndexInput(string description, byte[] bytes, int start, int length) : base(description)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (start < 0 || length < 0 || start + length > bytes.Length) throw new ArgumentOutOfRangeException(nameof(length));
        _bytes = bytes;
        _start = start;
        _end = start + length;
        _at = start;
    }

    public override long Length => _end - _start;

    public override long Position => _at - _start;

    public override void Seek(long pos)
    {
        if (pos < 0 || pos > _end - _start) throw new EndOfStreamException($"Seek to {pos} is outside {this} ({_end - _start} bytes).");
        _at = _start + (int)pos;
    }

    public override byte ReadByte()
    {
        if (_at >= _end) throw new EndOfStreamException($"Read past the end of {this}.");
        return _bytes[_at++];
    }

    public override void ReadBytes(byte[] b, int offset, int len)
    {
        _bytes.AsSpan(Take(len), len).CopyTo(b.AsSpan(offset, len));
    }

    public override short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(_bytes.AsSpan(Take(2), 2));

    public override int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(_bytes.AsSpan(Take(4), 4));

    public override long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(_bytes.AsSpan(Take(8), 8));

    public override int ReadVInt32()
    {
        // Up to five bytes of seven bits, low first (a negative number takes all five).
        int value = 0;
        for (int shift = 0; shift < 32; shift += 7)
        {
            byte b = ReadByte();
            value |= (b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
        throw new IOException($"Invalid variable-length int in {this}.");
    }

    public override long ReadVInt64()
    {
        long value = 0;
        for (int shift = 0; shift < 63; shift += 7)
        {
            byte b = ReadByte();
            value |= (long)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
        throw new IOException($"Invalid variable-length long in {this}.");
    }

    public override void SkipBytes(long numBytes)
    {
        if (numBytes < 0) throw new ArgumentOutOfRangeException(nameof(numBytes), "Cannot skip backwards.");
        Seek(Position + numBytes);
    }

    /// <summary>Moves past <paramref name="count"/> bytes and returns where they start.</summary>
    private int Take(int count)
    {
        int at = _at;
        if (count < 0 || count > _end - at) throw new EndOfStreamException($"Read of {count} bytes past the end of {this}.");
        _at = at + count;
        return at;
    }

    protected override void Dispose(bool disposing) { }
}
