namespace LaunderTrail.Generation.Statements;

/// <summary>One file of a statements folder: its name inside the folder and its exact bytes.</summary>
public sealed record StatementFile(string Name, byte[] Bytes);
