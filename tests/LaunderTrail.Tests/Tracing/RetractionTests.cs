using LaunderTrail.Evidence;
using LaunderTrail.Tracing;
using Xunit;

namespace LaunderTrail.Tests.Tracing;

public sealed class RetractionTests
{
    private static CaseFacts TwoTransfers() => new CaseFacts()
        .Victim("A", "Victim A")
        .Identify("G", "Gang", AccountRole.Fraudster)
        .Transfer(9, "A", "G", 100, id: "f-kept")
        .Transfer(10, "A", "G", 50, id: "f-wrong");

    [Fact]
    public void A_retracted_fact_is_left_out_of_every_figure()
    {
        // Given two transfers, the second entered in error
        var facts = TwoTransfers()
            // When it is retracted
            .Retract(11, "f-wrong");

        var report = facts.Trace(TracingRule.Fifo);

        // Then only the first counts
        Assert.Equal(100m, report.Victim("Victim A").Loss);
        Assert.Equal(100m, report.Victim("Victim A").HoldingAt("G")!.Cash);
    }

    [Fact]
    public void A_retraction_applies_whatever_the_as_of_moment()
    {
        // Given the erroneous transfer is retracted long after
        var facts = TwoTransfers().Retract(48, "f-wrong");

        // When the case is traced as of a moment before the retraction
        var report = facts.Trace(TracingRule.Fifo, CaseFacts.At(12));

        // Then the corrected record is what counts: the fact was wrong at every moment
        Assert.Equal(100m, report.Victim("Victim A").Loss);
    }

    [Fact]
    public void Retracting_a_retraction_puts_the_fact_back()
    {
        // Given a retraction that was itself a mistake
        var facts = TwoTransfers().Retract(11, "f-wrong");
        var mistakenRetraction = facts.Recorded[^1].Id;

        // When that retraction is retracted
        var report = facts.Retract(12, mistakenRetraction).Trace(TracingRule.Fifo);

        // Then the transfer counts again
        Assert.Equal(150m, report.Victim("Victim A").Loss);
    }

    [Fact]
    public void A_retracted_identification_no_longer_describes_the_account()
    {
        // Given the identification of the victim's account
        var facts = new CaseFacts().Victim("A", "Victim A").Identify("G", "Gang", AccountRole.Fraudster).Transfer(9, "A", "G", 100);
        var identification = facts.Recorded[0].Id;

        // When it is retracted
        var report = facts.Retract(10, identification).Trace(TracingRule.Fifo);

        // Then there is no victim and the money is of unknown origin
        Assert.Empty(report.Victims);
        Assert.Equal(100m, report.UnattributedAt("G")!.Cash);
    }
}
