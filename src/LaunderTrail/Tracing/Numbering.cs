namespace LaunderTrail.Tracing;

/// <summary>
/// The numbers a case's accounts, lots and products are known by while it is traced. Numbered as the facts are
/// kept, in recording order; the ledgers of both rules then only read them, each on its own thread.
/// </summary>
internal sealed class Numbering
{
    public NameTable Accounts { get; } = new();
    public NameTable Lots { get; } = new();
    public NameTable Products { get; } = new();
}
