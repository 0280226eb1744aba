namespace LaunderTrail.Tracing;

internal static class Proportions
{
    /// <summary>
    /// Splits <paramref name="whole"/> among the mixtures of <paramref name="shares"/> in proportion to their amounts,
    /// in the same order, and appends the parts to <paramref name="parts"/>. The last share gets the remainder, so the
    /// parts always add up to the whole exactly even when the proportions are repeating fractions.
    /// </summary>
    public static void Split(decimal whole, ReadOnlySpan<Parcel> shares, List<Parcel> parts)
    {
        var total = 0m;
        var lastNonZero = -1;
        for (var i = 0; i < shares.Length; i++)
        {
            total += shares[i].Amount;
            if (shares[i].Amount != 0m) lastNonZero = i;
        }

        if (lastNonZero < 0)
        {
            parts.Add(new Parcel(Mixture.Unattributed, whole));
            return;
        }

        var assigned = 0m;
        for (var i = 0; i < lastNonZero; i++)
        {
            if (shares[i].Amount == 0m) continue;
            var part = whole * shares[i].Amount / total;
            assigned += part;
            parts.Add(shares[i] with { Amount = part });
        }
        parts.Add(shares[lastNonZero] with { Amount = whole - assigned });
    }
}
