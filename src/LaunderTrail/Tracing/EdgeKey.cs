namespace LaunderTrail.Tracing;

/// <summary>
/// An edge of the flow graph while a case is traced, by number: nodes are account numbers, or the complement (~) of a
/// product's number; the product is a number too, <see cref="NoProduct"/> for cash, or the complement of a lot's
/// number while the lot's purchase has not been applied yet (resolved when the graph is built).
/// </summary>
internal readonly record struct EdgeKey(int From, int To, FlowEdgeKind Kind, int Product)
{
    public const int NoProduct = int.MinValue;

    public static int ProductNode(int product) => ~product;
}
