using LaunderTrail.Evidence;

namespace LaunderTrail.Tracing;

/// <summary>The facts a report is computed from: what is still in force, and in which order it happened.</summary>
internal sealed class CaseTimeline
{
    private CaseTimeline(AccountBook accounts, IReadOnlyList<CaseEvent> happenings)
    {
        Accounts = accounts;
        Happenings = happenings;
    }

    /// <summary>The accounts as the identifications in force describe them, whatever their <c>at</c>; one book serves every rule.</summary>
    public AccountBook Accounts { get; }

    /// <summary>The other facts in force up to the as-of moment, by instant, then by recording order.</summary>
    public IReadOnlyList<CaseEvent> Happenings { get; }

    /// <remarks>
    /// A retraction corrects the record rather than telling what happened, so it applies whatever its <c>at</c>
    /// and whatever the as-of moment: a fact shown to be wrong is wrong at every moment.
    /// </remarks>
    public static CaseTimeline Of(IReadOnlyList<CaseEvent> eventsInRecordingOrder, DateTimeOffset? asOf)
    {
        var withdrawn = Withdrawn(eventsInRecordingOrder);
        var identifications = new List<AccountIdentified>();
        var instants = new List<long>(eventsInRecordingOrder.Count);
        var happenings = new List<CaseEvent>(eventsInRecordingOrder.Count);
        foreach (var e in eventsInRecordingOrder)
        {
            if (e is EventRetracted || (withdrawn.Count > 0 && withdrawn.Contains(e.Id))) continue;
            if (e is AccountIdentified identification) identifications.Add(identification);
            else if (asOf is null || e.At <= asOf.Value)
            {
                instants.Add(e.At.UtcTicks);
                happenings.Add(e);
            }
        }

        return new CaseTimeline(AccountBook.From(identifications), InTimeOrder(instants, happenings));
    }

    /// <summary>
    /// The facts by instant, and facts of the same instant in recording order. Sorting bare instants is several times
    /// faster than comparing facts; the sort is not stable, so each run of one instant is put back in recording order.
    /// </summary>
    private static CaseEvent[] InTimeOrder(List<long> instants, List<CaseEvent> happenings)
    {
        var keys = instants.ToArray();
        var recorded = new int[keys.Length];
        for (var i = 0; i < recorded.Length; i++) recorded[i] = i;
        Array.Sort(keys, recorded);

        var ordered = new CaseEvent[keys.Length];
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start]) end++;
            if (end - start > 1) Array.Sort(recorded, start, end - start);
            for (var i = start; i < end; i++) ordered[i] = happenings[recorded[i]];
            start = end;
        }
        return ordered;
    }

    /// <summary>
    /// Ids of the facts withdrawn by a retraction in force. Retracting a retraction puts its fact back. A cycle of
    /// retractions, which a sound record never holds, is cut where the walk in recording order re-enters it.
    /// </summary>
    internal static HashSet<string> Withdrawn(IReadOnlyList<CaseEvent> events)
    {
        var retractionsOf = events.OfType<EventRetracted>()
            .ToLookup(r => r.Retracts, StringComparer.Ordinal);
        if (retractionsOf.Count == 0) return [];
        var verdicts = new Dictionary<string, bool>(StringComparer.Ordinal);

        bool IsWithdrawn(string id, HashSet<string> onPath)
        {
            if (verdicts.TryGetValue(id, out var known)) return known;
            if (!onPath.Add(id)) return false;
            var withdrawn = retractionsOf[id].Any(r => !IsWithdrawn(r.Id, onPath));
            onPath.Remove(id);
            verdicts[id] = withdrawn;
            return withdrawn;
        }

        // Only a fact that some retraction names can be withdrawn.
        return events.Select(e => e.Id)
            .Where(id => retractionsOf.Contains(id) && IsWithdrawn(id, new HashSet<string>(StringComparer.Ordinal)))
            .ToHashSet(StringComparer.Ordinal);
    }
}
