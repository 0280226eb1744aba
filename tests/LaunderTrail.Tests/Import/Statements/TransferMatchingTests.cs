using System.Globalization;
using LaunderTrail.Import.Statements;

namespace LaunderTrail.Tests.Import.Statements;

public sealed class TransferMatchingTests
{
    private static MatchRow Row(string own, string counterparty, Flow flow, decimal amount, string at, string? reference = null,
        string channel = "bank", string? holder = null, bool recorded = false) =>
        new(own, counterparty, holder, flow, amount, DateTimeOffset.Parse(at + "+08:00", CultureInfo.InvariantCulture), reference,
            channel, recorded);

    [Fact]
    public void The_senders_and_the_receivers_row_of_one_transfer_are_one_transfer()
    {
        var decisions = TransferMatching.Decide(
        [
            Row("zheng", "6217****9999", Flow.Out, 500m, "2019-04-29T10:05:00"),
            Row("6217000000009999", "zheng", Flow.In, 500m, "2019-04-29T10:05:00"),
        ]);

        Assert.Equal(MatchOutcome.Record, decisions[0].Outcome);
        Assert.Equal(new MatchDecision(MatchOutcome.Matched, 0), decisions[1]);
    }

    [Fact]
    public void Rows_that_name_another_account_or_move_another_amount_are_not_matched()
    {
        var decisions = TransferMatching.Decide(
        [
            Row("zheng", "6217000000001111", Flow.Out, 500m, "2019-04-29T10:05:00"),
            Row("6217000000009999", "zheng", Flow.In, 500m, "2019-04-29T10:05:00"),
            Row("6217000000001111", "zheng", Flow.In, 499m, "2019-04-29T10:05:00"),
        ]);

        Assert.All(decisions, d => Assert.Equal(MatchOutcome.Record, d.Outcome));
    }

    [Fact]
    public void One_row_that_may_be_either_of_two_is_left_for_review_and_the_two_stay()
    {
        var decisions = TransferMatching.Decide(
        [
            Row("zheng", "wang", Flow.Out, 500m, "2019-04-29T10:00:00"),
            Row("wang", "zheng", Flow.In, 500m, "2019-04-29T09:00:00"),
            Row("wang", "zheng", Flow.In, 500m, "2019-04-29T11:00:00"),
        ]);

        Assert.Equal(MatchOutcome.Undecided, decisions[0].Outcome);
        Assert.Equal([1, 2], decisions[0].Candidates!);
        Assert.Equal(MatchOutcome.Record, decisions[1].Outcome);
        Assert.Equal(MatchOutcome.Record, decisions[2].Outcome);
    }

    [Fact]
    public void A_shared_reference_decides_where_times_alone_would_not()
    {
        var decisions = TransferMatching.Decide(
        [
            Row("zheng", "wang", Flow.Out, 500m, "2019-04-29T10:00:00", "2019042922001", "alipay"),
            Row("wang", "zheng", Flow.In, 500m, "2019-04-29T10:00:00", "2019042922001", "alipay"),
            Row("wang", "zheng", Flow.In, 500m, "2019-04-29T10:00:00", "2019042922002", "alipay"),
        ]);

        Assert.Equal(new MatchDecision(MatchOutcome.Matched, 0), decisions[1]);
        Assert.Equal(MatchOutcome.Record, decisions[2].Outcome);
    }

    [Fact]
    public void A_recorded_transfer_stays_and_the_new_row_is_its_second_side()
    {
        var decisions = TransferMatching.Decide(
        [
            Row("zheng", "wang", Flow.Out, 500m, "2019-04-29T10:00:00", recorded: true),
            Row("wang", "郑", Flow.In, 500m, "2019-04-29T10:00:00", holder: null),
        ]);

        // "郑" is a name the receiver's statement shows; the sender's side names wang, so the pair is consistent.
        Assert.Equal(new MatchDecision(MatchOutcome.Matched, 0), decisions[1]);
    }

    [Fact]
    public void The_same_row_in_two_overlapping_statements_of_one_account_is_a_repeat()
    {
        var decisions = TransferMatching.Decide(
        [
            Row("zheng", "wang", Flow.Out, 500m, "2019-04-29T10:00:00", "SN1"),
            Row("zheng", "wang", Flow.Out, 500m, "2019-04-29T10:00:00", "SN1"),
            Row("zheng", "wang", Flow.Out, 20m, "2019-04-29T10:00:00", "SN1"),
        ]);

        Assert.Equal(new MatchDecision(MatchOutcome.Matched, 0), decisions[1]);
        Assert.Equal(MatchOutcome.Record, decisions[2].Outcome);
    }
}
