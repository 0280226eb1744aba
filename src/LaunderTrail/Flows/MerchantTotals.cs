namespace LaunderTrail.Flows;

/// <summary>
/// What one card merchant account bought over all cases: per case and product, face value, price and resales.
/// Answers "how much has this merchant bought, at what rate, from which cases".
/// </summary>
public sealed class MerchantTotals
{
    /// <summary>The merchant's account.</summary>
    public required string Id { get; init; }

    public required string Holder { get; init; }

    /// <summary>Sorted by case, then product.</summary>
    public required IReadOnlyList<MerchantCaseRow> Rows { get; init; }

    public decimal FaceValue => Rows.Sum(r => r.FaceValue);
    public decimal Price => Rows.Sum(r => r.Price);
    public int Resales => Rows.Sum(r => r.Resales);
    public decimal DiscountRate => FaceValue == 0m ? 0m : Price / FaceValue;
}

public sealed record MerchantCaseRow(string Case, string Product, decimal FaceValue, decimal Price, int Resales)
{
    public decimal DiscountRate => FaceValue == 0m ? 0m : Price / FaceValue;
}
