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
        var projector = new FlowProjector(store());
        foreach (var @case in cases)
        {
            try
            {
                if (await projector.RefreshIfStaleAsync(@case, cancellation) is { } facts)
                    Progress?.Report((@case, Interlocked.Add(ref traced, facts)));
            }
            catch (Exception failure) when (failure is not OperationCanceledException && UnreadableCase.IsAboutTheCase(failure))
            {
                logger.LogWarning(failure, "Case {Case} was not traced: {Reason}", @case, UnreadableCase.ReasonOf(failure));
            }
        }
    }
}
