using LaunderTrail.Evidence;
using LaunderTrail.Tracing;
using Xunit;

namespace LaunderTrail.Tests.Tracing;

/// <summary>The ids of the facts behind each edge of the flow graph, kept only when asked for, in the order applied.</summary>
public sealed class FlowGraphFactIdsTests
{
    private static FlowEdge EdgeOf(FlowGraph graph, FlowEdgeKind kind, string from, string to) =>
        Assert.Single(graph.Edges, e => e.Kind == kind && e.From == "account:" + from && e.To == "account:" + to);

    [Fact]
    public void Each_edge_lists_its_facts_in_the_order_they_happened_and_a_fact_of_two_edges_is_on_both()
    {
        // Given transfers recorded out of the order they happened, a purchase and a resale paid to another account
        var facts = new CaseFacts()
            .Victim("a", "A")
            .Transfer(3, "a", "g", 100, id: "t-late")
            .Transfer(1, "a", "g", 200, id: "t-early")
            .Transfer(2, "a", "g", 300, id: "t-middle")
            .Purchase(4, "L", "g", paid: 400, faceValue: 400, holder: "mid", id: "buy")
            .Resale(5, "L", "mid", "cm", price: 344, paidTo: "mid-cash", id: "sell");

        // When it is traced with its graph, asked to keep the ids
        var graph = FlowTracer.TraceWithGraph(CaseFacts.CaseId, facts.Recorded, TracingRule.Fifo, factIdsPerEdge: 20).Graph;

        // Then the transfers are listed by when they happened, and the purchase and the resale are behind both their edges
        Assert.Equal(["t-early", "t-middle", "t-late"], EdgeOf(graph, FlowEdgeKind.Transfer, "a", "g").FactIds);
        Assert.Equal(["buy"], Assert.Single(graph.Edges, e => e.Kind == FlowEdgeKind.Purchase).FactIds);
        Assert.Equal(["buy"], Assert.Single(graph.Edges, e => e.Kind == FlowEdgeKind.Issue).FactIds);
        Assert.Equal(["sell"], EdgeOf(graph, FlowEdgeKind.Resale, "mid", "cm").FactIds);
        Assert.Equal(["sell"], EdgeOf(graph, FlowEdgeKind.ResalePayment, "cm", "mid-cash").FactIds);
        Assert.All(graph.Edges, edge => Assert.Equal(edge.Facts, edge.FactIds!.Count));
    }

    [Fact]
    public void Edges_that_become_one_when_their_lots_purchases_are_applied_list_their_facts_in_the_order_applied()
    {
        // Given handovers of two lots of one product, interleaved in time, all before the lots' purchases happened
        var facts = new CaseFacts()
            .Victim("a", "A")
            .Transfer(1, "a", "g", 300)
            .HandOver(2, "L1", "g", "h", faceValue: 40, id: "h-1a")
            .HandOver(2.5, "L2", "g", "h", faceValue: 50, id: "h-2")
            .HandOver(2.75, "L1", "g", "h", faceValue: 60, id: "h-1b")
            .Purchase(3, "L1", "g", paid: 100, faceValue: 100, product: "Q coin")
            .Purchase(4, "L2", "g", paid: 50, faceValue: 50, product: "Q coin");

        // When it is traced with its graph and the ids
        var graph = FlowTracer.TraceWithGraph(CaseFacts.CaseId, facts.Recorded, TracingRule.ProRata, factIdsPerEdge: 20).Graph;

        // Then the one Q coin handover edge lists all three by when they happened, not lot by lot
        var handover = EdgeOf(graph, FlowEdgeKind.Handover, "g", "h");
        Assert.Equal(3, handover.Facts);
        Assert.Equal(["h-1a", "h-2", "h-1b"], handover.FactIds);
    }

    [Fact]
    public void An_edge_of_more_facts_than_asked_for_lists_the_first_applied_and_still_counts_them_all()
    {
        // Given 25 transfers along one edge
        var facts = new CaseFacts().Victim("a", "A");
        for (var i = 25; i >= 1; i--) facts.Transfer(i / 10.0, "a", "g", 10, id: $"t-{i:D2}");

        // When it is traced keeping at most 20 ids per edge
        var graph = FlowTracer.TraceWithGraph(CaseFacts.CaseId, facts.Recorded, TracingRule.Libr, factIdsPerEdge: 20).Graph;

        // Then the edge counts 25 facts and lists the first 20 that happened
        var edge = Assert.Single(graph.Edges);
        Assert.Equal(25, edge.Facts);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"t-{i:D2}"), edge.FactIds);
    }

    [Fact]
    public void Facts_the_trace_does_not_follow_are_behind_no_edge()
    {
        // Given a move between victim accounts, a retracted transfer and a resale of a lot the seller does not hold
        var facts = new CaseFacts()
            .Victim("a-1", "A")
            .Victim("a-2", "A")
            .Transfer(1, "a-1", "a-2", 100, id: "between")
            .Transfer(2, "a-2", "g", 100, id: "kept")
            .Transfer(3, "a-2", "g", 50, id: "wrong")
            .Retract(4, "wrong")
            .Resale(5, "L9", "g", "cm", price: 10, id: "unheld");

        // When it is traced with its graph and the ids
        var graph = FlowTracer.TraceWithGraph(CaseFacts.CaseId, facts.Recorded, TracingRule.Fifo, factIdsPerEdge: 20).Graph;

        // Then only the fact the trace followed is listed
        Assert.Equal(["kept"], Assert.Single(graph.Edges).FactIds);
    }

    [Fact]
    public void Without_being_asked_the_graph_keeps_no_ids_and_with_them_is_written_byte_for_byte_the_same()
    {
        foreach (var (input, caseId) in new[] { ("mixed-case.jsonl", "EX-2"), ("own-money.jsonl", "EX-3") })
        foreach (var rule in Enum.GetValues<TracingRule>())
        {
            // Given an example case of the spec
            var facts = SpecExamples.ReadEvents(input);

            // When it is traced without and with the ids
            var plain = FlowTracer.TraceWithGraph(caseId, facts, rule).Graph;
            var withIds = FlowTracer.TraceWithGraph(caseId, facts, rule, factIdsPerEdge: 20).Graph;

            // Then the plain graph lists none, and the graph of the interchange format is the conformance file either way
            Assert.All(plain.Edges, edge => Assert.Null(edge.FactIds));
            Assert.All(withIds.Edges, edge => Assert.Equal(edge.Facts, edge.FactIds!.Count));
            var stem = Path.GetFileNameWithoutExtension(input);
            Assert.Equal(SpecExamples.ReadText($"{stem}.{TracingRules.Name(rule)}.graph.json"), FlowGraphJson.Write(withIds));
            Assert.Equal(FlowGraphJson.Write(plain), FlowGraphJson.Write(withIds));
        }
    }

    [Fact]
    public void A_path_answer_lists_each_hops_fact_ids_and_says_how_many_more_there_are()
    {
        // Given three transfers from the victim to g and one from g to the merchant, ids kept two per edge
        var facts = new CaseFacts()
            .Victim("a", "A")
            .Identify("cm", "Cards", AccountRole.CardMerchant)
            .Transfer(1, "a", "g", 100, id: "t-1")
            .Transfer(2, "a", "g", 100, id: "t-2")
            .Transfer(3, "a", "g", 100, id: "t-3")
            .Transfer(4, "g", "cm", 250, id: "t-4");
        var graph = FlowTracer.TraceWithGraph(CaseFacts.CaseId, facts.Recorded, TracingRule.Fifo, factIdsPerEdge: 2).Graph;

        // When her routes to the merchant are written
        var routes = FlowPaths.Find(graph, "A", FlowPaths.StartOf(graph, "A")!, "cm");
        var json = FlowRoutesJson.Write(graph, null, routes);

        // Then each hop lists its ids, bounded, with the count of those left out
        Assert.Contains(
            """
                      "facts": 3,
                      "factIds": [
                        "t-1",
                        "t-2"
                      ],
                      "moreFacts": 1
            """.ReplaceLineEndings("\n"), json);
        Assert.Contains(
            """
                      "facts": 1,
                      "factIds": [
                        "t-4"
                      ],
                      "moreFacts": 0
            """.ReplaceLineEndings("\n"), json);
    }
}
