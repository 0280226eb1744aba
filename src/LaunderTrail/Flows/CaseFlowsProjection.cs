using JasperFx.Events;
using LaunderTrail.Storage;
using Marten;
using Marten.Events.Projections;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LaunderTrail.Flows;

/// <summary>
/// The case read models (reports and flow graphs under every rule, the case list's figures, the merchants' totals) as
/// a projection that Marten's async daemon runs. It follows the recording notices only (<see cref="CaseFactsRecorded"/>),
/// and traces each case named in a page of notices once, from its checked events, however many notices or facts the
/// page stands for: a late fact can change every figure after it, so the whole case is the unit of work
/// (docs/architecture.md). A case already traced up to its current chain head is left alone.
/// </summary>
/// <remarks>
/// A case that cannot be traced (its events altered, its figures beyond arithmetic) is logged and skipped: it keeps no
/// current read model, so its reads refuse or trace it again, and it never holds up the other cases. The read models are
/// written in transactions of their own, before the daemon records its progress; a crash between the two only makes the
/// daemon hand the same notices over again, and a case already current is skipped.
/// </remarks>
/// <param name="store">The store the projection reads facts from and writes read models to, once it exists: the
/// projection is registered with the Marten store the case store is built on.</param>
public sealed class CaseFlowsProjection(Func<CaseStore> store, ILogger? logger = null) : IProjection
{
    public const string Name = "CaseFlows";

    private readonly ILogger logger = logger ?? NullLogger.Instance;

    /// <summary>Told of each case once its read models are current, with the facts traced so far in this process.</summary>
    public IProgress<(string Case, long Facts)>? Progress { get; set; }

    private long traced;

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var cases = events.Select(e => e.Data).OfType<CaseFactsRecorded>().Select(notice => notice.Case)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var eachTraced = Progress is { } progress ? new RunningTotal(this, progress) : null;
        foreach (var skipped in await new FlowProjector(store()).CatchUpAsync(cases, eachTraced, ct: cancellation))
            logger.LogWarning(skipped.Failure, "Case {Case} was not traced: {Reason}", skipped.Case, skipped.Reason);
    }

    /// <summary>Passes each traced case on with the facts traced so far in this process, not the case's own count.</summary>
    private sealed class RunningTotal(CaseFlowsProjection projection, IProgress<(string Case, long Facts)> inner)
        : IProgress<(string Case, long Facts)>
    {
        public void Report((string Case, long Facts) value) =>
            inner.Report((value.Case, Interlocked.Add(ref projection.traced, value.Facts)));
    }
}
