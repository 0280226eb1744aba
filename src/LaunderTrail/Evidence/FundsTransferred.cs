namespace LaunderTrail.Evidence;

public sealed record FundsTransferred : CaseEvent, IMoneyFact
{
    public required string From { get; init; }
    public required string To { get; init; }
    public required decimal Amount { get; init; }

    /// <summary>bank, alipay, wechat, cash or other.</summary>
    public string? Channel { get; init; }

    public string Currency { get; init; } = Currencies.Default;
}
