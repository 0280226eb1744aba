using LaunderTrail.Evidence;
using LaunderTrail.Tracing;
using Xunit;

namespace LaunderTrail.Tests.Tracing;

/// <summary>Facts kept in tracing's compact form (<see cref="TracingFacts"/>) say what the records said.</summary>
public sealed class TracingFactsTests
{
    [Fact]
    public void Each_account_lot_and_product_gets_one_number_in_the_order_first_met()
    {
        // Given facts that name the same accounts, lot and product more than once
        var facts = TracingFacts.From(new CaseFacts()
            .Transfer(1, "V", "G", 100m)
            .Purchase(2, "L1", "G", 100m, 100m, holder: "M", product: "Suning card")
            .HandOver(3, "L1", "M", "MID")
            .Resale(4, "L1", "MID", "CM", price: 97m, faceValue: 100m, paidTo: "G")
            .Recorded);

        // Then the numbers follow first mention, and lead back to the names
        var numbering = facts.Numbering;
        Assert.Equal(["V", "G", "M", "MID", "CM"], Enumerable.Range(0, numbering.Accounts.Count).Select(n => numbering.Accounts[n]));
        var resale = facts.Move(3);
        Assert.Equal((MoneyMove.Resale, "MID", "CM", "G", "L1"),
            (resale.Move, numbering.Accounts[resale.From], numbering.Accounts[resale.To], numbering.Accounts[resale.CashTo],
                numbering.Lots[resale.Lot]));
        Assert.Equal((97m, 100m), (resale.Amount, resale.FaceValue));
        Assert.Equal("Suning card", numbering.Products[facts.Move(1).Product]);
        Assert.Null(facts.Move(2).FaceValue);
    }

    [Fact]
    public void Facts_that_move_nothing_leave_only_their_id_and_count()
    {
        // Given an identification, a retraction and a contact beside one transfer
        var recorded = new CaseFacts()
            .Victim("V", "Victim")
            .Transfer(1, "V", "G", 100m, id: "tx-1")
            .Retract(2, "tx-1")
            .Record(new VictimContacted { Id = "c-1", Case = CaseFacts.CaseId, At = CaseFacts.At(0), Victim = "V", By = "G", Channel = "phone" })
            .Recorded;

        // When they are kept for tracing
        var facts = TracingFacts.From(recorded);

        // Then only the transfer moves money; the others are counted, and kept where tracing reads them
        Assert.Equal(4, facts.Count);
        Assert.Equal(1, facts.MoveCount);
        Assert.Equal("tx-1", facts.Move(0).Id.ToString());
        Assert.Single(facts.Identifications);
        Assert.Single(facts.Retractions);
        Assert.Equal(recorded.Select(f => f.Id), facts.IdsInRecordingOrder());
    }

    [Fact]
    public void The_last_instant_is_the_first_recorded_of_the_latest_ones_with_its_own_offset()
    {
        var latest = CaseFacts.At(5);
        var sameInstantInUtc = latest.ToOffset(TimeSpan.Zero);

        var facts = TracingFacts.From(new CaseFacts()
            .Transfer(5, "V", "G", 1m)
            .Record(new FundsTransferred { Id = "utc", Case = CaseFacts.CaseId, At = sameInstantInUtc, From = "V", To = "G", Amount = 1m })
            .Transfer(1, "V", "G", 1m)
            .Recorded);

        Assert.Equal(latest.Offset, facts.LastAt!.Value.Offset);
        Assert.Equal(latest, facts.LastAt);
    }

    [Fact]
    public void Many_facts_with_long_ids_are_all_kept_exactly()
    {
        // Given more facts than one chunk holds, and ids that fill more than one block of text, one longer than a block
        var recorded = new CaseFacts();
        var ids = Enumerable.Range(0, 10_000).Select(i => $"transfer-{i:000000}-{new string('x', i % 40)}").ToList();
        ids[7_000] = new string('y', 70_000);
        foreach (var id in ids) recorded.Transfer(1, "V", "G", 1m, id: id);

        // When they are kept for tracing
        var facts = TracingFacts.From(recorded.Recorded);

        // Then each is read back as it was recorded
        Assert.Equal(ids, Enumerable.Range(0, facts.MoveCount).Select(i => facts.Move(i).Id.ToString()));
        Assert.Throws<ArgumentOutOfRangeException>(() => facts.Move(facts.MoveCount).Amount);
    }
}
