namespace LaunderTrail.Court;

/// <summary>The outcome of checking a bundle: unreadable (no manifest to check against), failed, or sound.</summary>
/// <param name="Unreadable">Why the bundle could not be checked at all, or null.</param>
/// <param name="Failures">Every check that failed, in the order checked (files, then the chain, then regeneration).</param>
public sealed record BundleVerification(string? Unreadable, IReadOnlyList<VerificationFailure> Failures)
{
    public bool Holds => Unreadable is null && Failures.Count == 0;
}
