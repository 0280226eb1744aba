namespace LaunderTrail.Tracing;

/// <summary>A resale of blended face value: what the buyer got and paid, to be divided among origins at the end.</summary>
internal readonly record struct BlendedResale(int Buyer, Blend Mixture, decimal FaceValue, decimal Cash);
