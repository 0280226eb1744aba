using LaunderTrail.Evidence;
using LaunderTrail.Tracing;

namespace LaunderTrail.Court;

/// <summary>
/// Victims' losses so far and what each resale moved, read off the tracing engine's own ledger as the timeline
/// applies the facts one by one in the engine's order, so the timeline and the flow report can never disagree
/// and the whole timeline costs one pass.
/// </summary>
internal sealed class RunningFigures(AccountBook accounts)
{
    private readonly FlowLedger _ledger = new(accounts, new Numbering(), TracingRule.Fifo);

    public sealed record Step(IReadOnlyList<(string Holder, decimal Loss)> Losses, decimal? ResoldFaceValue, decimal? DiscountRate)
    {
        public static readonly Step None = new([], null, null);
    }

    /// <summary>Applies <paramref name="fact"/>, the next fact in force in timeline order, and tells what it changed.</summary>
    public Step After(CaseEvent fact)
    {
        var victim = VictimPaying(fact);
        var lossBefore = victim is null ? 0m : _ledger.LossOfVictim.GetValueOrDefault(victim);
        var resoldBefore = _ledger.ResoldFaceValue;
        var cashBefore = _ledger.ResaleCash;
        _ledger.Apply(fact);

        var loss = victim is null ? 0m : _ledger.LossOfVictim.GetValueOrDefault(victim);
        IReadOnlyList<(string, decimal)> losses = victim is not null && loss != lossBefore ? [(victim, loss)] : [];
        var resold = _ledger.ResoldFaceValue - resoldBefore;
        return fact is PrepaidValueResold && resold > 0m
            ? new Step(losses, resold, (_ledger.ResaleCash - cashBefore) / resold)
            : new Step(losses, null, null);
    }

    private string? VictimPaying(CaseEvent fact)
    {
        var payer = fact switch
        {
            FundsTransferred t => t.From,
            PrepaidValuePurchased p => p.Buyer,
            PrepaidValueTransferred h => h.From,
            _ => null,
        };
        return payer is not null && accounts.IsVictim(payer) ? accounts.HolderOf(payer) : null;
    }
}
