namespace LaunderTrail.Court;

/// <summary>What a timeline bundle was asked for; the manifest states it so that anyone can regenerate the bundle.</summary>
/// <param name="AsOf">Only events that happened at or before this moment are shown and counted.</param>
/// <param name="KnownAt">Only events recorded at or before this moment are in the bundle.</param>
public sealed record BundleParameters(string Case, DateTimeOffset? AsOf, DateTimeOffset? KnownAt);
