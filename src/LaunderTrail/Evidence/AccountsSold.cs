namespace LaunderTrail.Evidence;

/// <summary>An account merchant sold bulk-registered WeChat/QQ accounts. Moves no money in the trace.</summary>
public sealed record AccountsSold : CaseEvent, IMoneyFact
{
    public required string Seller { get; init; }
    public required string Buyer { get; init; }
    public required string Platform { get; init; }
    public required int Count { get; init; }
    public required decimal UnitPrice { get; init; }
    public string Currency { get; init; } = Currencies.Default;
}
