using LaunderTrail.Evidence;

namespace LaunderTrail.Tracing;

/// <summary>Turns the edges a ledger recorded into the flow graph: names for numbers, origins divided, every list sorted ordinally.</summary>
/// <remarks>
/// A graph of a million facts has tens of thousands of edges and hundreds of thousands of origin rows, so the rows are
/// gathered in flat arrays and sorted by number, not kept in a dictionary per edge: victims are numbered in the ordinal
/// order of their names (<see cref="AccountBook.Victims"/>), so only <see cref="OriginShare.Unattributed"/> needs placing.
/// </remarks>
internal static class FlowGraphBuilder
{
    private const int UnattributedOrigin = -1;

    public static FlowGraph Build(string caseId, DateTimeOffset? asOf, FlowLedger ledger, FlowGraphRecorder recorder)
    {
        var (merged, mergedOf) = Merge(ledger, recorder);
        var factIds = FactIds(recorder, merged.Count, mergedOf);

        // Every (edge, origin, amount) row, ordered by edge and then by origin number.
        var keys = new List<long>();
        var amounts = new List<decimal>();
        foreach (var (edge, origin, amount) in recorder.PerOrigin())
        {
            keys.Add(((long)mergedOf[edge] << 32) | (uint)(origin.Victim + 1));
            amounts.Add(amount);
        }
        var sortedKeys = keys.ToArray();
        var sortedAmounts = amounts.ToArray();
        Array.Sort(sortedKeys, sortedAmounts);

        var victims = ledger.Book.Victims();
        var nodes = new Dictionary<int, FlowNode>();
        var rows = new List<FlowEdge>(merged.Count);
        var shares = new List<OriginShare>();
        var row = 0;
        for (var edge = 0; edge < merged.Count; edge++)
        {
            shares.Clear();
            var unattributedPlaced = false;
            decimal unattributed = 0m;
            while (row < sortedKeys.Length && (int)(sortedKeys[row] >> 32) == edge)
            {
                var rowKey = sortedKeys[row];
                var origin = (int)(rowKey & uint.MaxValue) - 1;
                var amount = 0m;
                for (; row < sortedKeys.Length && sortedKeys[row] == rowKey; row++) amount += sortedAmounts[row];
                if (origin == UnattributedOrigin)
                {
                    unattributed = amount;
                    continue;
                }
                var name = victims[origin].Holder;
                if (!unattributedPlaced && string.CompareOrdinal(OriginShare.Unattributed, name) < 0)
                {
                    AddShare(shares, OriginShare.Unattributed, unattributed);
                    unattributedPlaced = true;
                }
                AddShare(shares, name, amount);
            }
            if (!unattributedPlaced) AddShare(shares, OriginShare.Unattributed, unattributed);

            var (key, product, total, facts) = merged[edge];
            rows.Add(new FlowEdge(
                Node(key.From, nodes, ledger).Id, Node(key.To, nodes, ledger).Id, key.Kind, product, total, facts, shares.ToArray())
            {
                FactIds = factIds?[edge],
            });
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

    /// <summary>
    /// The recorded edges under their final names. An edge recorded before its lot's purchase was applied is named by
    /// the product the lot was bought as, which can make two recorded edges one.
    /// </summary>
    /// <returns>The edges, and for each recorded edge the number of the edge it became.</returns>
    private static (List<(EdgeKey Key, string Product, decimal Amount, int Facts)> Merged, int[] MergedOf) Merge(
        FlowLedger ledger, FlowGraphRecorder recorder)
    {
        var numberOf = new Dictionary<EdgeKey, int>();
        var merged = new List<(EdgeKey Key, string Product, decimal Amount, int Facts)>();
        var mergedOf = new int[recorder.Edges.Count];
        for (var edge = 0; edge < recorder.Edges.Count; edge++)
        {
            var key = recorder.Edges[edge];
            if (key.Product < 0 && key.Product != EdgeKey.NoProduct)
                key = key with { Product = ledger.ProductOfLot(~key.Product) ?? EdgeKey.NoProduct };
            var (amount, facts) = recorder.Total(edge);
            if (numberOf.TryGetValue(key, out var into))
            {
                var earlier = merged[into];
                merged[into] = earlier with { Amount = earlier.Amount + amount, Facts = earlier.Facts + facts };
            }
            else
            {
                into = merged.Count;
                numberOf.Add(key, into);
                merged.Add((key, key.Product == EdgeKey.NoProduct ? "" : ledger.Numbering.Products[key.Product], amount, facts));
            }
            mergedOf[edge] = into;
        }
        return (merged, mergedOf);
    }

    /// <summary>
    /// The ids kept for each edge under its final name, when the recorder kept any: the recorded edges that became one
    /// merged in the order their facts were applied, and no more than the recorder keeps per edge.
    /// </summary>
    private static string[][]? FactIds(FlowGraphRecorder recorder, int edgeCount, int[] mergedOf)
    {
        if (recorder.FactIdsPerEdge == 0) return null;
        var kept = new List<(int Applied, ReadOnlyMemory<char> Id)>[edgeCount];
        for (var edge = 0; edge < mergedOf.Length; edge++)
        {
            var into = kept[mergedOf[edge]];
            if (into is null) kept[mergedOf[edge]] = [.. recorder.FactIds(edge)];
            else into.AddRange(recorder.FactIds(edge));
        }

        var ids = new string[edgeCount][];
        for (var edge = 0; edge < edgeCount; edge++)
        {
            var facts = kept[edge];
            facts.Sort(static (a, b) => a.Applied.CompareTo(b.Applied));
            ids[edge] = facts.Take(recorder.FactIdsPerEdge).Select(fact => fact.Id.ToString()).ToArray();
        }
        return ids;
    }

    private static void AddShare(List<OriginShare> shares, string origin, decimal amount)
    {
        if (!Money.RoundsToZero(amount)) shares.Add(new OriginShare(origin, amount));
    }

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
