using LaunderTrail.Tracing;

namespace LaunderTrail.Flows;

/// <summary>A case's read model just stored, with the reports it was made from.</summary>
internal sealed record RefreshedFlows(CaseFlows Flows, FlowReport Fifo, FlowReport ProRata)
{
    public FlowReport For(TracingRule rule) => rule == TracingRule.Fifo ? Fifo : ProRata;
}
