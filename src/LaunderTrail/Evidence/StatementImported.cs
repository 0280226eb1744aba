namespace LaunderTrail.Evidence;

/// <summary>
/// A bank or payment-platform statement was imported into the case: which file (by name and the SHA-256 of its
/// bytes), read how, covering which period, how many of its rows became facts, and whether its balances reconcile.
/// Recorded only by a statement import; it moves no money.
/// </summary>
public sealed record StatementImported : CaseEvent
{
    /// <summary>The file's name as it was imported, without its folder.</summary>
    public required string File { get; init; }

    /// <summary>SHA-256 of the file's bytes, in lower-case hex: the same bytes are never imported twice.</summary>
    public required string Sha256 { get; init; }

    /// <summary>cn-bank, alipay, wechat or mapping.</summary>
    public required string Profile { get; init; }

    /// <summary>The statement's own accounts, sorted.</summary>
    public required IReadOnlyList<string> Accounts { get; init; }

    /// <summary>The holder the statement names, when it names one.</summary>
    public string? Holder { get; init; }

    public DateTimeOffset? PeriodFrom { get; init; }
    public DateTimeOffset? PeriodTo { get; init; }

    /// <summary>Rows that record a completed move: recorded as facts, matched to a recorded fact, or left for review.</summary>
    public required int RowsUsed { get; init; }

    /// <summary>Rows that record no completed move (failed, refunded, 不计收支, no counterparty).</summary>
    public required int RowsSkipped { get; init; }

    /// <summary>Used rows found to be the other side (or a repeat) of a fact already recorded.</summary>
    public required int RowsMatched { get; init; }

    /// <summary>Used rows the import could not tell apart from a recorded transfer: left out of the figures, for review.</summary>
    public required int RowsForReview { get; init; }

    /// <summary>Whether every balance follows from the one before; null when the statement shows no balance.</summary>
    public bool? Reconciles { get; init; }

    /// <summary>Each balance break, with the rows around it, the missing amount and the dates between.</summary>
    public IReadOnlyList<string>? Breaks { get; init; }
}
