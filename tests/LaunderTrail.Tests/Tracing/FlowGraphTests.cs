using LaunderTrail.Evidence;
using LaunderTrail.Tracing;
using Xunit;

namespace LaunderTrail.Tests.Tracing;

public sealed class FlowGraphTests
{
    [Fact]
    public void Value_moved_before_its_purchase_happened_is_named_by_the_product_it_was_bought_as()
    {
        // Given two lots of one product handed on before the facts of their purchases, which come later in time
        var facts = new CaseFacts()
            .Victim("a", "A")
            .Identify("g", "Gang", AccountRole.Fraudster)
            .Transfer(1, "a", "g", 300)
            .HandOver(2, "L1", "g", "h", faceValue: 100)
            .HandOver(2.5, "L2", "g", "h", faceValue: 50)
            .Purchase(3, "L1", "g", paid: 100, faceValue: 100, product: "Q coin")
            .Purchase(4, "L2", "g", paid: 50, faceValue: 50, product: "Q coin");

        // When it is traced with its graph
        var graph = FlowTracer.TraceWithGraph(CaseFacts.CaseId, facts.Recorded, TracingRule.Fifo).Graph;

        // Then both handovers are one edge of Q coin: 150 in two facts, all of unknown origin (g held none of either lot yet)
        var handover = Assert.Single(graph.Edges, e => e.Kind == FlowEdgeKind.Handover);
        Assert.Equal(("account:g", "account:h", "Q coin", 150m, 2), (handover.From, handover.To, handover.Product, handover.Amount, handover.Facts));
        Assert.Equal([new OriginShare(OriginShare.Unattributed, 150m)], handover.Origins);
        Assert.Equal(
            ["account:a", "account:g", "account:h", "product:Q coin"],
            graph.Nodes.Select(n => n.Id));
    }

    [Fact]
    public void A_graph_as_of_a_moment_holds_only_what_had_happened_by_then()
    {
        // Given the own-money example, as of 11:15 on its day (after the purchase, before the handover)
        var facts = SpecExamples.ReadEvents("own-money.jsonl");
        var moment = new DateTimeOffset(2019, 5, 2, 11, 15, 0, TimeSpan.FromHours(8));

        // When it is traced under libr with its graph
        var graph = FlowTracer.TraceWithGraph("EX-3", facts, TracingRule.Libr, moment).Graph;

        // Then the graph names the moment and holds the loan, the transfers, the purchase and its issue only
        Assert.Equal(moment, graph.AsOf);
        Assert.Equal(
            [FlowEdgeKind.Transfer, FlowEdgeKind.Transfer, FlowEdgeKind.Purchase, FlowEdgeKind.Loan, FlowEdgeKind.Issue],
            graph.Edges.Select(e => e.Kind));
        Assert.Contains("\"asOf\": \"2019-05-02T11:15:00+08:00\"", FlowGraphJson.Write(graph), StringComparison.Ordinal);
    }

    [Fact]
    public void Moves_between_victim_accounts_add_no_edge_but_a_loan_to_a_victim_does()
    {
        // Given a victim who borrows, moves the loan to her other account, buys value there that she keeps, then pays the gang
        var facts = new CaseFacts()
            .Victim("a-1", "A")
            .Victim("a-2", "A")
            .Loan(1, "lender", "a-1", 500)
            .Transfer(2, "a-1", "a-2", 500)
            .Purchase(3, "L", "a-2", paid: 100, faceValue: 100, holder: "a-1")
            .HandOver(4, "L", "a-1", "a-2")
            .Transfer(5, "a-2", "g", 400);

        // When it is traced with its graph
        var graph = FlowTracer.TraceWithGraph(CaseFacts.CaseId, facts.Recorded, TracingRule.ProRata).Graph;

        // Then only the loan and the payment to the gang are edges
        Assert.Equal(
            [("account:a-2", "account:g", FlowEdgeKind.Transfer), ("account:lender", "account:a-1", FlowEdgeKind.Loan)],
            graph.Edges.Select(e => (e.From, e.To, e.Kind)));
        Assert.Equal([new OriginShare("A", 400m)], graph.Edges[0].Origins);
    }
}
