using System.Globalization;

namespace LaunderTrail.Cli.Rendering;

/// <summary>Figures as a person reads them: 49,950.00 and 0.97, rounded half away from zero, in any culture.</summary>
public static class Money
{
    public static string Amount(decimal value) =>
        decimal.Round(value, 2, MidpointRounding.AwayFromZero).ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Rate(decimal value) =>
        decimal.Round(value, 4, MidpointRounding.AwayFromZero).ToString("0.00##", CultureInfo.InvariantCulture);
}
