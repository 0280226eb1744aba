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
    // reaches this many entries keeps an index. A case of a million facts holds hundreds of thousands of lot pools, so
    // the entries are a bare array, not a list around one.
    private const int IndexedFrom = 16;

    private Parcel[] entries = new Parcel[1];
    private int count;
    private Dictionary<Mixture, int>? slotOf;

    public decimal Total { get; private set; }

    public ReadOnlySpan<Parcel> Parcels => entries.AsSpan(0, count);

    public bool IsEmpty => count == 0;

    public void Add(Parcel parcel)
    {
        if (parcel.Amount == 0m) return;
        var slot = SlotOf(parcel.Mixture);
        if (slot >= 0)
        {
            entries[slot] = entries[slot] with { Amount = entries[slot].Amount + parcel.Amount };
        }
        else
        {
            if (count == entries.Length) Array.Resize(ref entries, count * 2);
            slotOf?.Add(parcel.Mixture, count);
            entries[count++] = parcel;
            if (slotOf is null && count == IndexedFrom) Reindex();
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
        for (var slot = 0; slot < count; slot++)
        {
            var left = entries[slot].Amount - taken[first + slot].Amount;
            entries[slot] = entries[slot] with { Amount = left };
            emptied |= left == 0m;
        }
        Total -= amount;
        if (emptied) ForgetEmptyOrigins();
    }

    private int SlotOf(Mixture mixture)
    {
        if (slotOf is not null) return slotOf.GetValueOrDefault(mixture, -1);
        for (var slot = 0; slot < count; slot++)
            if (entries[slot].Mixture.Equals(mixture)) return slot;
        return -1;
    }

    // Repeated proportional takes shrink an origin's share until it is exactly zero at decimal precision; keeping
    // such entries would make every later take pay for every origin the pool ever held.
    private void ForgetEmptyOrigins()
    {
        var kept = 0;
        for (var slot = 0; slot < count; slot++)
            if (entries[slot].Amount != 0m) entries[kept++] = entries[slot];
        Array.Clear(entries, kept, count - kept);
        count = kept;
        Reindex();
    }

    private void Reindex()
    {
        if (count < IndexedFrom)
        {
            slotOf = null;
            return;
        }
        slotOf ??= new Dictionary<Mixture, int>(count);
        slotOf.Clear();
        for (var i = 0; i < count; i++) slotOf.Add(entries[i].Mixture, i);
    }

    // An emptied pool forgets its origins: "holds none" stays exact after repeating-fraction splits, and a pool
    // that is drained again and again (a gang account converting money as it arrives) stays small. The entries
    // themselves are what is taken: they are never zero.
    private void TakeAll(decimal excess, List<Parcel> taken)
    {
        taken.AddRange(Parcels);
        Array.Clear(entries, 0, count);
        count = 0;
        slotOf = null;
        Total = 0m;
        if (excess > 0m) taken.Add(new Parcel(Mixture.Unattributed, excess));
    }
}
