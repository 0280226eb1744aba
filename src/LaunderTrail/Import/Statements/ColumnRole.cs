namespace LaunderTrail.Import.Statements;

/// <summary>What a statement column tells about a row.</summary>
public enum ColumnRole
{
    Time,
    Amount,
    Debit,
    Credit,
    Direction,
    Balance,
    OwnAccount,
    OwnName,
    CounterpartyAccount,
    CounterpartyName,
    Reference,
    Status,
}
