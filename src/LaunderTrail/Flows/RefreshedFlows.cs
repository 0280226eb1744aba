using LaunderTrail.Tracing;

namespace LaunderTrail.Flows;

/// <summary>A case's read model just stored, with the reports it was made from, as they were stored.</summary>
internal sealed record RefreshedFlows(CaseFlows Flows, PackedReport Fifo, PackedReport ProRata)
{
    public PackedReport For(TracingRule rule) => rule == TracingRule.Fifo ? Fifo : ProRata;
}
