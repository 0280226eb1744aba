using System.Globalization;
using LaunderTrail.Tracing;

namespace LaunderTrail.Court;

/// <summary>
/// How the timeline writes figures and moments for a reader: fixed invariant patterns, never the machine's
/// culture or time zone, so the same facts give the same text everywhere.
/// </summary>
internal static class Display
{
    private static readonly NumberFormatInfo Numbers = NumberFormatInfo.InvariantInfo;

    /// <summary>49950 as "49,950.00", rounded half away from zero like the flow report.</summary>
    public static string Amount(decimal amount) => Money.ToCents(amount).ToString("#,##0.00", Numbers);

    public static string Count(long count) => count.ToString("#,##0", Numbers);

    /// <summary>0.97 as "0.97 (97% of face value)".</summary>
    public static string Rate(decimal rate)
    {
        var rounded = Money.ToRate(rate);
        return $"{rounded.ToString("0.####", Numbers)} ({(rounded * 100m).ToString("0.##", Numbers)}% of face value)";
    }

    /// <summary>A moment in the offset the evidence gave it: "2019-04-29 10:05 +08:00" (seconds only when not zero).</summary>
    public static string Moment(DateTimeOffset at)
    {
        var pattern = at.Ticks % TimeSpan.TicksPerMinute == 0 ? "yyyy-MM-dd HH:mm zzz" : "yyyy-MM-dd HH:mm:ss.FFFFFFF zzz";
        return at.ToString(pattern, CultureInfo.InvariantCulture);
    }
}
