namespace LaunderTrail.Tracing;

/// <summary>One trace of a case, read two ways: the flow report and the flow graph, from the same pass over its facts.</summary>
public sealed record FlowTrace(FlowReport Report, FlowGraph Graph);
