namespace LaunderTrail.Tracing;

public enum FlowNodeKind
{
    Account,
    Product,
}
