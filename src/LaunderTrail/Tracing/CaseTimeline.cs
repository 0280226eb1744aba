using LaunderTrail.Evidence;

namespace LaunderTrail.Tracing;

/// <summary>The facts a report is computed from: what is still in force, and in which order it happened.</summary>
internal sealed class CaseTimeline
{
    private CaseTimeline(IReadOnlyList<AccountIdentified> identifications, IReadOnlyList<CaseEvent> happenings)
    {
        Identifications = identifications;
        Happenings = happenings;
    }

    /// <summary>Identifications in force, in recording order, whatever their <c>at</c>.</summary>
    public IReadOnlyList<AccountIdentified> Identifications { get; }

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
        var happenings = new List<(long Ticks, int Recorded, CaseEvent Event)>(eventsInRecordingOrder.Count);
        for (var recorded = 0; recorded < eventsInRecordingOrder.Count; recorded++)
        {
            var e = eventsInRecordingOrder[recorded];
            if (e is EventRetracted || (withdrawn.Count > 0 && withdrawn.Contains(e.Id))) continue;
            if (e is AccountIdentified identification) identifications.Add(identification);
            else if (asOf is null || e.At <= asOf.Value) happenings.Add((e.At.UtcTicks, recorded, e));
        }

        // Instant first, recording order second: a total order, so the sort needs no stability.
        happenings.Sort(static (a, b) => a.Ticks != b.Ticks ? a.Ticks.CompareTo(b.Ticks) : a.Recorded.CompareTo(b.Recorded));
        return new CaseTimeline(identifications, happenings.ConvertAll(h => h.Event));
    }

    /// <summary>
    /// Ids of the facts withdrawn by a retraction in force. Retracting a retraction puts its fact back. A cycle of
    /// retractions, which a sound record never holds, is cut where the walk in recording order re-enters it.
    /// </summary>
    internal static HashSet<string> Withdrawn(IReadOnlyList<CaseEvent> events)
    {
        var retractionsOf = events.OfType<EventRetracted>()
            .ToLookup(r => r.Retracts, StringComparer.Ordinal);
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
