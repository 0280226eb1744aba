namespace LaunderTrail.Api.Cases;

/// <summary>
/// One reason a posted batch was refused: the element's index in a JSON array (from 0) or its line in JSON
/// Lines (from 1), the field, and why.
/// </summary>
public sealed record BatchError(long Index, string Field, string Reason);
