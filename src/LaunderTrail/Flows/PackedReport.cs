using LaunderTrail.Tracing;

namespace LaunderTrail.Flows;

/// <summary>A traced report with its stored forms and its flow graph's, compressed (<see cref="StoredReports"/>).</summary>
internal sealed record PackedReport(FlowReport Report, byte[] Written, byte[] Exact, byte[] Graph);
