namespace LaunderTrail.Generation;

/// <summary>What <see cref="ReferenceCaseGenerator"/> produces.</summary>
/// <param name="Seed">Same seed and size, same events, byte for byte.</param>
/// <param name="Events">0 for the reference case; N &gt; 0 for exactly N events of the same story scaled up.</param>
/// <param name="Case">The case number every event carries.</param>
public sealed record GenerationOptions(int Seed = 515, int Events = 0, string Case = "SQ-2019-515");
