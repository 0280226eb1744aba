using LaunderTrail.Import;

namespace LaunderTrail.Tests.Import;

/// <summary>The check's record of the facts met so far: every key once, with the digest it was first met with.</summary>
public sealed class SeenFactsTests
{
    private static FactKey Key(int i) => FactKey.Of("C-1", $"t-{i}");

    [Fact]
    public void Each_key_is_kept_once_with_its_first_digest_through_every_growth()
    {
        var seen = new SeenFacts();
        const int facts = 200_000;

        for (var i = 0; i < facts; i++)
            Assert.True(seen.TryAdd(Key(i), (UInt128)i, out _));

        for (var i = 0; i < facts; i++)
        {
            Assert.False(seen.TryAdd(Key(i), UInt128.MaxValue, out var first));
            Assert.Equal((UInt128)i, first);
        }

        Assert.Equal(facts, seen.Count);
    }

    [Fact]
    public void Keys_that_share_their_low_bits_are_told_apart()
    {
        var seen = new SeenFacts();
        var low = (UInt128)0xABCDEFul;

        for (var i = 1; i <= 100; i++)
            Assert.True(seen.TryAdd(new FactKey(((UInt128)(ulong)i << 64) | low), (UInt128)i, out _));

        for (var i = 1; i <= 100; i++)
        {
            Assert.False(seen.TryAdd(new FactKey(((UInt128)(ulong)i << 64) | low), 0, out var first));
            Assert.Equal((UInt128)i, first);
        }
    }

    [Fact]
    public void The_key_zero_is_a_key_like_any_other()
    {
        var seen = new SeenFacts();

        Assert.True(seen.TryAdd(new FactKey(0), 7, out _));
        Assert.False(seen.TryAdd(new FactKey(0), 8, out var first));
        Assert.Equal((UInt128)7, first);
        Assert.Equal(1, seen.Count);
    }
}
