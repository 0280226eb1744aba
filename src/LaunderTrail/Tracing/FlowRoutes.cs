namespace LaunderTrail.Tracing;

/// <summary>The answer of a path search (<see cref="FlowPaths"/>).</summary>
/// <param name="From">The start as asked: a victim's holder name or an account.</param>
/// <param name="To">The target account.</param>
/// <param name="Victim">Whose money the routes follow; null when they follow every edge out of an account.</param>
/// <param name="Routes">Largest amount on the last hop first, ties by the hops' from, to, kind and product, ordinally.</param>
/// <param name="Truncated">True when more routes were found (or could have been) than <see cref="Routes"/> holds.</param>
public sealed record FlowRoutes(
    string From,
    string To,
    string? Victim,
    int MaxHops,
    IReadOnlyList<FlowRoute> Routes,
    bool Truncated);
