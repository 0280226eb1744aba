using LaunderTrail.Flows;
using LaunderTrail.Storage;
using LaunderTrail.Tracing;

namespace LaunderTrail.Exports;

/// <summary>
/// The flow graph with the ids of the facts behind each edge (<see cref="FlowEdge.FactIds"/>), traced on demand from the
/// checked events: what paths and exports list, so an analyst can go from an edge back to its evidence. The read models
/// keep the graph without ids, so that keeping it costs them nothing more.
/// </summary>
public static class GraphWithFacts
{
    /// <summary>
    /// How many fact ids each edge lists at most, the first the trace applied; <see cref="FlowEdge.Facts"/> says how many
    /// there are in all, and the case's timeline lists every fact.
    /// </summary>
    public const int IdsPerEdge = 20;

    /// <returns>The graph, or null when the case has no recorded facts.</returns>
    /// <exception cref="Court.TamperedCaseException">The case's events are not the ones recorded.</exception>
    public static Task<FlowGraph?> ReadAsync(CaseStore store, string @case, TracingRule rule, DateTimeOffset? asOf,
        DateTimeOffset? knownAt, CancellationToken ct) =>
        new FlowQueries(store).GraphAsync(@case, rule, asOf, knownAt, IdsPerEdge, ct);
}
