namespace LaunderTrail.Tracing;

/// <summary>
/// The flow report of one case (INTERCHANGE.md, "Output: the flow report") with exact, unrounded figures;
/// <see cref="FlowReportJson"/> rounds them when it writes the report.
/// </summary>
/// <param name="UnattributedHoldings">
/// Cash and face value of unknown origin still held by non-victim accounts, sorted by account. Not part of the
/// JSON report; it lets a trail view show what the trace could not attribute.
/// </param>
public sealed record FlowReport(
    string Case,
    DateTimeOffset? AsOf,
    TracingRule Rule,
    FlowTotals Totals,
    IReadOnlyList<MerchantRow> Merchants,
    IReadOnlyList<VictimRow> Victims,
    IReadOnlyList<Problem> Problems,
    IReadOnlyList<HoldingRow> UnattributedHoldings);
