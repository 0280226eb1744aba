namespace LaunderTrail.Evidence;

/// <summary>Cash was turned into prepaid value (Q coins, retailer cards): a lot of face value.</summary>
public sealed record PrepaidValuePurchased : CaseEvent, IMoneyFact
{
    /// <summary>Card serial batch or order number.</summary>
    public required string Lot { get; init; }
    public required string Product { get; init; }

    /// <summary>The account that pays.</summary>
    public required string Buyer { get; init; }
    public required decimal Paid { get; init; }
    public required decimal FaceValue { get; init; }

    /// <summary>The account that receives the value; the buyer when omitted.</summary>
    public string? Holder { get; init; }

    public string Currency { get; init; } = Currencies.Default;

    [System.Text.Json.Serialization.JsonIgnore]
    public string ReceivingAccount => Holder ?? Buyer;
}
