using System.Net;
using Alba;
using LaunderTrail.Api;
using LaunderTrail.Api.Cases;
using LaunderTrail.Api.Recording;
using LaunderTrail.Flows;
using LaunderTrail.Import;
using LaunderTrail.Tests.Support;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Tracking;

namespace LaunderTrail.Tests.Api;

/// <summary>What follows a commit of facts (<see cref="FactsRecorded"/>) goes out through Wolverine's outbox and is not lost.</summary>
public sealed class AnnouncingRecordedFactsTests(PostgresServer server) : ApiFixture(server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<RecordedFactsAnnounced?> MarkAsync(string @case)
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.LoadAsync<RecordedFactsAnnounced>(@case, Ct);
    }

    [Fact]
    public async Task A_post_announces_the_versions_it_recorded_once_and_the_announcement_brings_the_read_models_up()
    {
        var tracked = await Host.ExecuteAndWaitAsync(async () =>
        {
            await Host.Scenario(s =>
            {
                s.WithRequestHeader("Authorization", "Bearer " + InvestigatorKey);
                s.Post.Text("[" + string.Join(",\n", SmallCase.Facts) + "]").ContentType("application/json").ToUrl("/cases/T-1/events");
                s.StatusCodeShouldBe(HttpStatusCode.OK);
            });
        });
        var again = await Host.ExecuteAndWaitAsync(async () =>
        {
            await Host.Scenario(s =>
            {
                s.WithRequestHeader("Authorization", "Bearer " + InvestigatorKey);
                s.Post.Text("[" + string.Join(",\n", SmallCase.Facts) + "]").ContentType("application/json").ToUrl("/cases/T-1/events");
                s.StatusCodeShouldBe(HttpStatusCode.OK);
            });
        });

        Assert.Equal(new FactsRecorded("T-1", 1, 5), tracked.Executed.SingleMessage<FactsRecorded>());
        Assert.Empty(again.Executed.MessagesOf<FactsRecorded>());
        Assert.Equal(5, (await MarkAsync("T-1"))?.Version);
        await using var session = Store.Documents.QuerySession();
        Assert.Equal(5, (await session.LoadAsync<CaseFlows>("T-1", Ct))?.LastSeq);
    }

    [Fact]
    public async Task The_facts_are_recorded_in_the_transaction_of_their_announcement_and_not_without_it()
    {
        var request = new DefaultHttpContext().Request;
        request.ContentType = "application/x-ndjson";
        request.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Lines.Join(SmallCase.Facts)));
        var (batch, problem) = await EventBatch.ReadAsync(request, "T-1", Ct);
        Assert.Null(problem);
        var command = new RecordFacts("T-1", "ines-investigator", batch!);
        var importer = Host.Services.GetRequiredService<EvidenceImporter>();

        // Handled, then not saved: as when the process dies before Wolverine commits its transaction.
        await using (var unsaved = Store.Documents.LightweightSession())
        {
            var (outcome, messages) = await RecordFactsHandler.Handle(command, importer, unsaved, Store, Ct);
            Assert.True(outcome.Accepted);
            Assert.Equal([new FactsRecorded("T-1", 1, 5)], messages.ToArray());
        }

        Assert.Equal(0, await ScalarAsync("select count(*) from {schema}.mt_events where stream_id = 'T-1'"));
        Assert.Null(await MarkAsync("T-1"));

        await using (var saved = Store.Documents.LightweightSession())
        {
            var (outcome, messages) = await RecordFactsHandler.Handle(command, importer, saved, Store, Ct);
            Assert.Equal(5, outcome.Summary.Recorded);
            Assert.Equal([new FactsRecorded("T-1", 1, 5)], messages.ToArray());
            await saved.SaveChangesAsync(Ct);
        }

        Assert.Equal(5, await ScalarAsync("select count(*) from {schema}.mt_events where stream_id = 'T-1'"));
        Assert.Equal(5, (await MarkAsync("T-1"))?.Version);
    }

    [Fact]
    public async Task A_post_is_committed_even_when_no_announcement_mark_moves()
    {
        // A mark ahead of its case (restored from elsewhere, say): the post moves no mark and sends no message, and
        // Marten, with no work of its own in the session, would not have committed the facts written on its connection.
        await using (var session = Store.Documents.LightweightSession())
        {
            session.Store(new RecordedFactsAnnounced { Id = "T-1", Version = 1_000 });
            await session.SaveChangesAsync(Ct);
        }

        var tracked = await Host.ExecuteAndWaitAsync(async () =>
        {
            await Host.Scenario(s =>
            {
                s.WithRequestHeader("Authorization", "Bearer " + InvestigatorKey);
                s.Post.Text("[" + string.Join(",\n", SmallCase.Facts) + "]").ContentType("application/json").ToUrl("/cases/T-1/events");
                s.StatusCodeShouldBe(HttpStatusCode.OK);
            });
        });

        Assert.Empty(tracked.Executed.MessagesOf<FactsRecorded>());
        Assert.Equal(5, await ScalarAsync("select count(*) from {schema}.mt_events where stream_id = 'T-1'"));
    }

    [Fact]
    public async Task Facts_committed_without_their_announcement_are_announced_when_the_api_starts()
    {
        // A commit of facts whose announcement never happened: the process stopping between the two, or the command line.
        var imported = await new EvidenceImporter(Store, TimeProvider.System)
            .ImportAsync(new JsonLinesBytes("cli.jsonl", System.Text.Encoding.UTF8.GetBytes(Lines.Join(SmallCase.Facts))), "cli", ct: Ct);
        Assert.True(imported.Accepted);
        Assert.Null(await MarkAsync("T-1"));

        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        ApiHost.Configure(builder, Store.Logins, Store.Schema);
        await using var restarted = await AlbaHost.For(builder, app => ApiHost.Map(app));
        var tracked = await Host.InvokeMessageAndWaitAsync(new AnnounceRecordedFacts());

        Assert.Equal(5, (await MarkAsync("T-1"))?.Version);
        Assert.Empty(tracked.Executed.MessagesOf<FactsRecorded>());
    }
}
