namespace LaunderTrail.Tracing;

/// <summary>How mixed money leaving a cash pool is attributed to origins (TRACING.md). Written "fifo" / "pro-rata".</summary>
public enum TracingRule
{
    /// <summary>An outflow takes the oldest parcels first (Clayton's Case).</summary>
    Fifo,

    /// <summary>An outflow takes from every origin in proportion to its share of the pool.</summary>
    ProRata,
}
