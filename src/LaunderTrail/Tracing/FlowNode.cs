using LaunderTrail.Evidence;

namespace LaunderTrail.Tracing;

/// <summary>A node of the flow graph: an account (<c>"account:" + id</c>), or a product standing for its issuer (<c>"product:" + name</c>).</summary>
/// <param name="Name">The account's id, or the product's name.</param>
/// <param name="Holder">An account's holder, "" when never identified (and for a product).</param>
/// <param name="Role">An account's role, <see cref="AccountRole.Other"/> when never identified (and for a product).</param>
public sealed record FlowNode(string Id, FlowNodeKind Kind, string Name, string Holder, AccountRole Role);
