using System.Runtime.InteropServices;

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
    // reaches this many entries keeps an index. A case of a million facts makes hundreds of thousands of lot pools,
    // most of them with one origin: that one is kept in the pool itself, and an array is made only for a second.
    private const int IndexedFrom = 16;

    private Parcel single;
    private Parcel[]? many;
    private int count;
    private Dictionary<Mixture, int>? slotOf;

    public decimal Total { get; private set; }

    public ReadOnlySpan<Parcel> Parcels => Entries;

    private Span<Parcel> Entries => many is null ? MemoryMarshal.CreateSpan(ref single, count) : many.AsSpan(0, count);

    public bool IsEmpty => count == 0;

    public void Add(Parcel parcel)
    {
        if (parcel.Amount == 0m) return;
        var slot = SlotOf(parcel.Mixture);
        if (slot >= 0)
        {
            ref var entry = ref Entries[slot];
            entry = entry with { Amount = entry.Amount + parcel.Amount };
        }
        else
        {
            MakeRoom();
            slotOf?.Add(parcel.Mixture, count);
            count++;
            Entries[^1] = parcel;
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
        var entries = Entries;
        for (var slot = 0; slot < entries.Length; slot++)
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
        var entries = Entries;
        for (var slot = 0; slot < entries.Length; slot++)
            if (entries[slot].Mixture.Equals(mixture)) return slot;
        return -1;
    }

    // One origin stays in the pool itself; a second moves both into an array, which then grows as a list would.
    private void MakeRoom()
    {
        if (many is null)
        {
            if (count == 0) return;
            many = new Parcel[4];
            many[0] = single;
            single = default;
        }
        else if (count == many.Length)
        {
            Array.Resize(ref many, count * 2);
        }
    }

    // Repeated proportional takes shrink an origin's share until it is exactly zero at decimal precision; keeping
    // such entries would make every later take pay for every origin the pool ever held.
    private void ForgetEmptyOrigins()
    {
        var entries = Entries;
        var kept = 0;
        for (var slot = 0; slot < entries.Length; slot++)
            if (entries[slot].Amount != 0m) entries[kept++] = entries[slot];
        entries[kept..].Clear();
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
        var entries = Entries;
        for (var i = 0; i < entries.Length; i++) slotOf.Add(entries[i].Mixture, i);
    }

    // An emptied pool forgets its origins: "holds none" stays exact after repeating-fraction splits, and a pool
    // that is drained again and again (a gang account converting money as it arrives) stays small. The entries
    // themselves are what is taken: they are never zero.
    private void TakeAll(decimal excess, List<Parcel> taken)
    {
        taken.AddRange(Parcels);
        Entries.Clear();
        count = 0;
        many = null;
        slotOf = null;
        Total = 0m;
        if (excess > 0m) taken.Add(new Parcel(Mixture.Unattributed, excess));
    }
}
