namespace LaunderTrail.Tracing;

/// <summary>
/// An edge's number and an origin's (<see cref="Origin.Victim"/>, -1 for unattributed) as one key, with a hash that
/// spreads both: <see cref="long.GetHashCode"/> folds the halves together by exclusive or, which gives pairs of small
/// numbers, such as these, a few thousand hashes in all.
/// </summary>
internal sealed class EdgeOriginKeys : IEqualityComparer<long>
{
    public static readonly EdgeOriginKeys Instance = new();

    private EdgeOriginKeys()
    {
    }

    public static long Of(int edge, int origin) => ((long)edge << 32) | (uint)origin;

    public static int Edge(long key) => (int)(key >> 32);

    public static Origin Origin(long key) => new((int)key);

    public bool Equals(long x, long y) => x == y;

    public int GetHashCode(long key) => (int)((ulong)key * 0x9E3779B97F4A7C15UL >> 32);
}
