namespace LaunderTrail.Tracing;

/// <summary>The numbers a case's accounts, lots and products are known by while it is traced.</summary>
internal sealed class Numbering
{
    public NameTable Accounts { get; } = new();
    public NameTable Lots { get; } = new();
    public NameTable Products { get; } = new();
}
