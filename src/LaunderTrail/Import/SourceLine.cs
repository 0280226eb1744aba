namespace LaunderTrail.Import;

/// <summary>One line of an evidence source, numbered from 1, with how far into the source it ends.</summary>
public readonly record struct SourceLine(long Number, string Text, long BytesRead);
