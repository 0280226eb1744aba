namespace LaunderTrail.Tracing;

/// <summary>
/// The flow graph of one case (INTERCHANGE.md, "Output: the flow graph"): the same trace as the report, hop by hop,
/// with exact, unrounded figures; <see cref="FlowGraphJson"/> rounds them when it writes the graph.
/// </summary>
/// <param name="Nodes">Every node an edge names, sorted by id.</param>
/// <param name="Edges">Sorted by from, to, kind name and product.</param>
public sealed record FlowGraph(
    string Case,
    DateTimeOffset? AsOf,
    TracingRule Rule,
    IReadOnlyList<FlowNode> Nodes,
    IReadOnlyList<FlowEdge> Edges);
