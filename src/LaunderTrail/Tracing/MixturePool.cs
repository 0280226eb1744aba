namespace LaunderTrail.Tracing;

/// <summary>
/// A pool that gives up every origin in proportion to its share, kept as a total and one shared mixture: the
/// pro-rata rule for cash, and for lots under pro-rata. A take hands out the pool's mixture itself, so it costs O(1)
/// however many origins the pool holds; an arrival costs one <see cref="Blend"/>.
/// </summary>
internal sealed class MixturePool : IValuePool
{
    // Everything the pool holds, as one parcel; an empty pool holds the default parcel, of no mixture.
    private Parcel held;

    public decimal Total => held.Amount;

    public ReadOnlySpan<Parcel> Parcels => IsEmpty ? [] : new ReadOnlySpan<Parcel>(ref held);

    public bool IsEmpty => held.Mixture is null;

    public void Add(Parcel parcel)
    {
        if (parcel.Amount != 0m) held = Poured(held, parcel);
    }

    /// <summary>What a pool holding <paramref name="held"/> (the default parcel when empty) holds once a parcel arrives.</summary>
    public static Parcel Poured(Parcel held, Parcel arriving)
    {
        var mixture = held.Mixture is null || held.Mixture.Equals(arriving.Mixture)
            ? arriving.Mixture
            : new Blend(held.Mixture, held.Amount, arriving.Mixture, arriving.Amount);
        return new Parcel(mixture, held.Amount + arriving.Amount);
    }

    public void Take(decimal amount, List<Parcel> taken)
    {
        if (amount < Total)
        {
            taken.Add(held with { Amount = amount });
            held = held with { Amount = held.Amount - amount };
            return;
        }

        // An emptied pool forgets its mixture: "holds none" stays exact, and what arrives next starts afresh.
        if (!IsEmpty) taken.Add(held);
        if (amount > Total) taken.Add(new Parcel(Mixture.Unattributed, amount - Total));
        held = default;
    }
}
