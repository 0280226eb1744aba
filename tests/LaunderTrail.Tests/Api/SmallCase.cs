using LaunderTrail.Tests.Support;

namespace LaunderTrail.Tests.Api;

/// <summary>A victim's money bought prepaid cards that a card merchant bought back: enough for every endpoint to answer.</summary>
internal static class SmallCase
{
    public const string Case = Lines.Case;
    public const string Merchant = "cm-1";

    public static readonly string[] Facts =
    [
        Lines.Account("a-1", "zheng-card", "Ms Zheng", "victim"),
        Lines.Account("a-2", Merchant, "Card shop", "card-merchant"),
        Lines.Transfer("t-1", "zheng-card", "g-1", "1000"),
        """{"id":"p-1","case":"T-1","type":"PrepaidValuePurchased","at":"2019-04-29T10:20:00+08:00","lot":"SN-1","product":"Suning card","buyer":"g-1","paid":1000,"faceValue":1000,"holder":"g-1"}""",
        """{"id":"r-1","case":"T-1","type":"PrepaidValueResold","at":"2019-04-29T12:00:00+08:00","lot":"SN-1","seller":"g-1","buyer":"cm-1","faceValue":600,"price":570,"paidTo":"g-bank"}""",
    ];
}
