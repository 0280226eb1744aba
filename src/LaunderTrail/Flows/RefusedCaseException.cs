namespace LaunderTrail.Flows;

/// <summary>
/// A read of a case whose read models cannot stand for its recorded facts: its last trace was refused
/// (<see cref="CaseRefusal"/>), or the facts it was traced from are no longer the stored ones.
/// </summary>
public sealed class RefusedCaseException(string @case, string reason) : Exception($"case {@case}: {reason}")
{
    public string Case { get; } = @case;

    public string Reason { get; } = reason;

    /// <summary>The read models of the case were traced from facts up to <paramref name="seq"/> that are no longer the stored ones.</summary>
    public static RefusedCaseException Rewritten(string @case, long seq) =>
        new(@case, $"its recorded events up to seq {seq} are no longer those its read models were traced from, " +
                   "so nothing is answered from them");
}
