namespace LaunderTrail.Tracing;

/// <summary>All the facts of one kind that moved money or value from one node to another (of one product).</summary>
/// <param name="Product">The lot's product for value edges and purchases, "" for cash edges.</param>
/// <param name="Facts">How many facts were summed into the edge.</param>
/// <param name="Origins">The amount split by origin under the rule, sorted by origin; rows that round to zero left out.</param>
public sealed record FlowEdge(
    string From,
    string To,
    FlowEdgeKind Kind,
    string Product,
    decimal Amount,
    int Facts,
    IReadOnlyList<OriginShare> Origins);
