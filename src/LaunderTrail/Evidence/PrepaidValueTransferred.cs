namespace LaunderTrail.Evidence;

/// <summary>Prepaid value was handed over (typically gang to middleman).</summary>
public sealed record PrepaidValueTransferred : CaseEvent, IMoneyFact
{
    public required string Lot { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }

    /// <summary>All the holder has of the lot when omitted.</summary>
    public decimal? FaceValue { get; init; }

    public string Currency { get; init; } = Currencies.Default;
}
