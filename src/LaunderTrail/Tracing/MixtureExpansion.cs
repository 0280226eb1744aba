using System.Runtime.InteropServices;

namespace LaunderTrail.Tracing;

/// <summary>
/// Divides amounts of blended value among their origins, for a few buckets (an account's holdings, a buyer's
/// purchases), each fed by any number of blends.
/// </summary>
/// <remarks>
/// Blends share their parts, and a pool that keeps receiving value grows a chain of blends as long as its history,
/// so expanding each blend on its own would cost the whole history again and again. Instead each bucket is worked
/// out in one pass over the blends reachable from any bucket, in descending <see cref="Blend.Sequence"/>: a blend is
/// visited after every blend that contains it, so by then it has received all of the bucket's amount that flows
/// through it, and passes it on to its two parts at once. The cost is (buckets) × (blends), with no recursion however
/// deep the chains, and buckets are few: accounts and resale buyers, not victims or events. Each split gives the newer
/// part the remainder of the older part's share, so a split loses nothing; only sums round, at decimal's 28th
/// significant digit, far below a cent.
/// </remarks>
internal sealed class MixtureExpansion<TBucket> where TBucket : notnull
{
    // Per bucket, the amounts that entered it through each blend: parcels share their pool's blend, so a case of a
    // million facts gives hundreds of thousands of parcels but only tens of thousands of distinct blends.
    private readonly Dictionary<TBucket, Dictionary<Blend, (decimal FaceValue, decimal Cash)>> rootsOf = [];

    public void Add(TBucket bucket, Blend root, decimal faceValue, decimal cash)
    {
        if (!rootsOf.TryGetValue(bucket, out var roots))
            rootsOf.Add(bucket, roots = new Dictionary<Blend, (decimal, decimal)>(ReferenceEqualityComparer.Instance));
        ref var entered = ref CollectionsMarshal.GetValueRefOrAddDefault(roots, root, out _);
        entered = (entered.FaceValue + faceValue, entered.Cash + cash);
    }

    /// <summary>Every bucket's face value and cash per origin; origins with nothing in a bucket are left out.</summary>
    public IEnumerable<(TBucket Bucket, Origin Origin, decimal FaceValue, decimal Cash)> PerOrigin()
    {
        var graph = BlendGraph.Reachable(rootsOf.Values.SelectMany(roots => roots.Keys));
        var faceValue = new decimal[graph.Count];
        var cash = new decimal[graph.Count];
        var originFaceValue = new decimal[graph.Origins.Count];
        var originCash = new decimal[graph.Origins.Count];

        foreach (var (bucket, roots) in rootsOf)
        {
            Array.Clear(faceValue);
            Array.Clear(cash);
            var first = graph.Count;
            foreach (var (root, (rootFaceValue, rootCash)) in roots)
            {
                var at = graph.IndexOf(root);
                faceValue[at] += rootFaceValue;
                cash[at] += rootCash;
                first = Math.Min(first, at);
            }

            // Blends before the bucket's first root are newer than all its roots: none of its value flows through them.
            for (var i = first; i < graph.Count; i++)
            {
                if (faceValue[i] == 0m && cash[i] == 0m) continue;
                var olderFaceValue = faceValue[i] * graph.OlderFraction[i];
                var olderCash = cash[i] * graph.OlderFraction[i];
                PassOn(graph.Older[i], olderFaceValue, olderCash);
                PassOn(graph.Newer[i], faceValue[i] - olderFaceValue, cash[i] - olderCash);
            }

            for (var o = 0; o < graph.Origins.Count; o++)
            {
                if (originFaceValue[o] == 0m && originCash[o] == 0m) continue;
                yield return (bucket, graph.Origins[o], originFaceValue[o], originCash[o]);
            }
            Array.Clear(originFaceValue);
            Array.Clear(originCash);
        }

        void PassOn(int part, decimal partFaceValue, decimal partCash)
        {
            if (part >= 0)
            {
                faceValue[part] += partFaceValue;
                cash[part] += partCash;
            }
            else
            {
                originFaceValue[~part] += partFaceValue;
                originCash[~part] += partCash;
            }
        }
    }
}
