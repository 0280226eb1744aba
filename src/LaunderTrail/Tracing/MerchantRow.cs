namespace LaunderTrail.Tracing;

/// <summary>What one resale buyer account bought of one product, over all its resales.</summary>
public sealed record MerchantRow(
    string Account,
    string Holder,
    string Product,
    decimal FaceValue,
    decimal Price,
    int Resales)
{
    public decimal DiscountRate => FaceValue == 0m ? 0m : Price / FaceValue;
}
