using LaunderTrail.Tracing;

namespace LaunderTrail.Flows;

/// <summary>A case's read model just stored, with the reports it was made from, as they were stored.</summary>
internal sealed record RefreshedFlows(CaseFlows Flows, PackedReport Fifo, PackedReport ProRata)
{
    public PackedReport For(TracingRule rule) => rule switch
    {
        TracingRule.Fifo => Fifo,
        TracingRule.ProRata => ProRata,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "the read model keeps no report under this rule"),
    };
}
