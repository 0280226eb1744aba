namespace LaunderTrail.Tracing;

/// <summary>What one buyer paid over its resales of one product (of one lot, while its product is unknown).</summary>
internal sealed class MerchantTally
{
    public decimal FaceValue { get; set; }
    public decimal Price { get; set; }
    public int Resales { get; set; }
}
