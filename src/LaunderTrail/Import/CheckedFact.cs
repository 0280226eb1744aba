namespace LaunderTrail.Import;

/// <summary>
/// A fact the checking pass accepted, as the writing pass needs it: where it stands in the source, its key, its
/// type, its canonical bytes and their SHA-256 digest.
/// </summary>
internal sealed record CheckedFact(long Line, long BytesRead, string Case, FactKey Key, string Type, byte[] Canonical, byte[] Digest);
