using LaunderTrail.Evidence;
using static System.FormattableString;

namespace LaunderTrail.Generation;

/// <summary>
/// One victim per contact slot: the call, how the money left her (a loan she was talked into, transfers, or
/// prepaid value she was made to buy straight for the gang), and the gang laundering it.
/// </summary>
internal sealed class VictimRounds(Story story, LaunderingRing ring, Schedule schedule)
{
    /// <summary>The victim of the report's largest single take, in the middle of May.</summary>
    public const long BiggestTakeSlot = 101;
    public const long BiggestTake = 290_000;

    private const int LoanPercent = 20;
    private const int DirectPurchasePercent = 15;
    private const long SmallestTake = 3_000;
    private const long TakeBandWidth = 5_125;
    private const int TakeBands = 8;

    public IEnumerable<CaseEvent> Play(long slot) => slot switch
    {
        0 => MsZheng.Tell(story, ring, schedule.CallerOf(slot)),
        BiggestTakeSlot => Biggest(slot),
        _ => Ordinary(slot),
    };

    private IEnumerable<CaseEvent> Ordinary(long slot)
    {
        var (victim, contactedAt, contacted) = Reach(slot);
        foreach (var e in contacted) yield return e;
        var take = Take(slot);
        var gang = story.Random.Pick(Cast.GangAccounts);
        var path = story.Random.Between(1, 100);
        var losses = path <= LoanPercent ? ThroughLoan(victim, gang, take, contactedAt)
            : path <= LoanPercent + DirectPurchasePercent ? ThroughDirectPurchases(victim, gang, take, contactedAt)
            : ThroughTransfers(victim, gang, take, contactedAt);
        foreach (var e in losses) yield return e;
    }

    private IEnumerable<CaseEvent> Biggest(long slot)
    {
        var (victim, contactedAt, contacted) = Reach(slot);
        foreach (var e in contacted) yield return e;
        var gang = Cast.GangAccounts[1];
        var clock = story.Later(contactedAt, 20, 40);
        long[] transfers = [50_000, 50_000, 50_000, 50_000, 50_000, 40_000];
        foreach (var amount in transfers)
        {
            clock = story.Later(clock, 8, 30);
            yield return Transfer(victim.Bank, gang, amount, clock, "bank", Exhibits.BankStatement(victim.File, story.Random.Between(1, 9)),
                "part of the largest single take in the case, 290,000 CNY");
        }
        foreach (var e in ring.BuyAndCashOut(gang, BiggestTake, clock, victim.File)) yield return e;
    }

    private (Victim Victim, DateTimeOffset ContactedAt, IEnumerable<CaseEvent> Events) Reach(long slot)
    {
        var victim = Victim.Draw(story, slot);
        var contactedAt = schedule.ContactAt(slot);
        var contact = Contact(victim, schedule.CallerOf(slot), contactedAt);
        return (victim, contactedAt, [.. victim.Identify(story, contactedAt), contact]);
    }

    /// <summary>
    /// Stratified: slots take turns over eight equal bands of 3,000 to 44,000 CNY, so the case totals stay near the
    /// brief's figures for every seed while each amount still looks random.
    /// </summary>
    private long Take(long slot) =>
        SmallestTake + slot * 3 % TakeBands * TakeBandWidth + story.Random.Between(0, TakeBandWidth - 1);

    private VictimContacted Contact(Victim victim, string caller, DateTimeOffset at)
    {
        var order = story.Random.Between(19, 399);
        var compensation = order + story.Random.Between(50, 200);
        var pretext = story.Random.Between(1, 3) switch
        {
            1 => Invariant($"posing as courier customer service: parcel of a {order} CNY Taobao order lost, offered {compensation} CNY compensation"),
            2 => Invariant($"posing as the Alipay claims centre: {order} CNY Taobao order flagged as lost, offered {compensation} CNY compensation"),
            _ => Invariant($"posing as the Taobao shop's customer service: {order} CNY item recalled, offered a {compensation} CNY refund"),
        };
        return new VictimContacted
        {
            Id = story.Ids.Contact(), Case = story.Case, At = at, Victim = victim.Alipay, By = caller, Channel = "phone",
            Pretext = pretext, Source = Exhibits.VictimStatement(victim.File, victim.City),
        };
    }

    private IEnumerable<CaseEvent> ThroughLoan(Victim victim, string gang, long take, DateTimeOffset contactedAt)
    {
        var loan = (take + 999) / 1000 * 1000;
        var clock = story.Later(contactedAt, 15, 60);
        yield return new LoanDisbursed
        {
            Id = story.Ids.Loan(), Case = story.Case, At = clock, Lender = Cast.Lender, To = victim.Alipay,
            Amount = Yuan.Of(loan), Source = Exhibits.LoanRecord(victim.File),
            Note = "loan taken through the app the caller had the victim log into",
        };
        clock = story.Later(clock, 2, 15);
        yield return Transfer(victim.Alipay, victim.Bank, loan, clock, "alipay", Exhibits.AlipayRecords(victim.File, story.Random.Between(1, 5)), note: null);
        clock = story.Later(clock, 2, 10);
        yield return Transfer(victim.Bank, gang, take, clock, "bank", Exhibits.BankStatement(victim.File, story.Random.Between(1, 9)), note: null);
        foreach (var e in ring.BuyAndCashOut(gang, take, clock, victim.File)) yield return e;
    }

    private IEnumerable<CaseEvent> ThroughDirectPurchases(Victim victim, string gang, long take, DateTimeOffset contactedAt)
    {
        var lots = new List<HeldLot>();
        var clock = story.Later(contactedAt, 10, 30);
        foreach (var faceValue in ring.LotSizes(take / 100 * 100))
        {
            var product = story.Random.Chance(50) ? PrepaidProduct.SuningCard : PrepaidProduct.QCoin;
            var lot = new HeldLot(story.Ids.Lot(product), product, faceValue);
            lots.Add(lot);
            clock = story.Later(clock, 2, 8);
            yield return ring.Purchase(victim.Alipay, gang, lot, clock, victim.File,
                "victim made to scan a payment code, buying prepaid value straight into the gang's account");
        }
        foreach (var e in ring.CashOut(gang, lots, clock, victim.File)) yield return e;
    }

    private IEnumerable<CaseEvent> ThroughTransfers(Victim victim, string gang, long take, DateTimeOffset contactedAt)
    {
        var fromAlipay = story.Random.Chance(30);
        var (from, channel) = fromAlipay ? (victim.Alipay, "alipay") : (victim.Bank, "bank");
        var transfers = story.Random.Between(1, 3);
        var left = take;
        var clock = story.Later(contactedAt, 15, 45);
        for (var remaining = transfers; remaining > 0; remaining--)
        {
            var amount = remaining == 1 ? left : story.Random.Between(left / remaining / 2, left / remaining);
            left -= amount;
            var source = fromAlipay
                ? Exhibits.AlipayRecords(victim.File, story.Random.Between(1, 5))
                : Exhibits.BankStatement(victim.File, story.Random.Between(1, 9));
            yield return Transfer(from, gang, amount, clock, channel, source, note: null);
            if (remaining > 1) clock = story.Later(clock, 3, 20);
        }
        foreach (var e in ring.BuyAndCashOut(gang, take, clock, victim.File)) yield return e;
    }

    private FundsTransferred Transfer(string from, string to, long amount, DateTimeOffset at, string channel, string source, string? note) => new()
    {
        Id = story.Ids.Transfer(), Case = story.Case, At = at, From = from, To = to, Amount = Yuan.Of(amount),
        Channel = channel, Source = source, Note = note,
    };
}
