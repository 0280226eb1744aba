namespace LaunderTrail.Court;

/// <summary>One file of a timeline bundle: its name in the bundle folder and its exact bytes.</summary>
public sealed record BundleFile(string Name, byte[] Content);
