namespace LaunderTrail.Tracing;

/// <summary>A non-victim account's cash, or its face value of one lot, as parcels by origin.</summary>
internal interface IValuePool
{
    decimal Total { get; }

    /// <summary>The parcels held now; a mixture may appear more than once.</summary>
    ReadOnlySpan<Parcel> Parcels { get; }

    bool IsEmpty { get; }

    void Add(Parcel parcel);

    /// <summary>
    /// Takes <paramref name="amount"/> out of the pool and appends the parcels to <paramref name="taken"/>, in the
    /// order they leave. What is taken beyond <see cref="Total"/> comes last as an unattributed parcel: value of
    /// unknown origin is never dropped.
    /// </summary>
    /// <remarks>The caller owns the list, so a ledger applying a million facts reuses one instead of making one per take.</remarks>
    void Take(decimal amount, List<Parcel> taken);
}
