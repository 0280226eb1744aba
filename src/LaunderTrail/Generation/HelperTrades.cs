using LaunderTrail.Evidence;

namespace LaunderTrail.Generation;

/// <summary>
/// The helpers' side of the chain: the two brokers surnamed Yang selling leaked order data (up to 6 CNY a
/// record) and the account merchants selling WeChat accounts (about 10 CNY, aged real-name ones up to 200)
/// and QQ "token" accounts (10 CNY to tens of CNY).
/// </summary>
internal static class HelperTrades
{
    private static string Buyer => Cast.GangAccounts[2];

    public static IEnumerable<CaseEvent> OpeningAccountSales(Story story)
    {
        var at = Story.Beijing(4, 26, 14, 0);
        yield return AccountsSold(story, at, Cast.WeChatAccountMerchant, "WeChat", 300, 10m, "bulk-registered WeChat accounts");
        yield return AccountsSold(story, at.AddHours(1), Cast.WeChatAccountMerchant, "WeChat", 20, 200m, "aged real-name WeChat accounts");
        yield return AccountsSold(story, at.AddHours(3), Cast.QqAccountMerchant, "QQ", 150, 15m, "QQ token accounts");
    }

    public static AccountsSold AccountRestock(Story story, DateTimeOffset at) => story.Random.Between(1, 3) switch
    {
        1 => AccountsSold(story, at, Cast.WeChatAccountMerchant, "WeChat", story.Random.Between(100, 300), 10m, "bulk-registered WeChat accounts"),
        2 => AccountsSold(story, at, Cast.WeChatAccountMerchant, "WeChat", story.Random.Between(5, 20), story.Random.Between(120, 200), "aged real-name WeChat accounts"),
        _ => AccountsSold(story, at, Cast.QqAccountMerchant, "QQ", story.Random.Between(50, 200), story.Random.Between(10, 30), "QQ token accounts"),
    };

    /// <summary>A batch of leaked Taobao order records; fresher data costs more, up to 6 CNY a record.</summary>
    public static OrderDataSold OrderData(Story story, DateTimeOffset at, IReadOnlyList<string> victims) =>
        OrderData(story, at, story.Random.Pick(Cast.DataBrokers), story.Random.Between(1000, 20000),
            Yuan.FromCents(story.Random.Between(50, 600)), victims, note: null);

    public static OrderDataSold OrderData(Story story, DateTimeOffset at, string broker, long records,
        decimal pricePerRecord, IReadOnlyList<string> victims, string? note)
    {
        var id = story.Ids.OrderData();
        return new OrderDataSold
        {
            Id = id, Case = story.Case, At = at, Seller = broker, Buyer = Buyer, Records = (int)records,
            PricePerRecord = pricePerRecord, Victims = victims, Source = Exhibits.BrokerLaptop(Number(id)), Note = note,
        };
    }

    private static AccountsSold AccountsSold(Story story, DateTimeOffset at, string merchant, string platform,
        long count, decimal unitPrice, string note)
    {
        var id = story.Ids.AccountSale();
        return new AccountsSold
        {
            Id = id, Case = story.Case, At = at, Seller = merchant, Buyer = Buyer, Platform = platform,
            Count = (int)count, UnitPrice = unitPrice, Source = Exhibits.AccountMerchantLedger(Number(id)), Note = note,
        };
    }

    private static string Number(string id) => id[(id.IndexOf('-') + 1)..];
}
