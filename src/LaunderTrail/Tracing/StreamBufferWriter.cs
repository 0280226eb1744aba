using System.Buffers;

namespace LaunderTrail.Tracing;

/// <summary>
/// Hands what is written into it to a stream, one block at a time, reusing the block: a
/// <see cref="System.Text.Json.Utf8JsonWriter"/> over it commits whenever its block is full, so writing tens of
/// megabytes holds one block, where a writer over a stream holds everything until it is flushed.
/// </summary>
internal sealed class StreamBufferWriter(Stream stream, int blockSize = 1 << 16) : IBufferWriter<byte>
{
    private byte[] block = new byte[blockSize];

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, block.Length);
        stream.Write(block, 0, count);
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        if (sizeHint > block.Length) block = new byte[sizeHint];
        return block;
    }

    public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;
}
