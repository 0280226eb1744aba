namespace LaunderTrail.Import;

/// <summary>An import either wrote everything (no errors) or nothing (every error found, in source order).</summary>
public sealed record ImportOutcome(IReadOnlyList<LineError> Errors, ImportSummary Summary)
{
    public bool Accepted => Errors.Count == 0;
}
