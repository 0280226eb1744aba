namespace LaunderTrail.Court;

/// <summary>The first place where a recomputed hash or file differs from what was recorded, and how.</summary>
/// <param name="Place">The event (seq and id) or the bundle file that fails.</param>
public sealed record VerificationFailure(string Place, string Problem)
{
    public override string ToString() => $"{Place}: {Problem}";
}
