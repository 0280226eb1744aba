namespace LaunderTrail.Tracing;

/// <summary>The names the interchange format gives the kinds of flow-graph edges.</summary>
public static class FlowEdgeKinds
{
    public static string Name(FlowEdgeKind kind) => kind switch
    {
        FlowEdgeKind.Loan => "loan",
        FlowEdgeKind.Transfer => "transfer",
        FlowEdgeKind.Purchase => "purchase",
        FlowEdgeKind.Issue => "issue",
        FlowEdgeKind.Handover => "handover",
        FlowEdgeKind.Resale => "resale",
        FlowEdgeKind.ResalePayment => "resale-payment",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown edge kind"),
    };
}
