using System.Runtime.InteropServices;

namespace LaunderTrail.Tracing;

/// <summary>
/// The edges of the flow graph, recorded by the ledger as it moves money and value: per edge its amount and number of
/// facts, and per edge and origin what the parcels carried. Keyed by numbers, so a fact costs a lookup of its edge and
/// one per parcel, and nothing is allocated per fact. Blended parcels are divided among their origins at the end, by
/// one <see cref="MixtureExpansion{TBucket}"/> whose buckets are the edges.
/// </summary>
internal sealed class FlowGraphRecorder
{
    private readonly Dictionary<EdgeKey, int> numberOf = [];
    private readonly List<EdgeKey> edges = [];
    private readonly List<(decimal Amount, int Facts)> totals = [];
    private readonly Dictionary<(int Edge, int Origin), decimal> singleOrigin = [];
    private readonly MixtureExpansion<int> blended = new();

    /// <summary>The edges in the order first recorded.</summary>
    public IReadOnlyList<EdgeKey> Edges => edges;

    public (decimal Amount, int Facts) Total(int edge) => totals[edge];

    public void Record(EdgeKey key, decimal amount, Parcel parcel) =>
        Add(Count(key, amount), parcel);

    public void Record(EdgeKey key, decimal amount, List<Parcel> parcels)
    {
        var edge = Count(key, amount);
        foreach (var parcel in CollectionsMarshal.AsSpan(parcels)) Add(edge, parcel);
    }

    /// <summary>What each edge carried of each origin, single-origin parcels first, then blends divided.</summary>
    public IEnumerable<(int Edge, Origin Origin, decimal Amount)> PerOrigin()
    {
        foreach (var ((edge, origin), amount) in singleOrigin) yield return (edge, new Origin(origin), amount);
        foreach (var (edge, origin, amount, _) in blended.PerOrigin()) yield return (edge, origin, amount);
    }

    private int Count(EdgeKey key, decimal amount)
    {
        ref var edge = ref CollectionsMarshal.GetValueRefOrAddDefault(numberOf, key, out var exists);
        if (!exists)
        {
            edge = edges.Count;
            edges.Add(key);
            totals.Add(default);
        }
        var total = CollectionsMarshal.AsSpan(totals);
        total[edge] = (total[edge].Amount + amount, total[edge].Facts + 1);
        return edge;
    }

    private void Add(int edge, Parcel parcel)
    {
        if (parcel.Amount == 0m) return;
        if (parcel.Mixture is Blend blend)
        {
            blended.Add(edge, blend, parcel.Amount, 0m);
            return;
        }
        var origin = ((SingleOrigin)parcel.Mixture).Origin.Victim;
        ref var carried = ref CollectionsMarshal.GetValueRefOrAddDefault(singleOrigin, (edge, origin), out _);
        carried += parcel.Amount;
    }
}
