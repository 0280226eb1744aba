namespace LaunderTrail.Tracing;

/// <summary>A mixture of one origin only. Equal to any other of the same origin, so it can key a pool's entries.</summary>
internal sealed class SingleOrigin(Origin origin) : Mixture
{
    public Origin Origin => origin;

    public override bool Equals(object? other) => other is SingleOrigin single && single.Origin == origin;

    public override int GetHashCode() => origin.GetHashCode();
}
