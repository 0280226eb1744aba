namespace LaunderTrail.Tracing;

/// <summary>
/// Where a path search starts: a victim's accounts, following only edges that carry her money (<see cref="Victim"/> is
/// her holder name, the origin the graph splits edges by), or one account that is not a victim's, following every edge.
/// </summary>
/// <param name="Accounts">The start nodes' ids, sorted ordinally.</param>
public sealed record FlowPathStart(IReadOnlyList<string> Accounts, string? Victim);
