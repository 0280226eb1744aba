namespace LaunderTrail.Import;

/// <summary>
/// A fact the checking pass accepted, as the writing pass needs it: where it stands in the source, its case, id and key, its
/// content digest's first 128 bits, its type, its canonical bytes, and its headers with the chain hash still to fill (<see cref="FactHeaders"/>).
/// </summary>
internal sealed record CheckedFact(long Line, long BytesRead, string Case, string Id, FactKey Key, UInt128 Digest, string Type, byte[] Canonical, byte[] Headers);
