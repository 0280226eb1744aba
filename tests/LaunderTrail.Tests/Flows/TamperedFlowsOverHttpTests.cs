using System.Net;
using LaunderTrail.Court;
using LaunderTrail.Tests.Api;
using LaunderTrail.Tests.Court;
using LaunderTrail.Tests.Support;

namespace LaunderTrail.Tests.Flows;

/// <summary>The HTTP API answers an error, never a report, about a case whose events were altered.</summary>
public sealed class TamperedFlowsOverHttpTests(PostgresServer server) : ApiFixture(server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/cases/EX-2/flows")]
    [InlineData("/cases/EX-2/flows?asOf=2019-05-03T00:00:00%2B08:00")]
    [InlineData("/cases/EX-2/flows?rule=fifo&knownAt=2026-11-30T00:00:00Z")]
    [InlineData("/cases")]
    public async Task A_read_of_an_altered_case_gets_no_report(string url)
    {
        await MixedCase.ImportAsync(Store, Ct);
        await new BehindTheGuard(Store).EditAsync(
            "update {schema}.mt_events set data = jsonb_set(data, '{amount}', '1990') where data->>'id' = 'f-2'", Ct);
        using var client = Client(AuditorKey);

        // The in-process test server hands the refusal to the caller; a real server answers 500 without a body.
        var refusal = await Assert.ThrowsAsync<TamperedCaseException>(() => client.GetAsync(url, Ct));

        Assert.Equal("event seq 9 (id f-2)", refusal.Failure.Place);
    }

    [Fact]
    public async Task An_untouched_case_is_answered()
    {
        await MixedCase.ImportAsync(Store, Ct);
        using var client = Client(AuditorKey);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/cases/EX-2/flows", Ct)).StatusCode);
    }
}
