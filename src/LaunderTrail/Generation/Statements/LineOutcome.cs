namespace LaunderTrail.Generation.Statements;

/// <summary>What a statement row records: a completed move, or one of the rows an import must skip.</summary>
internal enum LineOutcome
{
    Completed,

    /// <summary>A transfer the bank refused or a payment that was closed: no money moved.</summary>
    Failed,

    /// <summary>Money moved between the holder's own pockets (不计收支, WeChat's "/"): neither in nor out.</summary>
    NotCounted,

    /// <summary>A payment refunded in full, as the bill shows it.</summary>
    Refunded,
}
