using LaunderTrail.Tracing;

namespace LaunderTrail.Flows;

/// <summary>A traced report with its two stored forms, compressed (<see cref="StoredReports"/>).</summary>
internal sealed record PackedReport(FlowReport Report, byte[] Written, byte[] Exact);
