namespace LaunderTrail.Tracing;

/// <summary>
/// Two mixtures poured together in the given amounts: what was in a pool, and what just arrived. Creating one
/// costs O(1) whatever the number of origins below it.
/// </summary>
internal sealed class Blend : Mixture
{
    private static long created;

    public Blend(Mixture older, decimal olderAmount, Mixture newer, decimal newerAmount)
    {
        Older = older;
        OlderAmount = olderAmount;
        Newer = newer;
        NewerAmount = newerAmount;
        Sequence = Interlocked.Increment(ref created);
    }

    public Mixture Older { get; }
    public decimal OlderAmount { get; }
    public Mixture Newer { get; }
    public decimal NewerAmount { get; }

    /// <summary>
    /// Increases with every blend created, and a blend's parts exist before it: ordering blends by descending
    /// sequence visits every blend before the blends it is made of, without walking the (deep) graph recursively.
    /// </summary>
    public long Sequence { get; }

    /// <summary>
    /// The id of the <see cref="BlendGraph"/> that last reached this blend: a graph marks the blends it reaches
    /// instead of keeping a set and an index of hundreds of thousands of them. These two fields are the only state of
    /// a blend that changes, and only while a graph is built: a blend belongs to one ledger, whose report expands its
    /// blends on one thread, one graph at a time.
    /// </summary>
    internal long ReachedByGraph;

    /// <summary>The blend's number in the graph that last reached it.</summary>
    internal int IndexInGraph;
}
