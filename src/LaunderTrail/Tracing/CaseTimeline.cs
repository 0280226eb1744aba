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
        var inForce = eventsInRecordingOrder
            .Where(e => e is not EventRetracted && !withdrawn.Contains(e.Id))
            .ToList();

        var identifications = inForce.OfType<AccountIdentified>().ToList();
        var happenings = inForce
            .Where(e => e is not AccountIdentified && (asOf is null || e.At <= asOf.Value))
            .Select((e, recordedAt) => (Event: e, RecordedAt: recordedAt))
            .OrderBy(e => e.Event.At.UtcDateTime)
            .ThenBy(e => e.RecordedAt)
            .Select(e => e.Event)
            .ToList();
        return new CaseTimeline(identifications, happenings);
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

        return events.Select(e => e.Id)
            .Where(id => IsWithdrawn(id, new HashSet<string>(StringComparer.Ordinal)))
            .ToHashSet(StringComparer.Ordinal);
    }
}
