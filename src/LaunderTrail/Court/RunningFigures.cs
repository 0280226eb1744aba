using LaunderTrail.Evidence;
using LaunderTrail.Tracing;

namespace LaunderTrail.Court;

/// <summary>
/// Victims' losses so far and what each resale moved, read off the tracing engine run over the events up to
/// the current one, so the timeline and the flow report can never disagree. Only events that can change those
/// figures (money leaving a victim account, resales) cost a run.
/// </summary>
internal sealed class RunningFigures(string @case, IReadOnlyList<CaseEvent> factsInRecordingOrder, AccountBook accounts)
{
    private readonly HashSet<string> _happened = new(StringComparer.Ordinal);
    private Dictionary<string, decimal> _losses = new(StringComparer.Ordinal);
    private FlowTotals _totals = new(0m, 0m, 0m, 0m, 0m);

    public sealed record Step(IReadOnlyList<(string Holder, decimal Loss)> Losses, decimal? ResoldFaceValue, decimal? DiscountRate)
    {
        public static readonly Step None = new([], null, null);
    }

    /// <summary>The figures after <paramref name="fact"/>, given the events before it in timeline order.</summary>
    public Step After(CaseEvent fact)
    {
        _happened.Add(fact.Id);
        if (!CanChangeFigures(fact)) return Step.None;

        // Identifications and retractions apply whatever their at, exactly as the engine applies them.
        var report = FlowTracer.Trace(@case, factsInRecordingOrder
            .Where(f => f is AccountIdentified or EventRetracted || _happened.Contains(f.Id))
            .ToList(), TracingRule.Fifo);
        var losses = report.Victims.ToDictionary(v => v.Holder, v => v.Loss, StringComparer.Ordinal);
        var changed = losses
            .Where(v => v.Value != _losses.GetValueOrDefault(v.Key))
            .OrderBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => (v.Key, v.Value))
            .ToList();
        var resoldFaceValue = report.Totals.ResoldFaceValue - _totals.ResoldFaceValue;
        var resaleCash = report.Totals.ResaleCash - _totals.ResaleCash;
        _losses = losses;
        _totals = report.Totals;
        return fact is PrepaidValueResold && resoldFaceValue > 0m
            ? new Step(changed, resoldFaceValue, resaleCash / resoldFaceValue)
            : new Step(changed, null, null);
    }

    private bool CanChangeFigures(CaseEvent fact) => fact switch
    {
        FundsTransferred t => accounts.IsVictim(t.From),
        PrepaidValuePurchased p => accounts.IsVictim(p.Buyer),
        PrepaidValueTransferred h => accounts.IsVictim(h.From),
        PrepaidValueResold => true,
        _ => false,
    };
}
