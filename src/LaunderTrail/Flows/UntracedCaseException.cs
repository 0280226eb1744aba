namespace LaunderTrail.Flows;

/// <summary>A read of a case that has recorded facts but no read model yet: the projection has still to trace it.</summary>
public sealed class UntracedCaseException(string @case, long recorded)
    : Exception($"case {@case}: its {recorded} recorded facts are still being traced")
{
    public string Case { get; } = @case;

    public long Recorded { get; } = recorded;
}
