namespace LaunderTrail.Tracing;

/// <summary>
/// The blends reachable from some roots, numbered in descending <see cref="Blend.Sequence"/> (a blend before its
/// parts), with each blend's two parts as numbers: a blend's number, or the complement (~) of an origin's number.
/// </summary>
internal sealed class BlendGraph
{
    private static long graphs;
    private readonly long id;

    private BlendGraph(long id, int count, List<Origin> origins, int[] older, int[] newer, decimal[] olderFraction)
    {
        this.id = id;
        Count = count;
        Origins = origins;
        Older = older;
        Newer = newer;
        OlderFraction = olderFraction;
    }

    public int Count { get; }
    public IReadOnlyList<Origin> Origins { get; }
    public int[] Older { get; }
    public int[] Newer { get; }

    /// <summary>The older part's share of each blend; the newer part has the rest.</summary>
    public decimal[] OlderFraction { get; }

    public int IndexOf(Blend blend) =>
        blend.ReachedByGraph == id ? blend.IndexInGraph : throw new ArgumentException("The blend is not in this graph.", nameof(blend));

    public static BlendGraph Reachable(IEnumerable<Blend> roots)
    {
        var id = Interlocked.Increment(ref graphs);
        var reached = new List<Blend>();
        bool Reach(Blend blend)
        {
            if (blend.ReachedByGraph == id) return false;
            blend.ReachedByGraph = id;
            reached.Add(blend);
            return true;
        }

        // An explicit stack, not recursion: a pool's chain of blends is as deep as its history.
        var pending = new Stack<Blend>();
        foreach (var root in roots)
            if (Reach(root)) pending.Push(root);
        while (pending.TryPop(out var blend))
        {
            if (blend.Older is Blend olderBlend && Reach(olderBlend)) pending.Push(olderBlend);
            if (blend.Newer is Blend newerBlend && Reach(newerBlend)) pending.Push(newerBlend);
        }

        var blends = reached.ToArray();
        var descending = new long[blends.Length];
        for (var i = 0; i < blends.Length; i++) descending[i] = -blends[i].Sequence;
        Array.Sort(descending, blends);
        for (var i = 0; i < blends.Length; i++) blends[i].IndexInGraph = i;

        var origins = new List<Origin>();
        var originIndex = new Dictionary<Origin, int>();
        int Part(Mixture part)
        {
            if (part is Blend blend) return blend.IndexInGraph;
            var origin = ((SingleOrigin)part).Origin;
            if (!originIndex.TryGetValue(origin, out var index))
            {
                originIndex.Add(origin, index = origins.Count);
                origins.Add(origin);
            }
            return ~index;
        }

        var older = new int[blends.Length];
        var newer = new int[blends.Length];
        var olderFraction = new decimal[blends.Length];
        for (var i = 0; i < blends.Length; i++)
        {
            older[i] = Part(blends[i].Older);
            newer[i] = Part(blends[i].Newer);
            olderFraction[i] = blends[i].OlderAmount / (blends[i].OlderAmount + blends[i].NewerAmount);
        }
        return new BlendGraph(id, blends.Length, origins, older, newer, olderFraction);
    }
}
