namespace LaunderTrail.Tracing;

/// <summary>What moved along an edge of the flow graph, and which fact moved it (INTERCHANGE.md, "the flow graph").</summary>
public enum FlowEdgeKind
{
    /// <summary>A loan's cash, lender → borrower.</summary>
    Loan,

    /// <summary>A transfer's cash.</summary>
    Transfer,

    /// <summary>The cash a purchase paid, buyer → product.</summary>
    Purchase,

    /// <summary>The face value a purchase bought, product → holder.</summary>
    Issue,

    /// <summary>Face value handed from one account to another.</summary>
    Handover,

    /// <summary>Face value resold, seller → buyer.</summary>
    Resale,

    /// <summary>The price of a resale, buyer → the seller's account that receives it.</summary>
    ResalePayment,
}
