using LaunderTrail.Evidence;
using LaunderTrail.Tracing;
using Xunit;

namespace LaunderTrail.Tests.Tracing;

/// <summary>The worked example of TRACING.md, figure by figure.</summary>
public sealed class WorkedExampleTests
{
    private static CaseFacts WorkedExample() => new CaseFacts()
        .Victim("A", "Victim A")
        .Victim("B", "Victim B")
        .Identify("G", "Gang", AccountRole.Fraudster)
        .Identify("MID", "Middleman", AccountRole.Middleman)
        .Identify("M", "Merchant", AccountRole.CardMerchant)
        .Transfer(9, "A", "G", 100)
        .Transfer(10, "B", "G", 300)
        .Purchase(11, "L", "G", paid: 200, faceValue: 200)
        .HandOver(11.5, "L", "G", "MID")
        .Resale(12, "L", "MID", "M", price: 172);

    [Theory]
    [InlineData(TracingRule.Fifo, 100, 100, 86, 86, 0, 200)]
    [InlineData(TracingRule.ProRata, 50, 150, 43, 129, 50, 150)]
    [InlineData(TracingRule.Libr, 50, 150, 43, 129, 50, 150)]
    public void Shares_follow_the_table_of_the_spec(
        TracingRule rule, int lotOfA, int lotOfB, int cashOfA, int cashOfB, int leftInGForA, int leftInGForB)
    {
        // Given the worked example
        var facts = WorkedExample();

        // When it is traced under the rule
        var report = FlowTracer.Trace(CaseFacts.CaseId, facts.Recorded, rule);

        // Then each victim's share of lot L, of the merchant's cash and of what is left in G is the table's
        var a = report.Victims.Single(v => v.Holder == "Victim A");
        var b = report.Victims.Single(v => v.Holder == "Victim B");
        Assert.Equal(lotOfA, a.Reached.Single().FaceValue);
        Assert.Equal(cashOfA, a.Reached.Single().Cash);
        Assert.Equal(lotOfB, b.Reached.Single().FaceValue);
        Assert.Equal(cashOfB, b.Reached.Single().Cash);
        Assert.Equal(leftInGForA, CashHeldIn(a, "G"));
        Assert.Equal(leftInGForB, CashHeldIn(b, "G"));
        Assert.Equal(new FlowTotals(400, 200, 200, 200, 172), report.Totals);
        Assert.Equal(28m, report.Totals.LaunderingCost);
    }

    private static decimal CashHeldIn(VictimRow victim, string account) =>
        victim.Holdings.SingleOrDefault(h => h.Account == account)?.Cash ?? 0m;
}
