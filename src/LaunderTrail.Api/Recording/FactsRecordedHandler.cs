using LaunderTrail.Flows;
using Microsoft.Extensions.Logging;

namespace LaunderTrail.Api.Recording;

/// <summary>
/// Brings the recorded case's read models up to its facts on the node that recorded them, so the first read after a
/// post does not trace the case. The daemon's projection follows the same recording, and whichever comes second finds
/// the case current and only checks. A case that cannot be traced is logged; its reads answer why.
/// </summary>
public static class FactsRecordedHandler
{
    public static async Task Handle(FactsRecorded recorded, FlowProjector projector, ILogger<FactsRecorded> logger,
        CancellationToken ct)
    {
        foreach (var failed in await projector.CatchUpAsync([recorded.Case], ct: ct))
            logger.LogError(failed.Failure, "case {Case} could not be traced after versions {From}-{To} of case {Recorded} were recorded: {Reason}",
                failed.Case, recorded.FromVersion, recorded.ToVersion, recorded.Case, failed.Reason);
    }
}
