namespace LaunderTrail.Tests.Support;

/// <summary>Interchange lines for tests, written the way investigators' tools write them.</summary>
public static class Lines
{
    public const string Case = "T-1";

    public static string Account(string id, string account, string holder, string role) =>
        $$"""{"id":"{{id}}","case":"{{Case}}","type":"AccountIdentified","at":"2019-04-29T08:00:00+08:00","account":"{{account}}","holder":"{{holder}}","role":"{{role}}"}""";

    public static string Transfer(string id, string from, string to, string amount, string at = "2019-04-29T10:05:00+08:00") =>
        $$"""{"id":"{{id}}","case":"{{Case}}","type":"FundsTransferred","at":"{{at}}","from":"{{from}}","to":"{{to}}","amount":{{amount}},"channel":"bank"}""";

    /// <summary>One line of every fact type of the interchange format, each with its optional fields filled.</summary>
    public static readonly string[] OneOfEachType =
    [
        """{"id":"a-1","case":"T-1","type":"AccountIdentified","at":"2019-04-29T08:00:00+08:00","account":"zheng-card","holder":"Ms Zheng","role":"victim","institution":"ICBC Suzhou","source":"police report p.1","note":"her debit card"}""",
        """{"id":"l-1","case":"T-1","type":"LoanDisbursed","at":"2019-04-29T09:58:00+08:00","lender":"loan-app","to":"zheng-alipay","amount":50000,"currency":"CNY","source":"loan contract"}""",
        """{"id":"t-1","case":"T-1","type":"FundsTransferred","at":"2019-04-29T10:05:00+08:00","from":"zheng-card","to":"g-1","amount":49950.00,"channel":"bank"}""",
        """{"id":"p-1","case":"T-1","type":"PrepaidValuePurchased","at":"2019-04-29T10:20:00+08:00","lot":"SN-1","product":"Suning card","buyer":"g-1","paid":20000,"faceValue":20000,"holder":"g-2"}""",
        """{"id":"h-1","case":"T-1","type":"PrepaidValueTransferred","at":"2019-04-29T11:00:00+08:00","lot":"SN-1","from":"g-2","to":"mid","faceValue":15000}""",
        """{"id":"r-1","case":"T-1","type":"PrepaidValueResold","at":"2019-04-29T12:00:00+08:00","lot":"SN-1","seller":"mid","buyer":"cm-1","faceValue":10000,"price":9700,"paidTo":"mid-bank"}""",
        """{"id":"o-1","case":"T-1","type":"OrderDataSold","at":"2019-04-27T12:00:00+08:00","seller":"broker-yang","buyer":"g-1","records":20000,"pricePerRecord":2.5,"victims":["zheng-card","li-card"]}""",
        """{"id":"s-1","case":"T-1","type":"AccountsSold","at":"2019-04-26T12:00:00+08:00","seller":"acct-shop","buyer":"g-1","platform":"WeChat","count":50,"unitPrice":10}""",
        """{"id":"c-1","case":"T-1","type":"VictimContacted","at":"2019-04-28T15:00:00+08:00","victim":"zheng-card","by":"wx-kefu-7","channel":"phone","pretext":"lost parcel, 162 CNY"}""",
        """{"id":"x-1","case":"T-1","type":"EventRetracted","at":"2019-05-20T09:00:00+08:00","retracts":"s-1","reason":"wrong exhibit"}""",
    ];

    public static string Join(params string[] lines) => string.Join('\n', lines) + "\n";
}
