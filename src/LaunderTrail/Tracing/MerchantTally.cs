namespace LaunderTrail.Tracing;

/// <summary>What one buyer paid for one lot over its resales.</summary>
internal sealed class MerchantTally
{
    public decimal FaceValue { get; set; }
    public decimal Price { get; set; }
    public int Resales { get; set; }
}
