namespace LaunderTrail.Evidence;

/// <summary>
/// A statement row is the other side (or a repeat) of a transfer already recorded: the row is cited, the fact is not
/// recorded again. Recorded only by a statement import; it moves no money.
/// </summary>
public sealed record StatementRowMatched : CaseEvent
{
    /// <summary>The id of the recorded <see cref="FundsTransferred"/> this row also shows.</summary>
    public required string Fact { get; init; }

    /// <summary>SHA-256 of the statement file, as its <see cref="StatementImported"/> names it.</summary>
    public required string Statement { get; init; }

    /// <summary>The row's number in the statement (its line in a CSV, its row in a sheet).</summary>
    public required long Row { get; init; }
}
