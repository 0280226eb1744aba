using LaunderTrail.Tracing;

namespace LaunderTrail.Flows;

/// <summary>
/// The read model of one case's money flows, as of the case's last recorded fact (<see cref="LastSeq"/>): the
/// figures a list of cases shows. The reports themselves, under each rule, are stored beside it in the same
/// transaction (<see cref="StoredReports"/>), so that a report is read rather than traced on every request.
/// </summary>
public sealed class CaseFlows
{
    /// <summary>The case number.</summary>
    public required string Id { get; init; }

    public required long LastSeq { get; init; }

    /// <summary>
    /// The chain hash of the fact at <see cref="LastSeq"/> when the document was built: with it, the document stands for
    /// exactly the facts it was traced from, and is rebuilt when they are no longer the stored ones.
    /// </summary>
    public string? Head { get; init; }
    public required DateTimeOffset? LastEventAt { get; init; }

    /// <summary>Victims named in the case; the same under every rule.</summary>
    public required int Victims { get; init; }

    public required FlowTotals FifoTotals { get; init; }
    public required FlowTotals ProRataTotals { get; init; }

    /// <summary>The LaunderTrail build that traced it (<see cref="Court.GeneratorVersion"/>); another build's is traced again.</summary>
    public string? Generator { get; init; }
}
