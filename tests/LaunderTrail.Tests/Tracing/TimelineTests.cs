using LaunderTrail.Evidence;
using LaunderTrail.Tracing;
using Xunit;

namespace LaunderTrail.Tests.Tracing;

/// <summary>Facts count in the order they happened, whatever the order they were recorded in.</summary>
public sealed class TimelineTests
{
    [Theory]
    [InlineData(TracingRule.Fifo)]
    [InlineData(TracingRule.ProRata)]
    public void Facts_recorded_out_of_time_order_give_the_report_of_the_sorted_ones(TracingRule rule)
    {
        // Given the mixed example case, recorded in time order and in reverse
        var recorded = SpecExamples.ReadEvents("mixed-case.jsonl");
        var sorted = recorded.OrderBy(e => e.At.UtcDateTime).ToList();
        var reversed = sorted.AsEnumerable().Reverse().ToList();
        Assert.NotEqual(sorted.Select(e => e.Id), recorded.Select(e => e.Id));

        // When each is traced
        var reports = new[] { recorded, sorted, reversed }
            .Select(facts => FlowReportJson.Write(FlowTracer.Trace("EX-2", facts, rule)))
            .ToList();

        // Then the reports are the same, byte for byte
        Assert.Equal(reports[1], reports[0]);
        Assert.Equal(reports[1], reports[2]);
    }

    [Fact]
    public void Many_facts_of_few_instants_keep_recording_order_within_each_instant()
    {
        // Given 2,000 transfers recorded in a scrambled order of time, over only 7 distinct instants
        var facts = Enumerable.Range(0, 2000)
            .Select(i => (CaseEvent)new FundsTransferred
            {
                Id = $"f-{i:0000}", Case = CaseFacts.CaseId, At = CaseFacts.At(i * 7919 % 7), From = "A", To = "G", Amount = 1,
            })
            .ToList();

        // When the timeline orders them
        var timeline = CaseTimeline.Of(facts, asOf: null);
        var happenings = timeline.Happenings.ToArray().Select(position => timeline.Facts.Move(position).Id.ToString());

        // Then they follow time, and within one instant the order they were recorded in
        Assert.Equal(facts.OrderBy(f => f.At.UtcTicks).Select(f => f.Id), happenings);
    }

    [Theory]
    [InlineData(false, 100, 0)]
    [InlineData(true, 0, 100)]
    public void Facts_at_the_same_instant_apply_in_recording_order(bool bRecordedFirst, int aMovedOn, int bMovedOn)
    {
        // Given A and B pay the gang at the same instant, stated in different offsets
        var sameInstantElsewhere = CaseFacts.At(10).ToOffset(TimeSpan.Zero);
        var facts = new CaseFacts()
            .Victim("A", "Victim A")
            .Victim("B", "Victim B")
            .Identify("G", "Gang", AccountRole.Fraudster)
            .Identify("H", "Gang", AccountRole.Fraudster);
        var fromA = new FundsTransferred { Id = "f-A", Case = CaseFacts.CaseId, At = CaseFacts.At(10), From = "A", To = "G", Amount = 100 };
        var fromB = new FundsTransferred { Id = "f-B", Case = CaseFacts.CaseId, At = sameInstantElsewhere, From = "B", To = "G", Amount = 100 };
        if (bRecordedFirst) facts.Record(fromB).Record(fromA);
        else facts.Record(fromA).Record(fromB);

        // When the gang moves 100 on under fifo
        var report = facts.Transfer(11, "G", "H", 100).Trace(TracingRule.Fifo);

        // Then the money recorded first left first
        Assert.Equal((decimal)aMovedOn, report.Victim("Victim A").HoldingAt("H")?.Cash ?? 0m);
        Assert.Equal((decimal)bMovedOn, report.Victim("Victim B").HoldingAt("H")?.Cash ?? 0m);
    }

    [Fact]
    public void As_of_a_moment_later_facts_are_left_out_but_identifications_are_not()
    {
        // Given an account identified as a victim only after the moment, and a transfer after it
        var facts = new CaseFacts()
            .Identify("A", "Victim A", AccountRole.Victim, hour: 20)
            .Identify("G", "Gang", AccountRole.Fraudster)
            .Transfer(9, "A", "G", 100)
            .Transfer(12, "A", "G", 50);
        var moment = CaseFacts.At(10).ToOffset(TimeSpan.FromHours(-5));

        // When it is traced as of 10:00
        var report = facts.Trace(TracingRule.ProRata, moment);

        // Then A is a victim all along, only the first transfer counts, and the moment is echoed in its offset
        Assert.Equal(100m, report.Victim("Victim A").Loss);
        Assert.Contains("\"asOf\": \"2019-04-28T21:00:00-05:00\",", FlowReportJson.Write(report));
    }

    [Fact]
    public void The_later_identification_of_an_account_wins()
    {
        // Given an account identified as a victim, then later found to be a middleman's, recorded the other way round
        var facts = new CaseFacts()
            .Identify("X", "Middleman", AccountRole.Middleman, hour: 8)
            .Identify("X", "Victim X", AccountRole.Victim, hour: 7)
            .Identify("G", "Gang", AccountRole.Fraudster)
            .Transfer(9, "X", "G", 100);

        // When the case is traced
        var report = facts.Trace(TracingRule.Fifo);

        // Then X is no victim and its money is of unknown origin
        Assert.Empty(report.Victims);
        Assert.Equal(100m, report.UnattributedAt("G")!.Cash);
    }
}
