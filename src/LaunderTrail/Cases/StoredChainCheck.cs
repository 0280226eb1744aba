using LaunderTrail.Court;

namespace LaunderTrail.Cases;

/// <summary>
/// Recomputes a case's digests and hash chain from the facts and recording times in the database and compares
/// them with the hashes stored when each fact was recorded, and the events' places with the case's version: an edit
/// made behind LaunderTrail's back shows here. Against a chain head pinned outside the system, it also shows a
/// rewrite of facts, digests and chain hashes together, and events removed from the end.
/// </summary>
public static class StoredChainCheck
{
    /// <returns>The first event that fails, or null when the whole chain holds.</returns>
    public static async Task<VerificationFailure?> RunAsync(CaseHistory history, string @case, CancellationToken ct) =>
        (await RunAsync(history, @case, pinned: null, ct)).Failure;

    /// <param name="pinned">A head taken earlier (<c>laundertrail head</c>) that the case must still contain, or null.</param>
    public static async Task<StoredChainOutcome> RunAsync(CaseHistory history, string @case, ChainHead? pinned, CancellationToken ct)
    {
        CaseCheck check;
        try
        {
            check = await history.CheckAsync(@case, pinned?.Position, ct);
        }
        catch (TamperedCaseException e)
        {
            return new StoredChainOutcome(null, e.Failure);
        }

        if (pinned is null || check.Head is null) return new StoredChainOutcome(check.Head, null);
        var place = $"pinned head {pinned}";
        if (check.AtPosition is not { } atPosition)
            return new StoredChainOutcome(check.Head, new VerificationFailure(place,
                $"the case holds only {check.Count} events, fewer than the {pinned.Position} it held when the head was " +
                "taken: events were removed"));
        if (atPosition.Hash != pinned.Hash)
            return new StoredChainOutcome(check.Head, new VerificationFailure(place,
                $"the chain hash at event seq {pinned.Position} recomputed from the stored facts is {atPosition.Hash}: " +
                $"an event at or before seq {pinned.Position} differs from what was recorded when the head was taken"));
        return new StoredChainOutcome(check.Head, null);
    }
}
