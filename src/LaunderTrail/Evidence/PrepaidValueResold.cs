namespace LaunderTrail.Evidence;

/// <summary>Prepaid value was sold to a card merchant for cash, at a discount to its face value.</summary>
public sealed record PrepaidValueResold : CaseEvent, IMoneyFact
{
    public required string Lot { get; init; }
    public required string Seller { get; init; }

    /// <summary>The card merchant.</summary>
    public required string Buyer { get; init; }

    /// <summary>All the seller has of the lot when omitted.</summary>
    public decimal? FaceValue { get; init; }

    /// <summary>Cash the buyer pays the seller.</summary>
    public required decimal Price { get; init; }

    /// <summary>The seller's account that receives the price; the seller when omitted.</summary>
    public string? PaidTo { get; init; }

    public string Currency { get; init; } = Currencies.Default;

    [System.Text.Json.Serialization.JsonIgnore]
    public string ReceivingAccount => PaidTo ?? Seller;
}
