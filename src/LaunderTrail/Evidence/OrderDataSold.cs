namespace LaunderTrail.Evidence;

/// <summary>A data broker sold leaked order records to the gang. Moves no money in the trace.</summary>
public sealed record OrderDataSold : CaseEvent, IMoneyFact
{
    public required string Seller { get; init; }
    public required string Buyer { get; init; }
    public required int Records { get; init; }
    public required decimal PricePerRecord { get; init; }

    /// <summary>Accounts of victims whose orders were in the batch.</summary>
    public IReadOnlyList<string>? Victims { get; init; }

    public string Currency { get; init; } = Currencies.Default;
}
