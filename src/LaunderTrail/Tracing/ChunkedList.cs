namespace LaunderTrail.Tracing;

/// <summary>
/// A list that grows by whole chunks and never copies what it holds: a million facts fill a few hundred arrays,
/// not one array copied into a twice larger one a dozen times over on the large-object heap.
/// </summary>
internal sealed class ChunkedList<T>
{
    private const int ChunkBits = 12;
    private const int ChunkSize = 1 << ChunkBits;
    private readonly List<T[]> chunks = [];

    public int Count { get; private set; }

    public ref readonly T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            return ref chunks[index >> ChunkBits][index & (ChunkSize - 1)];
        }
    }

    public void Add(in T item)
    {
        if ((Count & (ChunkSize - 1)) == 0) chunks.Add(new T[ChunkSize]);
        chunks[^1][Count & (ChunkSize - 1)] = item;
        Count++;
    }
}
