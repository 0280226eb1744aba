namespace LaunderTrail.Tracing;

/// <summary>One hop of a route: an edge of the flow graph and how much of the followed money it carried (exact, unrounded).</summary>
public sealed record FlowHop(FlowEdge Edge, decimal Amount);
