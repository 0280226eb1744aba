namespace LaunderTrail.Tracing;

/// <summary>
/// A pool that gives up every origin in proportion to its share, with one entry per origin: the lot pools under fifo,
/// since a lot is fungible inside. Fifo parcels have a single origin each and a lot is bought from a few of them, so
/// the entries stay few and the arithmetic exact per origin. One entry per mixture, in order of first arrival, and a
/// running total, so a take costs as much as the number of entries in the pool.
/// </summary>
internal sealed class ProportionalPool : IValuePool
{
    private readonly List<Parcel> entries = [];
    private readonly Dictionary<Mixture, int> slotOf = [];

    public decimal Total { get; private set; }

    public IEnumerable<Parcel> Parcels => entries;

    public bool IsEmpty => entries.Count == 0;

    public void Add(Parcel parcel)
    {
        if (parcel.Amount == 0m) return;
        if (slotOf.TryGetValue(parcel.Mixture, out var slot))
        {
            entries[slot] = entries[slot] with { Amount = entries[slot].Amount + parcel.Amount };
        }
        else
        {
            slotOf.Add(parcel.Mixture, entries.Count);
            entries.Add(parcel);
        }
        Total += parcel.Amount;
    }

    public List<Parcel> Take(decimal amount)
    {
        if (amount >= Total) return TakeAll(excess: amount - Total);

        // Entries are never zero, so the split has one part per entry, in the same order.
        var taken = Proportions.Split(amount, entries);
        var emptied = false;
        for (var slot = 0; slot < entries.Count; slot++)
        {
            var left = entries[slot].Amount - taken[slot].Amount;
            entries[slot] = entries[slot] with { Amount = left };
            emptied |= left == 0m;
        }
        Total -= amount;
        if (emptied) ForgetEmptyOrigins();
        return taken;
    }

    // Repeated proportional takes shrink an origin's share until it is exactly zero at decimal precision; keeping
    // such entries would make every later take pay for every origin the pool ever held.
    private void ForgetEmptyOrigins()
    {
        entries.RemoveAll(e => e.Amount == 0m);
        slotOf.Clear();
        for (var i = 0; i < entries.Count; i++) slotOf.Add(entries[i].Mixture, i);
    }

    // An emptied pool forgets its origins: "holds none" stays exact after repeating-fraction splits, and a pool
    // that is drained again and again (a gang account converting money as it arrives) stays small.
    private List<Parcel> TakeAll(decimal excess)
    {
        var taken = new List<Parcel>(entries.Count + 1);
        taken.AddRange(entries.Where(e => e.Amount != 0m));
        entries.Clear();
        slotOf.Clear();
        Total = 0m;
        if (excess > 0m) taken.Add(new Parcel(Mixture.Unattributed, excess));
        return taken;
    }
}
