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

    [Fact]
    public void Pairing_one_amount_at_a_time_decides_every_row_as_pairing_them_all_at_once_does()
    {
        // Six accounts sending one another four amounts at nearby times, naming each other by number, mask or holder,
        // with recorded transfers first: many pairs, groups left for review, and rows with no other side.
        var accounts = new[] { "6222000000000001", "6222000000000002", "6222000000000003", "6217000000000004", "6217000000000005", "6217000000000006" };
        var random = new Random(15);
        var rows = new List<MatchRow>();
        for (var i = 0; i < 600; i++)
        {
            var own = accounts[random.Next(accounts.Length)];
            var other = accounts.Where(a => a != own).ElementAt(random.Next(accounts.Length - 1));
            var shown = random.Next(3) switch { 0 => other, 1 => other[..4] + "****" + other[^4..], _ => "holder " + other[^1] };
            rows.Add(new MatchRow(own, shown, "holder " + own[^1], random.Next(2) == 0 ? Flow.In : Flow.Out, 100m * (1 + random.Next(4)),
                new DateTimeOffset(2019, 4, 29, 0, 0, 0, TimeSpan.FromHours(8)).AddMinutes(random.Next(4 * 24 * 60 / 30) * 30),
                Reference: null, "bank", Recorded: i < 40));
        }

        var together = TransferMatching.Decide(rows);
        var byAmount = new MatchDecision[rows.Count];
        foreach (var sameAmount in Enumerable.Range(0, rows.Count).GroupBy(i => rows[i].Amount))
        {
            var indexes = sameAmount.ToList();
            var decisions = TransferMatching.Pair(indexes.Select(i => rows[i]).ToList());
            for (var k = 0; k < indexes.Count; k++)
                byAmount[indexes[k]] = decisions[k] with
                {
                    Fact = decisions[k].Fact < 0 ? -1 : indexes[decisions[k].Fact],
                    Candidates = decisions[k].Candidates?.Select(c => indexes[c]).ToList(),
                };
        }

        Assert.Contains(together, d => d.Outcome == MatchOutcome.Matched);
        Assert.Contains(together, d => d.Outcome == MatchOutcome.Undecided);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(together[i].Outcome, byAmount[i].Outcome);
            Assert.Equal(together[i].Fact, byAmount[i].Fact);
            Assert.Equal(together[i].Candidates ?? [], byAmount[i].Candidates ?? []);
        }
    }
}
