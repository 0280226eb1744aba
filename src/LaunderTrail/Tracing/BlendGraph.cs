namespace LaunderTrail.Tracing;

/// <summary>
/// The blends reachable from some roots, numbered in descending <see cref="Blend.Sequence"/> (a blend before its
/// parts), with each blend's two parts as numbers: a blend's number, or the complement (~) of an origin's number.
/// </summary>
internal sealed class BlendGraph
{
    private readonly Dictionary<Blend, int> indexOf;

    private BlendGraph(Dictionary<Blend, int> indexOf, List<Origin> origins, int[] older, int[] newer, decimal[] olderFraction)
    {
        Count = indexOf.Count;
        this.indexOf = indexOf;
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

    public int IndexOf(Blend blend) => indexOf[blend];

    public static BlendGraph Reachable(IEnumerable<Blend> roots)
    {
        // An explicit stack, not recursion: a pool's chain of blends is as deep as its history.
        var seen = new HashSet<Blend>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<Blend>();
        foreach (var root in roots)
            if (seen.Add(root)) pending.Push(root);
        while (pending.TryPop(out var blend))
        {
            if (blend.Older is Blend olderBlend && seen.Add(olderBlend)) pending.Push(olderBlend);
            if (blend.Newer is Blend newerBlend && seen.Add(newerBlend)) pending.Push(newerBlend);
        }

        var blends = seen.ToArray();
        var descending = new long[blends.Length];
        for (var i = 0; i < blends.Length; i++) descending[i] = -blends[i].Sequence;
        Array.Sort(descending, blends);
        var indexOf = new Dictionary<Blend, int>(blends.Length, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < blends.Length; i++) indexOf.Add(blends[i], i);

        var origins = new List<Origin>();
        var originIndex = new Dictionary<Origin, int>();
        int Part(Mixture part)
        {
            if (part is Blend blend) return indexOf[blend];
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
        return new BlendGraph(indexOf, origins, older, newer, olderFraction);
    }
}
