using LaunderTrail.Evidence;
using LaunderTrail.Tracing;
using Xunit;

namespace LaunderTrail.Tests.Tracing;

public sealed class UnattributedValueTests
{
    private static CaseFacts GangWithVictimMoney() => new CaseFacts()
        .Victim("A", "Victim A")
        .Identify("G", "Gang", AccountRole.Fraudster)
        .Identify("H", "Gang", AccountRole.Fraudster)
        .Identify("MID", "Middleman", AccountRole.Middleman)
        .Transfer(9, "A", "G", 100);

    [Theory]
    [InlineData(TracingRule.Fifo)]
    [InlineData(TracingRule.ProRata)]
    public void Cash_sent_beyond_the_pool_is_unattributed(TracingRule rule)
    {
        // Given G holds 100 of A's money
        var facts = GangWithVictimMoney()
            // When G sends 150 on
            .Transfer(10, "G", "H", 150);

        var report = facts.Trace(rule);

        // Then H holds A's 100 and 50 of unknown origin, and G holds nothing
        Assert.Equal(100m, report.Victim("Victim A").HoldingAt("H")!.Cash);
        Assert.Null(report.Victim("Victim A").HoldingAt("G"));
        Assert.Equal(50m, report.UnattributedAt("H")!.Cash);
    }

    [Theory]
    [InlineData(TracingRule.Fifo)]
    [InlineData(TracingRule.ProRata)]
    public void Money_from_an_account_that_holds_nothing_traced_is_unattributed(TracingRule rule)
    {
        // Given an unknown account that never received traced money
        var facts = GangWithVictimMoney()
            // When it pays the gang
            .Transfer(10, "unknown-1", "G", 40);

        var report = facts.Trace(rule);

        // Then the gang holds 40 of unknown origin beside A's 100, and nobody lost it
        Assert.Equal(40m, report.UnattributedAt("G")!.Cash);
        Assert.Equal(100m, report.Victim("Victim A").HoldingAt("G")!.Cash);
        Assert.Equal(100m, report.Totals.VictimLoss);
    }

    [Theory]
    [InlineData(TracingRule.Fifo)]
    [InlineData(TracingRule.ProRata)]
    public void Face_value_handed_over_beyond_what_the_holder_holds_is_unattributed(TracingRule rule)
    {
        // Given G holds a lot of face value 100 bought with A's money
        var facts = GangWithVictimMoney()
            .Purchase(10, "L", "G", paid: 100, faceValue: 100)
            // When G hands over an explicit face value of 150
            .HandOver(11, "L", "G", "MID", faceValue: 150);

        var report = facts.Trace(rule);

        // Then the middleman holds A's 100 and 50 of unknown origin, and the fact is no problem
        Assert.Equal(100m, report.Victim("Victim A").HoldingAt("MID")!.FaceValue);
        Assert.Equal(50m, report.UnattributedAt("MID")!.FaceValue);
        Assert.Empty(report.Problems);
    }
}
