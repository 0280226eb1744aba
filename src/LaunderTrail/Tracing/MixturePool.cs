namespace LaunderTrail.Tracing;

/// <summary>
/// A pool that gives up every origin in proportion to its share, kept as a total and one shared mixture: the
/// pro-rata rule for cash, and for lots under pro-rata. A take hands out the pool's mixture itself, so it costs O(1)
/// however many origins the pool holds; an arrival costs one <see cref="Blend"/>.
/// </summary>
internal sealed class MixturePool : IValuePool
{
    private Mixture? mixture;

    public decimal Total { get; private set; }

    public IEnumerable<Parcel> Parcels => mixture is null ? [] : [new Parcel(mixture, Total)];

    public bool IsEmpty => mixture is null;

    public void Add(Parcel parcel)
    {
        if (parcel.Amount == 0m) return;
        mixture = mixture is null || mixture.Equals(parcel.Mixture)
            ? parcel.Mixture
            : new Blend(mixture, Total, parcel.Mixture, parcel.Amount);
        Total += parcel.Amount;
    }

    public void Take(decimal amount, List<Parcel> taken)
    {
        if (amount < Total)
        {
            Total -= amount;
            taken.Add(new Parcel(mixture!, amount));
            return;
        }

        // An emptied pool forgets its mixture: "holds none" stays exact, and what arrives next starts afresh.
        if (mixture is not null) taken.Add(new Parcel(mixture, Total));
        if (amount > Total) taken.Add(new Parcel(Mixture.Unattributed, amount - Total));
        mixture = null;
        Total = 0m;
    }
}
