namespace LaunderTrail.Tracing;

/// <summary>The numbers a case's accounts, lots, products and victims are known by while it is traced.</summary>
internal sealed class Numbering
{
    public NameTable Accounts { get; } = new();
    public NameTable Lots { get; } = new();
    public NameTable Products { get; } = new();

    /// <summary>Victims by holder name, numbered as their value is first traced.</summary>
    public NameTable Victims { get; } = new();
}
