using System.Runtime.CompilerServices;

namespace LaunderTrail.Tracing;

/// <summary>
/// A pool under the libr rule: value of unknown origin kept apart from the victims' value, which is one mixture as in
/// a <see cref="MixturePool"/>. A cash pool gives up its unknown money first (the wrongdoer is presumed to spend his
/// own money first), then the victims' in proportion to their shares; a lot pool gives up both in proportion, since
/// lots stay proportional. Unknown value arriving later only adds to the unknown part, so a victim's share never
/// grows back after an outflow: it stays at the lowest balance the pool fell to since her money arrived.
/// </summary>
/// <remarks>
/// No pool of this rule ever pours unknown value into the victims' mixture, so what a take hands out is either
/// unattributed or a mixture of victims only, and the next pool can keep them apart again.
/// </remarks>
internal sealed class LibrPool : IValuePool
{
    private const int Unknown = 0;
    private const int Victims = 1;

    private readonly bool unknownLeavesFirst;

    // [Unknown]: the unattributed parcel, [Victims]: the victims' mixture; an empty part is the default parcel.
    private TwoParcels parts;

    private LibrPool(bool unknownLeavesFirst) => this.unknownLeavesFirst = unknownLeavesFirst;

    /// <summary>A cash pool: unknown money leaves first.</summary>
    public static LibrPool ForCash() => new(unknownLeavesFirst: true);

    /// <summary>A lot pool: every origin leaves in proportion.</summary>
    public static LibrPool ForLot() => new(unknownLeavesFirst: false);

    public decimal Total => parts[Unknown].Amount + parts[Victims].Amount;

    public ReadOnlySpan<Parcel> Parcels
    {
        get
        {
            ReadOnlySpan<Parcel> both = parts;
            return (HasUnknown, HasVictims) switch
            {
                (true, true) => both,
                (true, false) => both[..1],
                (false, true) => both[1..],
                _ => [],
            };
        }
    }

    public bool IsEmpty => !HasUnknown && !HasVictims;

    private bool HasUnknown => parts[Unknown].Mixture is not null;
    private bool HasVictims => parts[Victims].Mixture is not null;

    public void Add(Parcel parcel)
    {
        if (parcel.Amount == 0m) return;
        if (parcel.Mixture is SingleOrigin { Origin.IsVictim: false })
            parts[Unknown] = new Parcel(Mixture.Unattributed, parts[Unknown].Amount + parcel.Amount);
        else
            parts[Victims] = MixturePool.Poured(parts[Victims], parcel);
    }

    public void Take(decimal amount, List<Parcel> taken)
    {
        var total = Total;
        if (amount >= total)
        {
            taken.AddRange(Parcels);
            parts = default;
            if (amount > total) taken.Add(new Parcel(Mixture.Unattributed, amount - total));
            return;
        }

        var unknown = parts[Unknown].Amount;
        var fromUnknown = unknownLeavesFirst
            ? Math.Min(amount, unknown)
            // In proportion; kept within both parts, should the division round past one of them.
            : Math.Clamp(amount * unknown / total, Math.Max(0m, amount - parts[Victims].Amount), unknown);
        TakePart(Unknown, fromUnknown, taken);
        TakePart(Victims, amount - fromUnknown, taken);
    }

    private void TakePart(int part, decimal amount, List<Parcel> taken)
    {
        if (amount == 0m) return;
        ref var held = ref parts[part];
        taken.Add(held with { Amount = amount });
        held = held.Amount == amount ? default : held with { Amount = held.Amount - amount };
    }

    [InlineArray(2)]
    private struct TwoParcels
    {
        private Parcel first;
    }
}
