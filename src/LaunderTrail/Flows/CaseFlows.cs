using LaunderTrail.Tracing;

namespace LaunderTrail.Flows;

/// <summary>
/// The read model of one case's money flows: the flow report under each tracing rule, as of the case's last
/// recorded fact (<see cref="LastSeq"/>), so that a report is read rather than traced on every request.
/// </summary>
public sealed class CaseFlows
{
    /// <summary>The case number.</summary>
    public required string Id { get; init; }

    public required long LastSeq { get; init; }
    public required DateTimeOffset? LastEventAt { get; init; }
    public required FlowReport Fifo { get; init; }
    public required FlowReport ProRata { get; init; }

    public FlowReport For(TracingRule rule) => rule == TracingRule.Fifo ? Fifo : ProRata;
}
