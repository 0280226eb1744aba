using LaunderTrail.Evidence;
using LaunderTrail.Tracing;
using Xunit;

namespace LaunderTrail.Tests.Tracing;

/// <summary>The lowest-intermediate-balance rule of TRACING.md: the wrongdoer's own money leaves first, then the victims' pari passu.</summary>
public sealed class LibrTests
{
    private static readonly Mixture A = new SingleOrigin(new Origin(0));
    private static readonly Mixture B = new SingleOrigin(new Origin(1));

    [Fact]
    public void A_cash_pool_gives_up_its_unknown_money_before_any_victims()
    {
        // Given a libr cash pool of A's 100, 50 of unknown origin, then B's 300
        var pool = LibrPool.ForCash();
        pool.Add(new Parcel(A, 100m));
        pool.Add(new Parcel(Mixture.Unattributed, 50m));
        pool.Add(new Parcel(B, 300m));

        // When 250 leave
        var taken = pool.Take(250m);

        // Then the unknown 50 left first, and the other 200 from A and B in proportion to their shares (1 : 3)
        Assert.Equal(Mixture.Unattributed, taken[0].Mixture);
        Assert.Equal(50m, taken[0].Amount);
        Assert.Equal([(A, 50m), (B, 150m)], ByOrigin(taken.Skip(1)));
        Assert.Equal(200m, pool.Total);
        Assert.Equal([(A, 50m), (B, 150m)], ByOrigin(pool.Parcels.ToArray()));
    }

    [Fact]
    public void A_lot_pool_gives_up_every_origin_in_proportion()
    {
        // Given a libr lot pool of 100 of unknown origin and A's 300
        var pool = LibrPool.ForLot();
        pool.Add(new Parcel(Mixture.Unattributed, 100m));
        pool.Add(new Parcel(A, 300m));

        // When 200 leave
        var taken = pool.Take(200m);

        // Then half of each left: lots stay proportional under libr
        Assert.Equal([new Parcel(Mixture.Unattributed, 50m), new Parcel(A, 150m)], taken);
        Assert.Equal(200m, pool.Total);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Beyond_the_pool_is_unattributed(bool cash)
    {
        // Given a libr pool of 20 of unknown origin and A's 100
        var pool = cash ? LibrPool.ForCash() : LibrPool.ForLot();
        pool.Add(new Parcel(Mixture.Unattributed, 20m));
        pool.Add(new Parcel(A, 100m));

        // When 150 leave
        var taken = pool.Take(150m);

        // Then everything held left, the 30 beyond it as unattributed, and the pool is empty
        Assert.Equal(
            [new Parcel(Mixture.Unattributed, 20m), new Parcel(A, 100m), new Parcel(Mixture.Unattributed, 30m)], taken);
        Assert.True(pool.IsEmpty);
        Assert.Equal(0m, pool.Total);
        Assert.Empty(pool.Parcels.ToArray());
    }

    [Fact]
    public void A_victims_traced_amount_never_rises_again_when_unknown_money_arrives_later()
    {
        // Given a gang account that received A's 100, paid out 80, and then received 500 of unknown origin
        var facts = new CaseFacts()
            .Victim("a", "A")
            .Identify("g", "Gang", AccountRole.Fraudster)
            .Transfer(1, "a", "g", 100)
            .Transfer(2, "g", "x", 80)
            .Loan(3, "lender", "g", 500)
            .Transfer(4, "g", "y", 300);

        // When it is traced under libr
        var report = FlowTracer.Trace(CaseFacts.CaseId, facts.Recorded, TracingRule.Libr);

        // Then A still has 20 in g, the lowest balance g fell to: the later 300 was paid out of the unknown money
        var a = report.Victims.Single();
        Assert.Equal(20m, a.Holdings.Single(h => h.Account == "g").Cash);
        Assert.Equal(80m, a.Holdings.Single(h => h.Account == "x").Cash);
        Assert.DoesNotContain(a.Holdings, h => h.Account == "y");
        Assert.Equal(200m, report.UnattributedHoldings.Single(h => h.Account == "g").Cash);
    }

    [Fact]
    public void Victims_share_an_outflow_beyond_the_unknown_money_pari_passu()
    {
        // Given a gang account holding A's 100, B's 300 and 100 of unknown origin
        var facts = new CaseFacts()
            .Victim("a", "A")
            .Victim("b", "B")
            .Identify("g", "Gang", AccountRole.Fraudster)
            .Transfer(1, "a", "g", 100)
            .Loan(2, "lender", "g", 100)
            .Transfer(3, "b", "g", 300)
            .Transfer(4, "g", "m", 300);

        // When 300 leave under libr, and under fifo for comparison
        var libr = FlowTracer.Trace(CaseFacts.CaseId, facts.Recorded, TracingRule.Libr);
        var fifo = FlowTracer.Trace(CaseFacts.CaseId, facts.Recorded, TracingRule.Fifo);

        // Then under libr the unknown 100 left first and the other 200 came from A and B as 1 : 3
        Assert.Equal(50m, CashIn(libr, "A", "m"));
        Assert.Equal(150m, CashIn(libr, "B", "m"));
        Assert.Equal(50m, CashIn(libr, "A", "g"));
        Assert.Equal(150m, CashIn(libr, "B", "g"));
        Assert.DoesNotContain(libr.UnattributedHoldings, h => h.Account == "g");

        // And under fifo A's 100 went first, then the unknown 100, then 100 of B's
        Assert.Equal(100m, CashIn(fifo, "A", "m"));
        Assert.Equal(100m, CashIn(fifo, "B", "m"));
    }

    [Fact]
    public void Unknown_value_in_a_lot_stays_unknown_in_the_proceeds_and_leaves_the_next_pool_first()
    {
        // Given a gang that buys a lot with 100 of unknown origin and A's 100, whose middleman resells it for 180
        var facts = new CaseFacts()
            .Victim("a", "A")
            .Identify("g", "Gang", AccountRole.Fraudster)
            .Identify("h", "Middleman", AccountRole.Middleman)
            .Loan(1, "lender", "g", 100)
            .Transfer(2, "a", "g", 100)
            .Purchase(3, "L", "g", paid: 200, faceValue: 200, holder: "h")
            .Resale(4, "L", "h", "m", price: 180)
            .Transfer(5, "h", "z", 90);

        // When it is traced under libr
        var report = FlowTracer.Trace(CaseFacts.CaseId, facts.Recorded, TracingRule.Libr);

        // Then A's half of the lot brought 90, which stayed with h while its unknown 90 went on to z
        var a = report.Victims.Single();
        Assert.Equal(90m, a.Holdings.Single(h => h.Account == "h").Cash);
        Assert.DoesNotContain(a.Holdings, h => h.Account == "z");
        Assert.Equal(90m, report.UnattributedHoldings.Single(h => h.Account == "z").Cash);
    }

    private static decimal CashIn(FlowReport report, string victim, string account) =>
        report.Victims.Single(v => v.Holder == victim).Holdings.SingleOrDefault(h => h.Account == account)?.Cash ?? 0m;

    private static List<(Mixture, decimal)> ByOrigin(IEnumerable<Parcel> parcels)
    {
        var expansion = new MixtureExpansion<int>();
        var single = new List<(Mixture, decimal)>();
        foreach (var parcel in parcels)
        {
            if (parcel.Mixture is Blend blend) expansion.Add(0, blend, parcel.Amount, 0m);
            else single.Add((parcel.Mixture, parcel.Amount));
        }
        return single
            .Concat(expansion.PerOrigin().Select(part => ((Mixture)new SingleOrigin(part.Origin), part.FaceValue)))
            .OrderBy(part => ((SingleOrigin)part.Item1).Origin.Victim)
            .ToList();
    }
}
