using System.Runtime.InteropServices;

namespace LaunderTrail.Tracing;

/// <summary>
/// The edges of the flow graph, recorded by the ledger as it moves money and value: per edge its amount and number of
/// facts, and per edge and origin what the parcels carried. Keyed by numbers, so a fact costs a lookup of its edge and
/// one per parcel, and nothing is allocated per fact. Blended parcels are only listed as they pass, and divided among
/// their origins at the end, edge by edge, as <see cref="MixtureExpansion{TBucket}"/> divides the report's buckets:
/// one pass per edge over the blends its parcels reach, a blend before its parts, with one amount instead of face value and cash.
/// </summary>
/// <param name="factIdsPerEdge">
/// How many ids of the facts behind each edge to keep, the first in the order they were applied; 0 (the read models'
/// way) keeps none and costs nothing per fact beyond one test.
/// </param>
internal sealed class FlowGraphRecorder(int factIdsPerEdge = 0)
{
    private readonly Dictionary<EdgeKey, int> numberOf = [];
    private readonly List<EdgeKey> edges = [];
    private readonly List<(decimal Amount, int Facts)> totals = [];
    // Keyed by edge and origin in one number, hashed by multiplying: the pair's own hash cost a fifo trace of a million
    // facts more than any other step of recording (a lookup per parcel, millions of them).
    private readonly Dictionary<long, decimal> singleOrigin = new(EdgeOriginKeys.Instance);
    private readonly ChunkedList<(int Edge, Blend Blend, decimal Amount)> blended = new();
    private readonly List<List<(int Applied, ReadOnlyMemory<char> Id)>>? factIds = factIdsPerEdge > 0 ? [] : null;
    private int applied;

    /// <summary>The edges in the order first recorded.</summary>
    public IReadOnlyList<EdgeKey> Edges => edges;

    public (decimal Amount, int Facts) Total(int edge) => totals[edge];

    /// <summary>How many fact ids are kept per edge at most; 0 when none are.</summary>
    public int FactIdsPerEdge => factIdsPerEdge;

    /// <summary>
    /// The first <see cref="FactIdsPerEdge"/> facts recorded into an edge, each with its place in the order the
    /// recorder saw them (the order the facts were applied), which merges edges in that order; empty when none are kept.
    /// </summary>
    public IReadOnlyList<(int Applied, ReadOnlyMemory<char> Id)> FactIds(int edge) => factIds is null ? [] : factIds[edge];

    /// <param name="fact">The id of the fact that moved it.</param>
    public void Record(EdgeKey key, decimal amount, Parcel parcel, ReadOnlyMemory<char> fact) =>
        Add(Count(key, amount, fact), parcel);

    /// <param name="fact">The id of the fact that moved them.</param>
    public void Record(EdgeKey key, decimal amount, List<Parcel> parcels, ReadOnlyMemory<char> fact)
    {
        var edge = Count(key, amount, fact);
        foreach (var parcel in CollectionsMarshal.AsSpan(parcels)) Add(edge, parcel);
    }

    /// <summary>What each edge carried of each origin, single-origin parcels first, then blends divided.</summary>
    public IEnumerable<(int Edge, Origin Origin, decimal Amount)> PerOrigin()
    {
        foreach (var (key, amount) in singleOrigin) yield return (EdgeOriginKeys.Edge(key), EdgeOriginKeys.Origin(key), amount);
        foreach (var divided in Divided()) yield return divided;
    }

    private IEnumerable<(int Edge, Origin Origin, decimal Amount)> Divided()
    {
        if (blended.Count == 0) yield break;
        var roots = new Blend[blended.Count];
        for (var i = 0; i < blended.Count; i++) roots[i] = blended[i].Blend;
        var graph = BlendGraph.Reachable(roots);

        // The listed parcels grouped by edge, in the order listed (a counting sort).
        var firstOf = new int[edges.Count + 1];
        for (var i = 0; i < blended.Count; i++) firstOf[blended[i].Edge + 1]++;
        for (var edge = 0; edge < edges.Count; edge++) firstOf[edge + 1] += firstOf[edge];
        var next = firstOf[..^1];
        var byEdge = new int[blended.Count];
        for (var i = 0; i < blended.Count; i++) byEdge[next[blended[i].Edge]++] = i;

        var amount = new decimal[graph.Count];
        var ofOrigin = new decimal[graph.Origins.Count];
        var reachedBy = new int[graph.Count];
        Array.Fill(reachedBy, -1);
        var pending = new PriorityQueue<int, int>();
        var origins = new List<int>();
        for (var edge = 0; edge < edges.Count; edge++)
        {
            if (firstOf[edge] == firstOf[edge + 1]) continue;
            for (var i = firstOf[edge]; i < firstOf[edge + 1]; i++)
            {
                ref readonly var parcel = ref blended[byEdge[i]];
                var at = graph.IndexOf(parcel.Blend);
                amount[at] += parcel.Amount;
                Reach(at);
            }

            // In ascending number, so a blend is divided only once every blend containing it has passed it its share.
            while (pending.TryDequeue(out var i, out _))
            {
                if (amount[i] == 0m) continue;
                var older = amount[i] * graph.OlderFraction[i];
                PassOn(graph.Older[i], older);
                PassOn(graph.Newer[i], amount[i] - older);
                amount[i] = 0m;
            }

            origins.Sort();
            foreach (var o in origins)
            {
                yield return (edge, graph.Origins[o], ofOrigin[o]);
                ofOrigin[o] = 0m;
            }
            origins.Clear();

            void Reach(int blend)
            {
                if (reachedBy[blend] == edge) return;
                reachedBy[blend] = edge;
                pending.Enqueue(blend, blend);
            }

            void PassOn(int part, decimal share)
            {
                if (share == 0m) return;
                if (part >= 0)
                {
                    amount[part] += share;
                    Reach(part);
                    return;
                }
                if (ofOrigin[~part] == 0m) origins.Add(~part);
                ofOrigin[~part] += share;
            }
        }
    }

    private int Count(EdgeKey key, decimal amount, ReadOnlyMemory<char> fact)
    {
        ref var edge = ref CollectionsMarshal.GetValueRefOrAddDefault(numberOf, key, out var exists);
        if (!exists)
        {
            edge = edges.Count;
            edges.Add(key);
            totals.Add(default);
            factIds?.Add([]);
        }
        var total = CollectionsMarshal.AsSpan(totals);
        total[edge] = (total[edge].Amount + amount, total[edge].Facts + 1);
        if (factIds is not null) KeepFactId(factIds[edge], fact);
        return edge;
    }

    private void KeepFactId(List<(int Applied, ReadOnlyMemory<char> Id)> kept, ReadOnlyMemory<char> fact)
    {
        if (kept.Count < factIdsPerEdge) kept.Add((applied, fact));
        applied++;
    }

    private void Add(int edge, Parcel parcel)
    {
        if (parcel.Amount == 0m) return;
        if (parcel.Mixture is Blend blend)
        {
            blended.Add((edge, blend, parcel.Amount));
            return;
        }
        var origin = ((SingleOrigin)parcel.Mixture).Origin.Victim;
        ref var carried = ref CollectionsMarshal.GetValueRefOrAddDefault(singleOrigin, EdgeOriginKeys.Of(edge, origin), out _);
        carried += parcel.Amount;
    }
}
