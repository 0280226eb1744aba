namespace LaunderTrail.Import;

/// <summary>What is wrong with one field of one fact, before it is placed in a file.</summary>
public sealed record FieldError(string Field, string Reason)
{
    /// <summary>The field name used when the line as a whole is wrong (not JSON, not an object).</summary>
    public const string WholeLine = "line";
}
