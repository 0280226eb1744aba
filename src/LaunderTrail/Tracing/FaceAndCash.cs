namespace LaunderTrail.Tracing;

/// <summary>A running tally of prepaid face value and cash.</summary>
internal sealed class FaceAndCash
{
    public decimal FaceValue { get; set; }
    public decimal Cash { get; set; }
}
