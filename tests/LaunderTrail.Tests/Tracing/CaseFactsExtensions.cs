using LaunderTrail.Tracing;

namespace LaunderTrail.Tests.Tracing;

internal static class CaseFactsExtensions
{
    public static FlowReport Trace(this CaseFacts facts, TracingRule rule, DateTimeOffset? asOf = null) =>
        FlowTracer.Trace(CaseFacts.CaseId, facts.Recorded, rule, asOf);

    public static VictimRow Victim(this FlowReport report, string holder) =>
        report.Victims.Single(v => v.Holder == holder);

    public static HoldingRow? HoldingAt(this VictimRow victim, string account) =>
        victim.Holdings.SingleOrDefault(h => h.Account == account);

    public static HoldingRow? UnattributedAt(this FlowReport report, string account) =>
        report.UnattributedHoldings.SingleOrDefault(h => h.Account == account);
}
