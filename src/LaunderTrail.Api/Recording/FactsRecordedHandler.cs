using LaunderTrail.Flows;
using Microsoft.Extensions.Logging;

namespace LaunderTrail.Api.Recording;

/// <summary>
/// Brings the recorded case's read models up to its facts on the node that recorded them, at once, so that tracing is
/// shared among the nodes that take posts rather than left to the one running the projection. The projection follows the
/// same recording and makes sure: one process looks at a case at a time, and whichever comes second finds the case
/// current; this handler leaves a case alone that another process is tracing. A case that cannot be traced is logged;
/// its reads answer why.
/// </summary>
public static class FactsRecordedHandler
{
    public static async Task Handle(FactsRecorded recorded, FlowProjector projector, ILogger<FactsRecorded> logger,
        CancellationToken ct)
    {
        foreach (var failed in await projector.CatchUpAsync([recorded.Case], unlessBusy: true, ct: ct))
            logger.LogError(failed.Failure, "case {Case} could not be traced after versions {From}-{To} of case {Recorded} were recorded: {Reason}",
                failed.Case, recorded.FromVersion, recorded.ToVersion, recorded.Case, failed.Reason);
    }
}
