using LaunderTrail.Evidence;

namespace LaunderTrail.Generation;

/// <summary>
/// Ms Zheng's story exactly as the report tells it: her 62 CNY Taobao order of 27 April leaked with a
/// broker's batch, the "Alipay claims centre" call of 28 April offering 162 CNY, the 50,000 CNY loan of
/// 29 April that she moved to her bank card, and the 49,950 CNY that left the card minutes later.
/// </summary>
internal static class MsZheng
{
    public const string Alipay = "acc-zheng-alipay";
    public const string Bank = "acc-zheng-bank";
    public const long Loan = 50_000;
    public const long Taken = 49_950;

    private static readonly Victim Herself = new("0001", "Ms Zheng, Suzhou (victim 0001)", "Suzhou", Alipay, Bank, BankName: null);

    public static OrderDataSold LeakedOrderBatch(Story story, IReadOnlyList<string> victims) =>
        HelperTrades.OrderData(story, Story.Beijing(4, 27, 21, 30), Cast.DataBrokers[0], records: 3000,
            pricePerRecord: 6m, victims,
            note: "same-day Taobao order data, incl. Ms Zheng's 62 CNY underwear order of 2019-04-27");

    public static IEnumerable<CaseEvent> Tell(Story story, LaunderingRing ring, string caller)
    {
        var contactedAt = Story.Beijing(4, 28, 10, 12);
        foreach (var identified in Herself.Identify(story, contactedAt))
            yield return identified;
        yield return new VictimContacted
        {
            Id = story.Ids.Contact(), Case = story.Case, At = contactedAt, Victim = Alipay, By = caller, Channel = "phone",
            Pretext = "posing as the Alipay claims centre: knew her phone, address and 62 CNY Taobao order; " +
                      "parcel lost, offered 162 CNY compensation",
            Source = "Ms Zheng's statement, Suzhou PSB report no. 0001",
            Note = "guided to add a WeChat contact, scan a QR code, enter her bank card and log into a loan app with her Alipay account",
        };
        var disbursedAt = Story.Beijing(4, 29, 9, 37);
        yield return new LoanDisbursed
        {
            Id = story.Ids.Loan(), Case = story.Case, At = disbursedAt, Lender = Cast.Lender, To = Alipay,
            Amount = Yuan.Of(Loan), Source = Exhibits.LoanRecord(Herself.File),
        };
        var withdrawnAt = Story.Beijing(4, 29, 9, 52);
        yield return new FundsTransferred
        {
            Id = story.Ids.Transfer(), Case = story.Case, At = withdrawnAt, From = Alipay, To = Bank,
            Amount = Yuan.Of(Loan), Channel = "alipay", Source = Exhibits.AlipayRecords(Herself.File, 1),
            Note = "uneasy, she withdrew the loan to her own bank card",
        };
        var takenAt = Story.Beijing(4, 29, 9, 58);
        var gang = Cast.GangAccounts[0];
        yield return new FundsTransferred
        {
            Id = story.Ids.Transfer(), Case = story.Case, At = takenAt, From = Bank, To = gang,
            Amount = Yuan.Of(Taken), Channel = "bank", Source = Exhibits.BankStatement(Herself.File, 3),
            Note = "left her card minutes after the withdrawal",
        };
        foreach (var laundered in ring.BuyAndCashOut(gang, Taken, takenAt, Herself.File))
            yield return laundered;
    }
}
