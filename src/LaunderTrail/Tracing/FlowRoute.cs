namespace LaunderTrail.Tracing;

/// <summary>A simple path of the flow graph from the start to the target, hop by hop.</summary>
public sealed record FlowRoute(IReadOnlyList<FlowHop> Hops)
{
    /// <summary>How much of the followed money reached the target on the last hop.</summary>
    public decimal Amount => Hops[^1].Amount;
}
