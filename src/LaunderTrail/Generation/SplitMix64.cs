namespace LaunderTrail.Generation;

/// <summary>
/// SplitMix64 (Steele, Lea &amp; Flood, 2014). The generator uses this instead of <see cref="System.Random"/>:
/// only Random's seeded core is kept stable for compatibility, not the contract of every derived method,
/// so an explicit ten-line algorithm with integer-only draws keeps the committed sample byte-identical on
/// any runtime version, machine, culture or time zone.
/// </summary>
internal sealed class SplitMix64(int seed)
{
    private ulong _state = unchecked((ulong)seed);

    public ulong NextUInt64()
    {
        unchecked
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="max"/>], both inclusive.</summary>
    public long Between(long min, long max)
    {
        var span = unchecked((ulong)(max - min) + 1);
        // The high word of draw × span is uniform enough for story data and needs no rejection loop.
        return min + (long)Math.BigMul(NextUInt64(), span, out _);
    }

    public bool Chance(int percent) => Between(1, 100) <= percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[(int)Between(0, items.Count - 1)];
}
