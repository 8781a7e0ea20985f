using Lucene.Net.Store;
using SearchService.Search.Searching;

namespace SearchService.Search.Tests;

/// <summary>
/// The served index reads its files from memory, but for stored fields: what Lucene wrote with its
/// own outputs must read back the same through <see cref="ArrayIndexInput"/>, clones and slices
/// included, and through the folder for the stored fields.
/// </summary>
public class InMemoryReadDirectoryTests
{
    private enum Kind { Byte, Int16, Int32, Int64, VInt32, VInt64, Bytes, String }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Values_written_by_Lucene_read_back_the_same_from_memory(int seed)
    {
        var random = new Random(seed);
        var written = new List<(Kind Kind, object Value)>();
        using var ram = new RAMDirectory();
        using (var output = ram.CreateOutput("values", IOContext.DEFAULT))
        {
            for (int i = 0; i < 5_000; i++)
            {
                var kind = (Kind)random.Next(8);
                object value = kind switch
                {
                    Kind.Byte => (byte)random.Next(256),
                    Kind.Int16 => (short)random.Next(short.MinValue, short.MaxValue),
                    Kind.Int32 => random.Next(int.MinValue, int.MaxValue),
                    Kind.Int64 => random.NextInt64(long.MinValue, long.MaxValue),
                    // Small and large, negative ints included (Lucene writes those in five bytes).
                    Kind.VInt32 => random.Next(3) switch { 0 => random.Next(128), 1 => random.Next(), _ => -random.Next(1, int.MaxValue) },
                    Kind.VInt64 => random.Next(2) == 0 ? (long)random.Next(128) : random.NextInt64(0, long.MaxValue),
                    Kind.Bytes => Enumerable.Range(0, random.Next(0, 300)).Select(_ => (byte)random.Next(256)).ToArray(),
                    _ => new string('é', random.Next(0, 5)) + random.Next(),
                };
                switch (value)
                {
                    case byte b: output.WriteByte(b); break;
                    case short s: output.WriteInt16(s); break;
                    case int n when kind == Kind.Int32: output.WriteInt32(n); break;
                    case int n: output.WriteVInt32(n); break;
                    case long l when kind == Kind.Int64: output.WriteInt64(l); break;
                    case long l: output.WriteVInt64(l); break;
                    case byte[] bytes: output.WriteVInt32(bytes.Length); output.WriteBytes(bytes, bytes.Length); break;
                    case string text: output.WriteString(text); break;
                }
                written.Add((kind, value));
            }
        }

        using var memory = new InMemoryReadDirectory(ram);
        using var input = memory.OpenInput("values", IOContext.READ);
        Assert.IsType<ArrayIndexInput>(input);
        Assert.Equal(ram.FileLength("values"), input.Length);
        var starts = new List<long>();
        foreach (var (kind, value) in written)
        {
            starts.Add(input.Position);
            Assert.Equal(value, Read(input, kind));
        }
        Assert.Equal(input.Length, input.Position);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());

        // A clone starts where its original stands and moves on its own; seeking back rereads.
        for (int i = 0; i < 200; i++)
        {
            int at = random.Next(written.Count);
            input.Seek(starts[at]);
            var clone = (IndexInput)input.Clone();
            Assert.Equal(written[at].Value, Read(clone, written[at].Kind));
            Assert.Equal(starts[at], input.Position);
            Assert.Equal(written[at].Value, Read(input, written[at].Kind));
        }
    }

    [Fact]
    public void A_compound_file_slice_reads_its_own_range_and_no_further()
    {
        using var ram = new RAMDirectory();
        using (var output = ram.CreateOutput("compound", IOContext.DEFAULT))
            for (int i = 0; i < 100; i++) output.WriteInt32(i);
        using var memory = new InMemoryReadDirectory(ram);
        using var slicer = memory.CreateSlicer("compound", IOContext.READ);
        using var slice = slicer.OpenSlice("middle", 40, 20);
        Assert.Equal(20, slice.Length);
        Assert.Equal(10, slice.ReadInt32());
        slice.Seek(16);
        Assert.Equal(14, slice.ReadInt32());
        Assert.Throws<EndOfStreamException>(() => slice.ReadInt32());
        Assert.Throws<EndOfStreamException>(() => slice.Seek(21));
        Assert.Throws<ArgumentException>(() => slicer.OpenSlice("beyond", 390, 20));
    }

    [Fact]
    public void Stored_fields_stay_in_the_folder_and_every_other_part_is_read_into_memory()
    {
        using var ram = new RAMDirectory();
        foreach (var file in new[] { "_0.cfs", "_1.fdt", "_1.doc" })
        {
            using var output = ram.CreateOutput(file, IOContext.DEFAULT);
            for (int i = 0; i < 100; i++) output.WriteInt32(i);
        }
        var folder = new CountingDirectory(ram);
        using var memory = new InMemoryReadDirectory(folder);

        using (var fdt = memory.OpenInput("_1.fdt", IOContext.READ)) { Assert.IsNotType<ArrayIndexInput>(fdt); Assert.Equal(0, fdt.ReadInt32()); }
        using (var doc = memory.OpenInput("_1.doc", IOContext.READ)) { Assert.IsType<ArrayIndexInput>(doc); Assert.Equal(0, doc.ReadInt32()); }
        Assert.Equal(4 + 400, folder.BytesRead); // the stored fields as far as asked, the postings whole

        // A compound file's parts: the postings' part is read into memory once, the stored fields' part
        // is read from the file when asked and never whole; the compound file is never read whole either.
        folder.BytesRead = 0;
        using var slicer = memory.CreateSlicer("_0.cfs", IOContext.READ);
        using var postings = slicer.OpenSlice("_0_Lucene41_0.doc", 80, 20);
        using var again = slicer.OpenSlice("_0_Lucene41_0.doc", 80, 20);
        using var stored = slicer.OpenSlice("_0.fdt", 40, 20);
        Assert.Equal(20, folder.BytesRead);
        Assert.IsType<ArrayIndexInput>(postings);
        Assert.IsNotType<ArrayIndexInput>(stored);
        Assert.Equal((10, 20, 20), (stored.ReadInt32(), postings.ReadInt32(), again.ReadInt32()));
        stored.Seek(16);
        postings.Seek(16);
        Assert.Equal((14, 24), (stored.ReadInt32(), postings.ReadInt32()));
        Assert.InRange(folder.BytesRead, 24, 40);
        Assert.ThrowsAny<IOException>(() => stored.ReadInt32());
        Assert.Throws<EndOfStreamException>(() => postings.ReadInt32());
        Assert.Throws<ArgumentException>(() => slicer.OpenSlice("_0.fdt", 390, 20));
    }

    /// <summary>A folder that counts the bytes read from it, clones and slices included (Directory's own slicer opens its inputs through <see cref="OpenInput"/>).</summary>
    private sealed class CountingDirectory(Lucene.Net.Store.Directory folder) : FilterDirectory(folder)
    {
        public long BytesRead;

        public override IndexInput OpenInput(string name, IOContext context) => new CountingInput(this, base.OpenInput(name, context));

        private sealed class CountingInput(CountingDirectory owner, IndexInput input) : IndexInput(input.ToString())
        {
            public override long Length => input.Length;
            public override long Position => input.Position;
            public override void Seek(long pos) => input.Seek(pos);
            public override byte ReadByte() { owner.BytesRead++; return input.ReadByte(); }
            public override void ReadBytes(byte[] b, int offset, int len) { owner.BytesRead += len; input.ReadBytes(b, offset, len); }
            public override object Clone() => new CountingInput(owner, (IndexInput)input.Clone());
            protected override void Dispose(bool disposing) { if (disposing) input.Dispose(); }
        }
    }

    private static object Read(IndexInput input, Kind kind) => kind switch
    {
        Kind.Byte => input.ReadByte(),
        Kind.Int16 => input.ReadInt16(),
        Kind.Int32 => input.ReadInt32(),
        Kind.Int64 => input.ReadInt64(),
        Kind.VInt32 => input.ReadVInt32(),
        Kind.VInt64 => input.ReadVInt64(),
        Kind.Bytes => ReadBytes(input),
        _ => input.ReadString(),
    };

    private static byte[] ReadBytes(IndexInput input)
    {
        var bytes = new byte[input.ReadVInt32()];
        input.ReadBytes(bytes, 0, bytes.Length);
        return bytes;
    }
}
