namespace LaunderTrail.Import;

/// <summary>
/// The facts a check has met so far, as 128-bit keys with the 128-bit prefix of their content digest: 32 bytes a
/// fact in two flat arrays with open addressing, no objects, no per-entry links or padding (a
/// <see cref="Dictionary{TKey,TValue}"/> of the same took 80 bytes an entry, and more with the line and case).
/// It is the one part of an import that grows with the source: each fact's place in its case's hash chain depends
/// on whether an earlier line already holds it, so that must be known before the fact is written.
/// Not thread-safe.
/// </summary>
internal sealed class SeenFacts
{
    private const int FirstCapacity = 1 << 12;

    // Slot i holds its key in _keys[2i], _keys[2i+1] and its digest in _digests[2i], _digests[2i+1]; a zero key marks
    // an empty slot, so the one fact whose key is zero (a chance of 2^-128) is kept aside.
    private ulong[] _keys = new ulong[2 * FirstCapacity];
    private ulong[] _digests = new ulong[2 * FirstCapacity];
    private UInt128? _zeroKeyDigest;

    public long Count { get; private set; }

    /// <summary>Adds the fact; when its key is already there, returns false and the digest it was first seen with.</summary>
    public bool TryAdd(FactKey key, UInt128 digest, out UInt128 first)
    {
        if (key.Value == UInt128.Zero)
        {
            first = _zeroKeyDigest ?? digest;
            if (_zeroKeyDigest is not null) return false;
            _zeroKeyDigest = digest;
            Count++;
            return true;
        }

        var (high, low) = Split(key.Value);
        var mask = _keys.Length / 2 - 1;
        // The key is a uniform hash already: its low bits are a good slot.
        for (var slot = (int)(low & (ulong)mask); ; slot = (slot + 1) & mask)
        {
            if (_keys[2 * slot] == 0 && _keys[2 * slot + 1] == 0)
            {
                Put(_keys, _digests, slot, high, low, digest);
                if (++Count * 4 > (long)(mask + 1) * 3) Grow();
                first = digest;
                return true;
            }

            if (_keys[2 * slot] == high && _keys[2 * slot + 1] == low)
            {
                first = new UInt128(_digests[2 * slot], _digests[2 * slot + 1]);
                return false;
            }
        }
    }

    private static (ulong High, ulong Low) Split(UInt128 value) => ((ulong)(value >> 64), (ulong)value);

    private static void Put(ulong[] keys, ulong[] digests, int slot, ulong high, ulong low, UInt128 digest)
    {
        keys[2 * slot] = high;
        keys[2 * slot + 1] = low;
        (digests[2 * slot], digests[2 * slot + 1]) = Split(digest);
    }

    private void Grow()
    {
        var keys = new ulong[_keys.Length * 2];
        var digests = new ulong[_digests.Length * 2];
        var mask = keys.Length / 2 - 1;
        for (var old = 0; old < _keys.Length / 2; old++)
        {
            var (high, low) = (_keys[2 * old], _keys[2 * old + 1]);
            if (high == 0 && low == 0) continue;
            var slot = (int)(low & (ulong)mask);
            while (keys[2 * slot] != 0 || keys[2 * slot + 1] != 0) slot = (slot + 1) & mask;
            Put(keys, digests, slot, high, low, new UInt128(_digests[2 * old], _digests[2 * old + 1]));
        }

        _keys = keys;
        _digests = digests;
    }
}
