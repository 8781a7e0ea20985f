using Lucene.Net.Store;
using SearchService.Search.Searching;

namespace SearchService.Search.Tests;

/// <summary>
/// The served index reads its files from memory: what Lucene wrote with its own outputs must read
/// back the same through <see cref="ArrayIndexInput"/>, clones and slices included.
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
