namespace LaunderTrail.Tracing;

/// <summary>
/// A pool that gives up every origin in proportion to its share, with one entry per origin: the lot pools under fifo,
/// since a lot is fungible inside. Fifo parcels have a single origin each and a lot is bought from a few of them, so
/// the entries stay few and the arithmetic exact per origin. One entry per mixture, in order of first arrival, and a
/// running total, so a take costs as much as the number of entries in the pool.
/// </summary>
internal sealed class ProportionalPool : IValuePool
{
    // Most lots come from one to three origins: a pool finds an origin's entry by looking at each, and only one that
    // reaches this many entries keeps an index. Most of a large case's lot pools hold one origin, kept in the pool itself.
    private const int IndexedFrom = 16;

    private InlineList<Parcel> entries;
    private Dictionary<Mixture, int>? slotOf;

    public decimal Total { get; private set; }

    public ReadOnlySpan<Parcel> Parcels => entries.Items;

    public bool IsEmpty => entries.Count == 0;

    public void Add(Parcel parcel)
    {
        if (parcel.Amount == 0m) return;
        var slot = SlotOf(parcel.Mixture);
        if (slot >= 0)
        {
            ref var entry = ref entries.Items[slot];
            entry = entry with { Amount = entry.Amount + parcel.Amount };
        }
        else
        {
            slotOf?.Add(parcel.Mixture, entries.Count);
            entries.Add(parcel);
            if (slotOf is null && entries.Count == IndexedFrom) Reindex();
        }
        Total += parcel.Amount;
    }

    public void Take(decimal amount, List<Parcel> taken)
    {
        if (amount >= Total)
        {
            TakeAll(excess: amount - Total, taken);
            return;
        }

        // Entries are never zero, so the split has one part per entry, in the same order.
        var first = taken.Count;
        Proportions.Split(amount, Parcels, taken);
        var emptied = false;
        var items = entries.Items;
        for (var slot = 0; slot < items.Length; slot++)
        {
            var left = items[slot].Amount - taken[first + slot].Amount;
            items[slot] = items[slot] with { Amount = left };
            emptied |= left == 0m;
        }
        Total -= amount;
        if (emptied) ForgetEmptyOrigins();
    }

    private int SlotOf(Mixture mixture)
    {
        if (slotOf is not null) return slotOf.GetValueOrDefault(mixture, -1);
        var items = entries.Items;
        for (var slot = 0; slot < items.Length; slot++)
            if (items[slot].Mixture.Equals(mixture)) return slot;
        return -1;
    }

    // Repeated proportional takes shrink an origin's share until it is exactly zero at decimal precision; keeping
    // such entries would make every later take pay for every origin the pool ever held.
    private void ForgetEmptyOrigins()
    {
        var items = entries.Items;
        var kept = 0;
        for (var slot = 0; slot < items.Length; slot++)
            if (items[slot].Amount != 0m) items[kept++] = items[slot];
        entries.Truncate(kept);
        Reindex();
    }

    private void Reindex()
    {
        if (entries.Count < IndexedFrom)
        {
            slotOf = null;
            return;
        }
        slotOf ??= new Dictionary<Mixture, int>(entries.Count);
        slotOf.Clear();
        var items = entries.Items;
        for (var i = 0; i < items.Length; i++) slotOf.Add(items[i].Mixture, i);
    }

    // An emptied pool forgets its origins: "holds none" stays exact after repeating-fraction splits, and a pool
    // that is drained again and again (a gang account converting money as it arrives) stays small. The entries
    // themselves are what is taken: they are never zero.
    private void TakeAll(decimal excess, List<Parcel> taken)
    {
        taken.AddRange(Parcels);
        entries.Clear();
        slotOf = null;
        Total = 0m;
        if (excess > 0m) taken.Add(new Parcel(Mixture.Unattributed, excess));
    }
}
