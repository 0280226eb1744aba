using LaunderTrail.Evidence;

namespace LaunderTrail.Tracing;

/// <summary>The facts a report is computed from: what is still in force, and in which order it happened.</summary>
internal sealed class CaseTimeline
{
    private readonly int[] happenings;

    private CaseTimeline(AccountBook accounts, TracingFacts facts, int[] happenings, IReadOnlyList<Problem> reviews)
    {
        Accounts = accounts;
        Facts = facts;
        this.happenings = happenings;
        Reviews = reviews;
    }

    /// <summary>Statement rows left for review (<see cref="StatementRowUndecided"/>) in force up to the as-of moment, as problems.</summary>
    public IReadOnlyList<Problem> Reviews { get; }

    /// <summary>The accounts as the identifications in force describe them, whatever their <c>at</c>; one book serves every rule.</summary>
    public AccountBook Accounts { get; }

    public TracingFacts Facts { get; }

    /// <summary>
    /// The facts that move money or value, in force up to the as-of moment, by instant, then by recording order: as
    /// positions in <see cref="TracingFacts.Move"/>.
    /// </summary>
    public ReadOnlySpan<int> Happenings => happenings;

    public static CaseTimeline Of(IReadOnlyList<CaseEvent> eventsInRecordingOrder, DateTimeOffset? asOf) =>
        Of(TracingFacts.From(eventsInRecordingOrder), asOf);

    /// <remarks>
    /// A retraction corrects the record rather than telling what happened, so it applies whatever its <c>at</c>
    /// and whatever the as-of moment: a fact shown to be wrong is wrong at every moment.
    /// </remarks>
    public static CaseTimeline Of(TracingFacts facts, DateTimeOffset? asOf)
    {
        var withdrawn = Withdrawn(facts.Retractions, facts.IdsInRecordingOrder);
        var isWithdrawn = withdrawn.GetAlternateLookup<ReadOnlySpan<char>>();
        var until = asOf?.UtcTicks ?? long.MaxValue;
        var instants = new List<long>(facts.MoveCount);
        var positions = new List<int>(facts.MoveCount);
        for (var position = 0; position < facts.MoveCount; position++)
        {
            ref readonly var fact = ref facts.Move(position);
            if (fact.At > until || (withdrawn.Count > 0 && isWithdrawn.Contains(fact.Id.Span))) continue;
            instants.Add(fact.At);
            positions.Add(position);
        }

        var identifications = facts.Identifications.Where(identification => !withdrawn.Contains(identification.Id));
        var reviews = facts.Undecided
            .Where(row => row.At.UtcTicks <= until && !withdrawn.Contains(row.Id))
            .Select(row => new Problem(row.Id, ReviewReason(row)))
            .ToList();
        return new CaseTimeline(AccountBook.From(identifications), facts, InTimeOrder(instants, positions), reviews);
    }

    private static string ReviewReason(StatementRowUndecided row) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"statement row {row.Source} ({row.From} to {row.To}, {row.Amount:0.00}) may be the transfer recorded as {string.Join(" or ", row.Candidates)}; it is left out of the figures until a person decides (record it, or retract this row)");

    /// <summary>
    /// The facts by instant, and facts of the same instant in recording order. Sorting bare instants is several times
    /// faster than comparing facts; the sort is not stable, so each run of one instant is put back in recording order.
    /// </summary>
    private static int[] InTimeOrder(List<long> instants, List<int> positions)
    {
        var keys = instants.ToArray();
        var ordered = positions.ToArray();
        Array.Sort(keys, ordered);
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start]) end++;
            if (end - start > 1) Array.Sort(ordered, start, end - start);
            start = end;
        }
        return ordered;
    }

    /// <summary>Ids of the facts withdrawn by a retraction in force (<see cref="Withdrawn(IReadOnlyList{EventRetracted}, Func{IEnumerable{string}})"/>).</summary>
    internal static HashSet<string> Withdrawn(IReadOnlyList<CaseEvent> events) =>
        Withdrawn(events.OfType<EventRetracted>().ToList(), () => events.Select(e => e.Id));

    /// <summary>
    /// Ids of the facts withdrawn by a retraction in force. Retracting a retraction puts its fact back. A cycle of
    /// retractions, which a sound record never holds, is cut where the walk in recording order re-enters it.
    /// </summary>
    /// <param name="idsInRecordingOrder">Every fact's id, asked for only when there are retractions.</param>
    private static HashSet<string> Withdrawn(IReadOnlyList<EventRetracted> retractions, Func<IEnumerable<string>> idsInRecordingOrder)
    {
        var retractionsOf = retractions.ToLookup(r => r.Retracts, StringComparer.Ordinal);
        if (retractionsOf.Count == 0) return new HashSet<string>(StringComparer.Ordinal);
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
        return idsInRecordingOrder()
            .Where(id => retractionsOf.Contains(id) && IsWithdrawn(id, new HashSet<string>(StringComparer.Ordinal)))
            .ToHashSet(StringComparer.Ordinal);
    }
}
