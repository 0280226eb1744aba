namespace LaunderTrail.Tracing;

/// <summary>An amount of cash or face value and how it divides among origins.</summary>
internal readonly record struct Parcel(Mixture Mixture, decimal Amount);
