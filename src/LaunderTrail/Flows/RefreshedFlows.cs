using LaunderTrail.Tracing;

namespace LaunderTrail.Flows;

/// <summary>A case's read model just stored, with its reports and flow graphs under every rule, as they were stored.</summary>
internal sealed record RefreshedFlows(CaseFlows Flows, IReadOnlyList<PackedReport> Stored)
{
    public PackedReport For(TracingRule rule) => Of(Stored, rule);

    public static PackedReport Of(IEnumerable<PackedReport> stored, TracingRule rule) =>
        stored.Single(packed => packed.Report.Rule == rule);
}
