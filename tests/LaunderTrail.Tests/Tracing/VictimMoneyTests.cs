using LaunderTrail.Evidence;
using LaunderTrail.Tracing;
using Xunit;

namespace LaunderTrail.Tests.Tracing;

/// <summary>What counts as a victim's loss, and where her money becomes traced.</summary>
public sealed class VictimMoneyTests
{
    private static CaseFacts Case() => new CaseFacts()
        .Victim("A", "Victim A")
        .Victim("A2", "Victim A")
        .Victim("B", "Victim B")
        .Identify("G", "Gang", AccountRole.Fraudster)
        .Identify("lender", "Loan app", AccountRole.Lender);

    [Theory]
    [InlineData(TracingRule.Fifo)]
    [InlineData(TracingRule.ProRata)]
    public void A_loan_landing_in_a_victim_account_is_her_loss_once_it_leaves(TracingRule rule)
    {
        // Given a loan paid into the victim's account
        var facts = Case()
            .Loan(9, "lender", "A", 1000)
            // When she sends 800 of it to the gang
            .Transfer(10, "A", "G", 800);

        var report = facts.Trace(rule);

        // Then she lost 800 (the loan itself is no loss), and the gang holds it as hers, not as the lender's
        Assert.Equal(800m, report.Victim("Victim A").Loss);
        Assert.Equal(800m, report.Victim("Victim A").HoldingAt("G")!.Cash);
        Assert.Empty(report.UnattributedHoldings);
    }

    [Fact]
    public void A_loan_to_a_non_victim_account_is_money_of_unknown_origin()
    {
        // Given a loan paid straight to the gang
        var facts = Case().Loan(9, "lender", "G", 1000);

        // When the case is traced
        var report = facts.Trace(TracingRule.Fifo);

        // Then the gang holds 1000 of unknown origin and nobody lost anything
        Assert.Equal(1000m, report.UnattributedAt("G")!.Cash);
        Assert.Equal(0m, report.Totals.VictimLoss);
    }

    [Theory]
    [InlineData(TracingRule.Fifo)]
    [InlineData(TracingRule.ProRata)]
    public void Moves_between_victim_accounts_are_no_loss(TracingRule rule)
    {
        // Given moves between one victim's accounts and to another victim
        var facts = Case()
            .Transfer(9, "A", "A2", 500)
            .Transfer(10, "A2", "B", 200);

        // When the case is traced
        var report = facts.Trace(rule);

        // Then nobody lost anything, and both victims are reported, A with her two accounts sorted
        Assert.Equal(0m, report.Totals.VictimLoss);
        Assert.Equal(["Victim A", "Victim B"], report.Victims.Select(v => v.Holder));
        Assert.Equal(["A", "A2"], report.Victim("Victim A").Accounts);
        Assert.Empty(report.Victim("Victim A").Holdings);
    }

    [Theory]
    [InlineData(TracingRule.Fifo)]
    [InlineData(TracingRule.ProRata)]
    public void A_victim_paying_for_prepaid_value_held_by_the_gang_loses_what_she_paid(TracingRule rule)
    {
        // Given the victim buys a lot of face value 100 for 97, delivered to the gang
        var facts = Case().Purchase(9, "L", "A", paid: 97, faceValue: 100, holder: "G");

        // When the case is traced
        var report = facts.Trace(rule);

        // Then she lost the 97 she paid, the gang holds face value 100 of hers, and the purchase counts in totals
        var victim = report.Victim("Victim A");
        Assert.Equal(97m, victim.Loss);
        Assert.Equal(new HoldingRow("G", "Gang", AccountRole.Fraudster, 0m, 100m), victim.HoldingAt("G"));
        Assert.Equal(new HopRow("G", "Gang", AccountRole.Fraudster, 97m), victim.Hops.Single());
        Assert.Equal((100m, 97m), (report.Totals.PrepaidFaceValue, report.Totals.PrepaidPaid));
    }

    [Theory]
    [InlineData(TracingRule.Fifo)]
    [InlineData(TracingRule.ProRata)]
    public void Prepaid_value_a_victim_keeps_is_her_loss_only_when_she_hands_it_over(TracingRule rule)
    {
        // Given the victim buys a lot of 100 for herself and hands over 40 of it, then the rest
        var facts = Case()
            .Purchase(9, "L", "A", paid: 100, faceValue: 100)
            .HandOver(10, "L", "A", "G", faceValue: 40)
            .HandOver(11, "L", "A", "G")
            // When she tries to hand over "all she has" once more
            .HandOver(12, "L", "A", "G", id: "h-again");

        var report = facts.Trace(rule);

        // Then her loss is the 100 handed over, and the last hand-over, which moves nothing, is a problem
        Assert.Equal(100m, report.Victim("Victim A").Loss);
        Assert.Equal(100m, report.Victim("Victim A").HoldingAt("G")!.FaceValue);
        Assert.Equal("h-again", report.Problems.Single().Id);
    }
}
