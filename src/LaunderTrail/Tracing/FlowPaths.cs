using LaunderTrail.Evidence;

namespace LaunderTrail.Tracing;

/// <summary>
/// The routes of the flow graph from a start to a target account: "how did her money get to this card merchant, hop
/// by hop, and how much of it". Routes follow edge direction and are simple (no node twice, so a cycle is never
/// walked round). From a victim, only edges carrying her money (her origin share above zero) are followed, and a hop's
/// amount is her share of the edge; from any other account, every edge is followed with its full amount.
/// </summary>
/// <remarks>
/// Bounded: at most <c>maxHops</c> hops per route, at most <c>cap</c> routes kept (the largest, in the routes' order),
/// and at most <see cref="SearchBudget"/> steps of search; past either bound the answer says it is truncated.
/// </remarks>
public static class FlowPaths
{
    public const int DefaultMaxHops = 8;
    public const int MostHops = 32;
    public const int DefaultCap = 1_000;

    /// <summary>How many steps (a hop tried or a route found) the search takes at most, so one question cannot run for ever.</summary>
    public const int SearchBudget = 2_000_000;

    private const string AccountPrefix = "account:";

    /// <summary>
    /// The start named by <paramref name="victimOrAccount"/>: a victim by holder name (all her accounts in the graph),
    /// a victim's account (that account, following her money), or any other account in the graph (every edge).
    /// </summary>
    /// <returns>The start, or null when the graph names no such victim or account.</returns>
    public static FlowPathStart? StartOf(FlowGraph graph, string victimOrAccount)
    {
        var hers = graph.Nodes
            .Where(node => node.Kind == FlowNodeKind.Account && node.Role == AccountRole.Victim &&
                           string.Equals(node.Holder, victimOrAccount, StringComparison.Ordinal))
            .Select(node => node.Id).Order(StringComparer.Ordinal).ToList();
        if (hers.Count > 0) return new FlowPathStart(hers, victimOrAccount);

        if (AccountNode(graph, victimOrAccount) is not { } account) return null;
        return account.Role == AccountRole.Victim && account.Holder.Length > 0
            ? new FlowPathStart([account.Id], account.Holder)
            : new FlowPathStart([account.Id], null);
    }

    /// <returns>The node of the account with this id, or null when no edge of the graph names it.</returns>
    public static FlowNode? AccountNode(FlowGraph graph, string account)
    {
        var id = AccountPrefix + account;
        return graph.Nodes.FirstOrDefault(node => node.Kind == FlowNodeKind.Account && string.Equals(node.Id, id, StringComparison.Ordinal));
    }

    /// <param name="from">The start as asked, echoed in the answer.</param>
    /// <param name="to">The target account's id (not the node id), which <see cref="AccountNode"/> finds in the graph.</param>
    public static FlowRoutes Find(FlowGraph graph, string from, FlowPathStart start, string to, int maxHops = DefaultMaxHops,
        int cap = DefaultCap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxHops, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(cap, 1);
        var target = AccountPrefix + to;
        var search = new Search(graph, start.Victim, target, maxHops, cap);
        foreach (var account in start.Accounts.Where(account => account != target)) search.From(account);
        return new FlowRoutes(from, to, start.Victim, maxHops, search.Best(), search.Truncated);
    }

    private sealed class Search
    {
        private readonly Dictionary<string, List<FlowHop>> outOf = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> hopsToTarget;
        private readonly HashSet<string> onRoute = new(StringComparer.Ordinal);
        private readonly List<FlowHop> route = [];
        private readonly List<FlowRoute> found = [];
        private readonly string target;
        private readonly int maxHops;
        private readonly int cap;
        private int steps;

        public bool Truncated { get; private set; }

        public Search(FlowGraph graph, string? victim, string target, int maxHops, int cap)
        {
            (this.target, this.maxHops, this.cap) = (target, maxHops, cap);
            foreach (var edge in graph.Edges)
            {
                var amount = victim is null ? edge.Amount : ShareOf(edge, victim);
                if (amount <= 0m) continue;
                if (!outOf.TryGetValue(edge.From, out var hops)) outOf[edge.From] = hops = [];
                hops.Add(new FlowHop(edge, amount));
            }
            hopsToTarget = HopsToTarget();
        }

        public void From(string account)
        {
            onRoute.Add(account);
            Walk(account);
            onRoute.Remove(account);
        }

        public IReadOnlyList<FlowRoute> Best()
        {
            Keep(cap);
            return found;
        }

        private void Walk(string node)
        {
            if (!outOf.TryGetValue(node, out var hops)) return;
            foreach (var hop in hops)
            {
                if (++steps > SearchBudget)
                {
                    Truncated = true;
                    return;
                }

                if (route.Count > 0 && !Continues(route[^1].Edge, hop.Edge)) continue;
                var next = hop.Edge.To;
                if (next == target)
                {
                    found.Add(new FlowRoute([.. route, hop]));
                    if (found.Count >= 2 * cap) Keep(cap);
                    continue;
                }

                if (onRoute.Contains(next) || !hopsToTarget.TryGetValue(next, out var rest) || route.Count + 1 + rest > maxHops)
                    continue;
                onRoute.Add(next);
                route.Add(hop);
                Walk(next);
                route.RemoveAt(route.Count - 1);
                onRoute.Remove(next);
                if (steps > SearchBudget) return;
            }
        }

        private void Keep(int count)
        {
            found.Sort(RouteOrder.Instance);
            if (found.Count <= count) return;
            found.RemoveRange(count, found.Count - count);
            Truncated = true;
        }

        /// <summary>The fewest hops from each node to the target along the followed edges (a breadth-first search backwards).</summary>
        private Dictionary<string, int> HopsToTarget()
        {
            var into = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var hop in outOf.Values.SelectMany(hops => hops))
            {
                if (!into.TryGetValue(hop.Edge.To, out var sources)) into[hop.Edge.To] = sources = [];
                sources.Add(hop.Edge.From);
            }

            var distance = new Dictionary<string, int>(StringComparer.Ordinal) { [target] = 0 };
            var queue = new Queue<string>([target]);
            while (queue.TryDequeue(out var node))
            {
                if (distance[node] >= maxHops || !into.TryGetValue(node, out var sources)) continue;
                foreach (var source in sources)
                {
                    if (distance.ContainsKey(source)) continue;
                    distance[source] = distance[node] + 1;
                    queue.Enqueue(source);
                }
            }
            return distance;
        }

        /// <summary>
        /// Whether what arrived by one edge can leave by the next: prepaid value moves on only as the same product (or,
        /// once resold to its buyer, as the price the buyer pays); a purchase leaves the product only as its issue; cash
        /// may leave as cash or as value the account bought with it (the purchase and issue would pass through the
        /// account twice, which a simple route cannot). Without this, a route could enter an account as Q coins and
        /// leave it as Suning cards the trace never turned them into.
        /// </summary>
        private static bool Continues(FlowEdge arrived, FlowEdge leaving) => arrived.Kind switch
        {
            FlowEdgeKind.Purchase => leaving.Kind == FlowEdgeKind.Issue,
            FlowEdgeKind.Issue or FlowEdgeKind.Handover => MovesValue(leaving.Kind) && leaving.Product == arrived.Product,
            FlowEdgeKind.Resale => (MovesValue(leaving.Kind) && leaving.Product == arrived.Product) ||
                                   leaving.Kind == FlowEdgeKind.ResalePayment,
            _ => true,
        };

        private static bool MovesValue(FlowEdgeKind kind) =>
            kind is FlowEdgeKind.Issue or FlowEdgeKind.Handover or FlowEdgeKind.Resale;

        private static decimal ShareOf(FlowEdge edge, string victim)
        {
            foreach (var share in edge.Origins)
                if (string.Equals(share.Origin, victim, StringComparison.Ordinal)) return share.Amount;
            return 0m;
        }
    }

    /// <summary>Largest amount on the last hop first; ties by the hops in turn (from, to, kind name, product, ordinally), shorter first.</summary>
    private sealed class RouteOrder : IComparer<FlowRoute>
    {
        public static readonly RouteOrder Instance = new();

        public int Compare(FlowRoute? x, FlowRoute? y)
        {
            var byAmount = y!.Amount.CompareTo(x!.Amount);
            if (byAmount != 0) return byAmount;
            for (var i = 0; i < Math.Min(x.Hops.Count, y.Hops.Count); i++)
            {
                var (a, b) = (x.Hops[i].Edge, y.Hops[i].Edge);
                var byHop = string.CompareOrdinal(a.From, b.From);
                if (byHop == 0) byHop = string.CompareOrdinal(a.To, b.To);
                if (byHop == 0) byHop = string.CompareOrdinal(FlowEdgeKinds.Name(a.Kind), FlowEdgeKinds.Name(b.Kind));
                if (byHop == 0) byHop = string.CompareOrdinal(a.Product, b.Product);
                if (byHop != 0) return byHop;
            }
            return x.Hops.Count.CompareTo(y.Hops.Count);
        }
    }
}
