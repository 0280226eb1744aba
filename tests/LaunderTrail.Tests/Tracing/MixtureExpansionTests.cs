using LaunderTrail.Tracing;
using Xunit;

namespace LaunderTrail.Tests.Tracing;

public sealed class MixtureExpansionTests
{
    private static readonly Origin A = new(0);
    private static readonly Origin B = new(1);

    [Fact]
    public void A_pool_with_a_long_history_divides_among_its_origins_without_recursing()
    {
        // Given a pro-rata pool that received 1 from A and 3 from B, 100,000 times over, and gave part away each time
        var pool = new MixturePool();
        for (var arrival = 0; arrival < 100_000; arrival++)
        {
            pool.Add(new Parcel(new SingleOrigin(A), 1m));
            pool.Add(new Parcel(new SingleOrigin(B), 3m));
            pool.Take(2m);
        }

        // When what it holds is divided among origins
        var held = pool.Parcels.ToArray().Single();
        var expansion = new MixtureExpansion<string>();
        expansion.Add("held", (Blend)held.Mixture, 0m, held.Amount);
        var perOrigin = expansion.PerOrigin().ToDictionary(part => part.Origin, part => part.Cash);

        // Then a quarter is A's and three quarters are B's, and nothing is lost, to the cent
        Assert.Equal(held.Amount, Math.Round(perOrigin.Values.Sum(), 2));
        Assert.Equal(Math.Round(held.Amount / 4m, 2), Math.Round(perOrigin[A], 2));
        Assert.Equal(Math.Round(held.Amount * 3m / 4m, 2), Math.Round(perOrigin[B], 2));
    }

    [Fact]
    public void Blends_expanded_again_or_from_another_root_divide_the_same_way()
    {
        // Given a pool that received A's 1 then B's 3, and then C's 4 on top
        var pool = new MixturePool();
        pool.Add(new Parcel(new SingleOrigin(A), 1m));
        pool.Add(new Parcel(new SingleOrigin(B), 3m));
        var before = (Blend)pool.Parcels.ToArray().Single().Mixture;
        pool.Add(new Parcel(new SingleOrigin(new Origin(2)), 4m));
        var after = (Blend)pool.Parcels.ToArray().Single().Mixture;

        // When the later blend is expanded, then the earlier one alone, then the later one again
        Dictionary<Origin, decimal> Expand(Blend root, decimal cash)
        {
            var expansion = new MixtureExpansion<string>();
            expansion.Add("held", root, 0m, cash);
            return expansion.PerOrigin().ToDictionary(part => part.Origin, part => part.Cash);
        }
        var first = Expand(after, 8m);
        var earlier = Expand(before, 4m);
        var again = Expand(after, 8m);

        // Then each expansion stands on its own
        Assert.Equal(new Dictionary<Origin, decimal> { [A] = 1m, [B] = 3m, [new Origin(2)] = 4m }, first);
        Assert.Equal(new Dictionary<Origin, decimal> { [A] = 1m, [B] = 3m }, earlier);
        Assert.Equal(first, again);
        Assert.Throws<ArgumentException>(() => BlendGraph.Reachable([before]).IndexOf(after));
    }
}
