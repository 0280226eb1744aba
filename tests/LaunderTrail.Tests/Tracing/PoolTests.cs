using System.Globalization;
using LaunderTrail.Tracing;
using Xunit;

namespace LaunderTrail.Tests.Tracing;

public sealed class PoolTests
{
    private static readonly Mixture A = new SingleOrigin(new Origin(0));
    private static readonly Mixture B = new SingleOrigin(new Origin(1));

    [Fact]
    public void Fifo_takes_the_oldest_parcels_first_and_splits_the_last_one()
    {
        // Given a fifo pool of A's 100 then B's 300
        var pool = new FifoPool();
        pool.Add(new Parcel(A, 100m));
        pool.Add(new Parcel(B, 300m));

        // When 250 leave
        var taken = pool.Take(250m);

        // Then A's 100 and 150 of B's left, and B's 150 remain
        Assert.Equal([new Parcel(A, 100m), new Parcel(B, 150m)], taken);
        Assert.Equal([new Parcel(B, 150m)], pool.Parcels.ToArray());
        Assert.Equal(150m, pool.Total);
    }

    [Fact]
    public void A_proportional_pool_takes_every_origin_in_proportion()
    {
        // Given a proportional pool of A's 100 and B's 300
        var pool = new ProportionalPool();
        pool.Add(new Parcel(A, 100m));
        pool.Add(new Parcel(B, 300m));

        // When 200 leave
        var taken = pool.Take(200m);

        // Then half of each left
        Assert.Equal([new Parcel(A, 50m), new Parcel(B, 150m)], taken);
        Assert.Equal(200m, pool.Total);
    }

    [Fact]
    public void A_proportional_pool_of_many_origins_keeps_one_entry_per_origin()
    {
        // Given a proportional pool of 40 origins, 10 each
        var pool = new ProportionalPool();
        var origins = Enumerable.Range(1, 40).Select(i => (Mixture)new SingleOrigin(new Origin(i))).ToList();
        foreach (var origin in origins) pool.Add(new Parcel(origin, 10m));

        // When the first and the last origin add 30 more, and a quarter of the pool leaves
        pool.Add(new Parcel(new SingleOrigin(new Origin(1)), 30m));
        pool.Add(new Parcel(new SingleOrigin(new Origin(40)), 30m));
        var taken = pool.Take(115m);

        // Then the pool still has 40 entries, in order of arrival, and each origin gave a quarter of what it had
        Assert.Equal(origins, pool.Parcels.ToArray().Select(p => p.Mixture));
        Assert.Equal([30m, .. Enumerable.Repeat(7.5m, 38), 30m], pool.Parcels.ToArray().Select(p => p.Amount));
        Assert.Equal([10m, .. Enumerable.Repeat(2.5m, 38), 10m], taken.Select(p => p.Amount));
        Assert.Equal(345m, pool.Total);
    }

    [Fact]
    public void A_mixture_pool_hands_out_its_mixture_which_divides_in_proportion()
    {
        // Given a mixture pool of A's 100 and B's 300
        var pool = new MixturePool();
        pool.Add(new Parcel(A, 100m));
        pool.Add(new Parcel(B, 300m));

        // When 200 leave
        var taken = pool.Take(200m).Single();

        // Then the parcel shares the pool's mixture, half of each origin left, and half of each stays
        Assert.Equal(pool.Parcels.ToArray().Single().Mixture, taken.Mixture);
        Assert.Equal(200m, pool.Total);
        var expansion = new MixtureExpansion<string>();
        expansion.Add("taken", (Blend)taken.Mixture, taken.Amount, 0m);
        Assert.Equal(
            [("taken", new Origin(0), 50m, 0m), ("taken", new Origin(1), 150m, 0m)],
            expansion.PerOrigin().OrderBy(part => part.Origin.Victim));
    }

    [Theory]
    [InlineData("fifo")]
    [InlineData("proportional")]
    [InlineData("mixture")]
    public void Taking_more_than_the_pool_empties_it_and_the_rest_is_unattributed(string kind)
    {
        // Given a pool of A's 100
        IValuePool pool = kind switch
        {
            "fifo" => new FifoPool(),
            "proportional" => new ProportionalPool(),
            _ => new MixturePool(),
        };
        pool.Add(new Parcel(A, 100m));

        // When 130 leave
        var taken = pool.Take(130m);

        // Then A's 100 left first and 30 of unknown origin after it, and the pool is empty
        Assert.Equal([new Parcel(A, 100m), new Parcel(Mixture.Unattributed, 30m)], taken);
        Assert.Equal(0m, pool.Total);
        Assert.All(pool.Parcels.ToArray(), parcel => Assert.Equal(0m, parcel.Amount));
    }

    [Theory]
    [InlineData("100", "33.33")]
    [InlineData("0.01", "0.00")]
    public void A_split_into_repeating_fractions_adds_up_to_the_whole(string whole, string thirdInCents)
    {
        // Given three equal shares
        Parcel[] shares = [new(A, 1m), new(B, 1m), new(Mixture.Unattributed, 1m)];

        // When the whole is split among them
        var parts = Taking.SplitOf(decimal.Parse(whole, CultureInfo.InvariantCulture), shares);

        // Then each part is a third, and the parts add up to exactly the whole
        Assert.Equal(decimal.Parse(whole, CultureInfo.InvariantCulture), parts.Sum(p => p.Amount));
        Assert.Equal(decimal.Parse(thirdInCents, CultureInfo.InvariantCulture), Math.Round(parts[0].Amount, 2));
        Assert.Equal([A, B, Mixture.Unattributed], parts.Select(p => p.Mixture));
    }
}
