namespace LaunderTrail.Evidence;

/// <summary>
/// A statement row that may be the other side of one of several recorded transfers, and the import could not decide
/// which: it is not recorded as a transfer (it would count the money twice), and flow reports list it under problems
/// for a person to decide. Recorded only by a statement import; it moves no money.
/// </summary>
public sealed record StatementRowUndecided : CaseEvent
{
    public required string From { get; init; }
    public required string To { get; init; }
    public required decimal Amount { get; init; }

    /// <summary>The ids of the recorded transfers the row may be, sorted.</summary>
    public required IReadOnlyList<string> Candidates { get; init; }

    public required string Statement { get; init; }
    public required long Row { get; init; }
}
