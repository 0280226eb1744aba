namespace LaunderTrail.Tracing;

/// <summary>How mixed money leaving a cash pool is attributed to origins (TRACING.md). Written "fifo" / "pro-rata" / "libr".</summary>
public enum TracingRule
{
    /// <summary>An outflow takes the oldest parcels first (Clayton's Case).</summary>
    Fifo,

    /// <summary>An outflow takes from every origin in proportion to its share of the pool.</summary>
    ProRata,

    /// <summary>
    /// Lowest intermediate balance: an outflow takes the pool's money of unknown origin (the wrongdoer's own) first,
    /// then the victims' in proportion to their shares.
    /// </summary>
    Libr,
}
