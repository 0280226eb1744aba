using LaunderTrail.Evidence;
using LaunderTrail.Tracing;

namespace LaunderTrail.Tests.Tracing;

/// <summary>The route search over a flow graph (<see cref="FlowPaths"/>), on small graphs built by hand.</summary>
public sealed class FlowPathsTests
{
    private const string Zheng = "Zheng Hong";

    private static FlowNode Account(string id, string holder = "", AccountRole role = AccountRole.Other) =>
        new("account:" + id, FlowNodeKind.Account, id, holder, role);

    private static FlowEdge Edge(string from, string to, decimal amount, params (string Origin, decimal Amount)[] origins) =>
        new("account:" + from, "account:" + to, FlowEdgeKind.Transfer, "", amount, 1,
            origins.Select(o => new OriginShare(o.Origin, o.Amount)).ToList());

    private static FlowGraph Graph(IEnumerable<FlowNode> nodes, params FlowEdge[] edges) =>
        new("T-1", null, TracingRule.ProRata, nodes.OrderBy(n => n.Id, StringComparer.Ordinal).ToList(), edges);

    /// <summary>zheng-bank → a → merchant (her 300 of 500) and zheng-bank → b → merchant (her 700 of 700); c → a carries none of hers.</summary>
    private static FlowGraph TwoRoutes() => Graph(
        [Account("zheng-bank", Zheng, AccountRole.Victim), Account("a"), Account("b"), Account("c"), Account("cm", "Cards", AccountRole.CardMerchant)],
        Edge("a", "cm", 500m, (Zheng, 300m), (OriginShare.Unattributed, 200m)),
        Edge("b", "cm", 700m, (Zheng, 700m)),
        Edge("c", "a", 200m, (OriginShare.Unattributed, 200m)),
        Edge("zheng-bank", "a", 300m, (Zheng, 300m)),
        Edge("zheng-bank", "b", 700m, (Zheng, 700m)));

    private static FlowRoutes Find(FlowGraph graph, string from, string to, int maxHops = FlowPaths.DefaultMaxHops,
        int cap = FlowPaths.DefaultCap) =>
        FlowPaths.Find(graph, from, FlowPaths.StartOf(graph, from)!, to, maxHops, cap);

    private static string Nodes(FlowRoute route) =>
        string.Join(" > ", route.Hops.Select(h => h.Edge.From).Append(route.Hops[^1].Edge.To)).Replace("account:", "");

    [Fact]
    public void A_victims_routes_are_sorted_by_her_money_on_the_last_hop_largest_first()
    {
        var routes = Find(TwoRoutes(), Zheng, "cm");

        Assert.Equal(["zheng-bank > b > cm", "zheng-bank > a > cm"], routes.Routes.Select(Nodes));
        Assert.Equal([700m, 300m], routes.Routes.Select(r => r.Amount));
        Assert.Equal([300m, 300m], routes.Routes[1].Hops.Select(h => h.Amount));
        Assert.Equal(Zheng, routes.Victim);
        Assert.False(routes.Truncated);
    }

    [Fact]
    public void Value_leaves_an_account_only_as_the_product_it_arrived_as_while_cash_may_leave_as_value_bought_with_it()
    {
        static FlowEdge Value(string from, string to, FlowEdgeKind kind, string product, decimal amount) =>
            new("account:" + from, "account:" + to, kind, product, amount, 1, [new OriginShare(Zheng, amount)]);
        var graph = Graph(
            [Account("zheng-bank", Zheng, AccountRole.Victim), Account("g"), Account("mid"), Account("cm", "Cards", AccountRole.CardMerchant)],
            Edge("g", "mid", 50m, (Zheng, 50m)),
            Value("g", "mid", FlowEdgeKind.Handover, "Q coin", 100m),
            Value("mid", "cm", FlowEdgeKind.Resale, "Q coin", 80m),
            Value("mid", "cm", FlowEdgeKind.Resale, "Suning card", 90m),
            Value("zheng-bank", "g", FlowEdgeKind.Handover, "Q coin", 100m),
            Edge("zheng-bank", "g", 60m, (Zheng, 60m)));

        var routes = Find(graph, Zheng, "cm");

        Assert.Equal(
            [
                "Handover Q coin > Handover Q coin > Resale Q coin",
                "Transfer > Handover Q coin > Resale Q coin",
                "Transfer > Transfer > Resale Q coin",
                "Transfer > Transfer > Resale Suning card",
            ],
            routes.Routes.Select(r => string.Join(" > ", r.Hops.Select(h => $"{h.Edge.Kind} {h.Edge.Product}".TrimEnd()))).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_account_that_is_not_a_victims_follows_every_edge_with_its_full_amount()
    {
        var graph = TwoRoutes();

        var routes = Find(graph, "c", "cm");

        Assert.Null(routes.Victim);
        Assert.Equal(["c > a > cm"], routes.Routes.Select(Nodes));
        Assert.Equal([200m, 500m], routes.Routes[0].Hops.Select(h => h.Amount));
    }

    [Fact]
    public void The_victim_filter_leaves_out_edges_without_her_money_so_there_may_be_no_route()
    {
        var graph = Graph(
            [Account("zheng-bank", Zheng, AccountRole.Victim), Account("a"), Account("cm")],
            Edge("zheng-bank", "a", 100m, (Zheng, 100m)),
            Edge("a", "cm", 100m, ("Sun Li", 100m)));

        Assert.Empty(Find(graph, Zheng, "cm").Routes);
        Assert.Single(Find(graph, "a", "cm").Routes);
    }

    [Fact]
    public void A_holder_name_starts_from_every_account_of_hers_and_a_victims_account_follows_her_money_from_it_alone()
    {
        var graph = Graph(
            [Account("zheng-bank", Zheng, AccountRole.Victim), Account("zheng-pay", Zheng, AccountRole.Victim), Account("cm")],
            Edge("zheng-bank", "cm", 100m, (Zheng, 100m)),
            Edge("zheng-pay", "cm", 50m, (Zheng, 40m), (OriginShare.Unattributed, 10m)));

        Assert.Equal(["zheng-bank > cm", "zheng-pay > cm"], Find(graph, Zheng, "cm").Routes.Select(Nodes));
        var fromOne = Find(graph, "zheng-pay", "cm");
        Assert.Equal(Zheng, fromOne.Victim);
        Assert.Equal([40m], fromOne.Routes.Select(r => r.Amount));
    }

    [Fact]
    public void A_cycle_is_never_walked_round_routes_are_simple()
    {
        var graph = Graph(
            [Account("s"), Account("a"), Account("b"), Account("t")],
            Edge("a", "b", 10m), Edge("a", "t", 5m), Edge("b", "a", 10m), Edge("b", "t", 7m), Edge("s", "a", 20m));

        var routes = Find(graph, "s", "t");

        Assert.Equal(["s > a > b > t", "s > a > t"], routes.Routes.Select(Nodes));
        Assert.All(routes.Routes, r => Assert.Equal(r.Hops.Count + 1, Nodes(r).Split(" > ").Distinct().Count()));
    }

    [Fact]
    public void Max_hops_cuts_longer_routes()
    {
        var graph = Graph(
            [Account("s"), Account("a"), Account("b"), Account("t")],
            Edge("a", "b", 10m), Edge("b", "t", 10m), Edge("s", "a", 10m), Edge("s", "t", 1m));

        Assert.Equal(2, Find(graph, "s", "t", maxHops: 3).Routes.Count);
        Assert.Equal(["s > t"], Find(graph, "s", "t", maxHops: 2).Routes.Select(Nodes));
    }

    [Fact]
    public void The_cap_keeps_the_largest_routes_and_says_it_was_applied()
    {
        // s fans out to ten middlemen, each on to t with its own amount: ten routes.
        var middlemen = Enumerable.Range(0, 10).Select(i => $"m{i}").ToList();
        var graph = Graph(
            middlemen.Select(m => Account(m)).Append(Account("s")).Append(Account("t")),
            middlemen.SelectMany((m, i) => new[] { Edge("s", m, 100m), Edge(m, "t", 10m + i) }).ToArray());

        var all = Find(graph, "s", "t");
        var capped = Find(graph, "s", "t", cap: 3);

        Assert.Equal(10, all.Routes.Count);
        Assert.False(all.Truncated);
        Assert.True(capped.Truncated);
        Assert.Equal([19m, 18m, 17m], capped.Routes.Select(r => r.Amount));
        Assert.Equal(all.Routes.Take(3).Select(Nodes), capped.Routes.Select(Nodes));
    }

    [Fact]
    public void Equal_amounts_are_ordered_by_their_hops_ordinally_whatever_the_order_of_the_edges()
    {
        FlowEdge[] edges = [Edge("s", "b", 5m), Edge("s", "a", 5m), Edge("b", "t", 5m), Edge("a", "t", 5m)];
        var nodes = new[] { Account("s"), Account("a"), Account("b"), Account("t") };

        var forwards = Find(Graph(nodes, edges), "s", "t");
        var backwards = Find(Graph(nodes, edges.Reverse().ToArray()), "s", "t");

        Assert.Equal(["s > a > t", "s > b > t"], forwards.Routes.Select(Nodes));
        Assert.Equal(forwards.Routes.Select(Nodes), backwards.Routes.Select(Nodes));
    }

    [Fact]
    public void An_unknown_start_or_target_is_not_found_in_the_graph()
    {
        var graph = TwoRoutes();

        Assert.Null(FlowPaths.StartOf(graph, "nobody"));
        Assert.Null(FlowPaths.StartOf(graph, "account:a"));
        Assert.Null(FlowPaths.AccountNode(graph, "nowhere"));
        Assert.NotNull(FlowPaths.AccountNode(graph, "cm"));
    }
}
