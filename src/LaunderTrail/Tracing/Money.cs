namespace LaunderTrail.Tracing;

/// <summary>How the report rounds: half away from zero, and only when a figure is shown.</summary>
internal static class Money
{
    public static decimal ToCents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    public static decimal ToRate(decimal rate) => Math.Round(rate, 4, MidpointRounding.AwayFromZero);

    public static bool RoundsToZero(decimal amount) => ToCents(amount) == 0m;
}
