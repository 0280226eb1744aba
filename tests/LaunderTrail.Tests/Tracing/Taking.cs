using LaunderTrail.Tracing;

namespace LaunderTrail.Tests.Tracing;

/// <summary>Takes and splits into lists of their own, as the tests look at them one at a time.</summary>
internal static class Taking
{
    public static List<Parcel> Take(this IValuePool pool, decimal amount)
    {
        var taken = new List<Parcel>();
        pool.Take(amount, taken);
        return taken;
    }

    public static List<Parcel> SplitOf(decimal whole, Parcel[] shares)
    {
        var parts = new List<Parcel>();
        Proportions.Split(whole, shares, parts);
        return parts;
    }
}
