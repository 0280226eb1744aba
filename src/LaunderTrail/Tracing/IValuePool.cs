namespace LaunderTrail.Tracing;

/// <summary>A non-victim account's cash, or its face value of one lot, as parcels by origin.</summary>
internal interface IValuePool
{
    decimal Total { get; }

    /// <summary>The parcels held now; a mixture may appear more than once.</summary>
    IEnumerable<Parcel> Parcels { get; }

    bool IsEmpty { get; }

    void Add(Parcel parcel);

    /// <summary>
    /// Takes <paramref name="amount"/> out of the pool, in the order the parcels leave. What is taken beyond
    /// <see cref="Total"/> comes last as an unattributed parcel: value of unknown origin is never dropped.
    /// </summary>
    List<Parcel> Take(decimal amount);
}
