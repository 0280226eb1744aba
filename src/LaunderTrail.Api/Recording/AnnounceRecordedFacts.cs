using LaunderTrail.Flows;
using LaunderTrail.Storage;
using Marten;
using Microsoft.Extensions.Hosting;
using Wolverine;

namespace LaunderTrail.Api.Recording;

/// <summary>Announce every recorded fact not yet announced (<see cref="Announcements"/>), of every case.</summary>
public sealed record AnnounceRecordedFacts;

public static class AnnounceRecordedFactsHandler
{
    public static Task<OutgoingMessages> Handle(AnnounceRecordedFacts command, IDocumentSession session, CaseStore store,
        CancellationToken ct) =>
        Announcements.UnannouncedAsync(session, store, cases: null, ct);
}

/// <summary>
/// At start, announces what was recorded and never announced: facts recorded by the command line, whose import
/// commits its own transaction (the API records and announces in one). And asks the projection to trace the
/// cases whose read models are stale for another reason than new facts (another build wrote them, say), so that no
/// read has to.
/// </summary>
internal sealed class AnnounceAtStart(IMessageBus bus, FlowProjector projector) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await projector.NoticeStaleCasesAsync(ct: ct);
        await bus.InvokeAsync(new AnnounceRecordedFacts(), ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
