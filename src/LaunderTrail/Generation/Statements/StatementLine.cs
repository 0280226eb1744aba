namespace LaunderTrail.Generation.Statements;

/// <summary>One row of a statement, as seen by the statement's own account.</summary>
/// <param name="Counterparty">The case's account on the other side; null for a party outside the case.</param>
/// <param name="OtherParty">How a row with no case account names its other side (a shop, 余额宝).</param>
/// <param name="Transfer">The id of the reference case's transfer the row records, null for rows an import skips.</param>
internal sealed record StatementLine(
    DateTimeOffset At,
    decimal Amount,
    bool Incoming,
    StatementAccount? Counterparty,
    string? OtherParty,
    LineOutcome Outcome,
    string? Transfer)
{
    /// <summary>The institution's own serial number of the row, unique within the folder.</summary>
    public string Serial { get; init; } = "";

    /// <summary>The account's balance after the row (bank statements only).</summary>
    public decimal Balance { get; init; }

    public string CounterpartyName => Counterparty?.Holder ?? OtherParty ?? "";
}
