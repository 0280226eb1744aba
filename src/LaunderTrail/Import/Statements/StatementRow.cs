namespace LaunderTrail.Import.Statements;

/// <summary>
/// A statement row that records a completed move, as read: the statement's own account, the counterparty (the account
/// an alias links it to, or as the statement shows it), which way, how much, when, the institution's reference, the
/// balance after it, and the row's other cells as a note.
/// </summary>
public sealed record StatementRow(
    long Number,
    string? Sheet,
    string Own,
    string Counterparty,
    string CounterpartyShown,
    bool Unresolved,
    Flow Flow,
    decimal Amount,
    DateTimeOffset At,
    string? Reference,
    decimal? Balance,
    string? Note)
{
    public string From => Flow == Flow.Out ? Own : Counterparty;
    public string To => Flow == Flow.Out ? Counterparty : Own;
}

/// <summary>What one row of a statement turned out to be.</summary>
public sealed record RowOutcome(
    long Number,
    string? Sheet,
    StatementRow? Used,
    string? Skipped,
    IReadOnlyList<FieldError> Errors,
    BalanceRow? Balance,
    string? Own,
    DateTimeOffset? At);
