using LaunderTrail.Evidence;

namespace LaunderTrail.Tracing;

/// <summary>Turns the edges a ledger recorded into the flow graph: names for numbers, origins divided, every list sorted ordinally.</summary>
internal static class FlowGraphBuilder
{
    public static FlowGraph Build(string caseId, DateTimeOffset? asOf, FlowLedger ledger, FlowGraphRecorder recorder)
    {
        var numbering = ledger.Numbering;
        var victims = ledger.Book.Victims();

        // Edges recorded before their lot's purchase was applied are named by the product it was bought as, which can
        // make two recorded edges one.
        var edges = new Dictionary<(int From, int To, FlowEdgeKind Kind, string Product), int>();
        var merged = new List<(EdgeKey Key, string Product, decimal Amount, int Facts, Dictionary<int, decimal> Origins)>();
        var mergedOf = new int[recorder.Edges.Count];
        for (var edge = 0; edge < recorder.Edges.Count; edge++)
        {
            var key = recorder.Edges[edge];
            var product = ProductName(key.Product, ledger);
            var (amount, facts) = recorder.Total(edge);
            if (edges.TryGetValue((key.From, key.To, key.Kind, product), out var into))
            {
                var earlier = merged[into];
                merged[into] = earlier with { Amount = earlier.Amount + amount, Facts = earlier.Facts + facts };
            }
            else
            {
                into = merged.Count;
                edges.Add((key.From, key.To, key.Kind, product), into);
                merged.Add((key, product, amount, facts, []));
            }
            mergedOf[edge] = into;
        }

        foreach (var (edge, origin, amount) in recorder.PerOrigin())
        {
            var origins = merged[mergedOf[edge]].Origins;
            origins[origin.Victim] = origins.GetValueOrDefault(origin.Victim) + amount;
        }

        var nodes = new Dictionary<int, FlowNode>();
        var rows = new List<FlowEdge>(merged.Count);
        foreach (var (key, product, amount, facts, origins) in merged)
        {
            var from = Node(key.From, nodes, ledger);
            var to = Node(key.To, nodes, ledger);
            var shares = new List<OriginShare>(origins.Count);
            foreach (var (origin, share) in origins)
            {
                if (Money.RoundsToZero(share)) continue;
                shares.Add(new OriginShare(origin >= 0 ? victims[origin].Holder : OriginShare.Unattributed, share));
            }
            shares.Sort(static (a, b) => string.CompareOrdinal(a.Origin, b.Origin));
            rows.Add(new FlowEdge(from.Id, to.Id, key.Kind, product, amount, facts, shares));
        }

        rows.Sort(static (a, b) =>
        {
            var order = string.CompareOrdinal(a.From, b.From);
            if (order == 0) order = string.CompareOrdinal(a.To, b.To);
            if (order == 0) order = string.CompareOrdinal(FlowEdgeKinds.Name(a.Kind), FlowEdgeKinds.Name(b.Kind));
            if (order == 0) order = string.CompareOrdinal(a.Product, b.Product);
            return order;
        });
        var sortedNodes = nodes.Values.ToList();
        sortedNodes.Sort(static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        return new FlowGraph(caseId, asOf, ledger.Rule, sortedNodes, rows);
    }

    private static string ProductName(int product, FlowLedger ledger) => product switch
    {
        EdgeKey.NoProduct => "",
        >= 0 => ledger.Numbering.Products[product],
        _ => ledger.ProductOfLot(~product) is { } bought ? ledger.Numbering.Products[bought] : "",
    };

    private static FlowNode Node(int node, Dictionary<int, FlowNode> nodes, FlowLedger ledger)
    {
        if (nodes.TryGetValue(node, out var known)) return known;
        FlowNode made;
        if (node >= 0)
        {
            var account = ledger.AccountName(node);
            made = new FlowNode("account:" + account, FlowNodeKind.Account, account,
                ledger.Book.HolderOf(account), ledger.Book.RoleOf(account));
        }
        else
        {
            var product = ledger.Numbering.Products[~node];
            made = new FlowNode("product:" + product, FlowNodeKind.Product, product, "", AccountRole.Other);
        }
        nodes.Add(node, made);
        return made;
    }
}
