using System.Runtime.InteropServices;

namespace LaunderTrail.Tracing;

/// <summary>A cash pool under the fifo rule: a queue of parcels, the oldest leaving first.</summary>
internal sealed class FifoPool : IValuePool
{
    private readonly List<Parcel> queue = [];
    private int head;

    public decimal Total { get; private set; }

    public ReadOnlySpan<Parcel> Parcels => CollectionsMarshal.AsSpan(queue)[head..];

    public bool IsEmpty => head == queue.Count;

    public void Add(Parcel parcel)
    {
        if (parcel.Amount == 0m) return;
        queue.Add(parcel);
        Total += parcel.Amount;
    }

    public void Take(decimal amount, List<Parcel> taken)
    {
        var remaining = amount;
        while (remaining > 0m && head < queue.Count)
        {
            var oldest = queue[head];
            if (oldest.Amount <= remaining)
            {
                taken.Add(oldest);
                remaining -= oldest.Amount;
                head++;
            }
            else
            {
                taken.Add(oldest with { Amount = remaining });
                queue[head] = oldest with { Amount = oldest.Amount - remaining };
                remaining = 0m;
            }
        }

        if (head == queue.Count)
        {
            queue.Clear();
            head = 0;
            Total = 0m;
        }
        else
        {
            Total -= amount - remaining;
            DropSpentParcels();
        }

        if (remaining > 0m) taken.Add(new Parcel(Mixture.Unattributed, remaining));
    }

    // Keeps memory proportional to the parcels still held without shifting the queue on every take.
    private void DropSpentParcels()
    {
        if (head < 64 || head < queue.Count / 2) return;
        queue.RemoveRange(0, head);
        head = 0;
    }
}
