namespace LaunderTrail.Generation;

/// <summary>Amounts are computed in whole cents and become decimals only at the end, so they never carry a
/// scale like 970.00 into the JSON and never need rounding.</summary>
internal static class Yuan
{
    public static decimal FromCents(long cents) => cents / 100m;

    public static decimal Of(long yuan) => yuan;
}
