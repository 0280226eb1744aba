namespace LaunderTrail.Court;

/// <summary>A bundle file as the manifest lists it: its name, the SHA-256 of its bytes (hex) and their number.</summary>
internal sealed record BundleFileDigest(string Name, string Sha256, long Bytes);
