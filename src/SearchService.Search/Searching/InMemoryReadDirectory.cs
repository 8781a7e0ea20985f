using System.Buffers.Binary;
using Lucene.Net.Store;
using Directory = Lucene.Net.Store.Directory;

namespace SearchService.Search.Searching;

/// <summary>
/// The served index's directory: each file is read whole into one array when Lucene opens it, and
/// every input, clone and compound-file slice reads that array. Listing, locks and writes go to the
/// folder underneath.
/// </summary>
/// <remarks>
/// Why not <see cref="MMapDirectory"/>: in Lucene.Net 4.8 every clone of a memory-mapped input is
/// registered in a <c>ConditionalWeakTable</c> (so it can be invalidated when the file is closed),
/// and a search clones inputs for every term and segment. The served API held 110–120 thousand GC
/// handles, and each young-generation collection had to walk them: gen-0 pauses of 1.6–11 ms for a
/// few hundred KiB promoted (0.03–0.05 ms in a process without them). Here a clone is a plain copy
/// of four fields, and the array lives as long as any reader holds it, so no read can outlive its
/// memory. The price is the index in the managed heap (its size on disk: 23 MB for the 280 reports).
/// Files too large for one array are served from the folder as before.
/// </remarks>
public sealed class InMemoryReadDirectory(Directory folder) : FilterDirectory(folder)
{
    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        return ReadWhole(name, context) is { } bytes ? new ArrayIndexInput($"{name} (in memory)", bytes, 0, bytes.Length) : base.OpenInput(name, context);
    }

    /// <summary>Compound files: the slices share one array.</summary>
    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        return ReadWhole(name, context) is { } bytes ? new ArraySlicer(name, bytes) : base.CreateSlicer(name, context);
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

    private sealed class ArraySlicer(string name, byte[] bytes) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length)
        {
            if (offset < 0 || length < 0 || offset + length > bytes.Length)
                throw new ArgumentException($"Slice {sliceDescription} [{offset}, {offset + length}) is outside {name} ({bytes.Length} bytes).");
            return new ArrayIndexInput($"{name} [slice={sliceDescription}]", bytes, (int)offset, (int)length);
        }

        [Obsolete("Only for reading pre-4.0 compound files, which this index never has.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full", 0, bytes.Length);

        protected override void Dispose(bool disposing) { }
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
