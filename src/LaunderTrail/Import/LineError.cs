namespace LaunderTrail.Import;

/// <summary>One reason a line was refused, in the compiler convention editors understand: FILE:LINE: field: reason.</summary>
public sealed record LineError(string File, long Line, string Field, string Reason)
{
    public override string ToString() => $"{File}:{Line}: {Field}: {Reason}";
}
