namespace LaunderTrail.Tracing;

/// <summary>An amount of cash or face value with one origin.</summary>
internal readonly record struct Parcel(Origin Origin, decimal Amount);
