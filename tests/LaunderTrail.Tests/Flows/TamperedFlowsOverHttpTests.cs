using System.Net;
using System.Text.Json;
using LaunderTrail.Tests.Api;
using LaunderTrail.Tests.Court;
using LaunderTrail.Tests.Support;

namespace LaunderTrail.Tests.Flows;

/// <summary>The HTTP API answers a problem, never a report, about a case whose events were altered.</summary>
public sealed class TamperedFlowsOverHttpTests(PostgresServer server) : ApiFixture(server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/cases/EX-2/flows")]
    [InlineData("/cases/EX-2/flows?asOf=2019-05-03T00:00:00%2B08:00")]
    [InlineData("/cases/EX-2/flows?rule=fifo&knownAt=2026-11-30T00:00:00Z")]
    [InlineData("/cases/EX-2/flows?rule=libr")]
    [InlineData("/cases/EX-2/graph")]
    [InlineData("/cases/EX-2/graph?rule=fifo&asOf=2019-05-03T00:00:00%2B08:00")]
    public async Task A_read_of_an_altered_case_is_a_problem_naming_the_event_never_a_report(string url)
    {
        await AlteredCaseAsync();
        using var client = Client(AuditorKey);

        var response = await client.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("integrity check at event seq 9 (id f-2)", problem.RootElement.GetProperty("detail").GetString());
        Assert.False(problem.RootElement.TryGetProperty("victims", out _));
    }

    [Fact]
    public async Task The_case_list_names_an_altered_case_as_unavailable_and_shows_none_of_its_figures()
    {
        await AlteredCaseAsync();
        using var client = Client(AuditorKey);

        using var list = JsonDocument.Parse(await client.GetStringAsync("/cases", Ct));

        Assert.Empty(list.RootElement.GetProperty("cases").EnumerateArray());
        var unavailable = Assert.Single(list.RootElement.GetProperty("unavailable").EnumerateArray());
        Assert.Equal("EX-2", unavailable.GetProperty("case").GetString());
        Assert.Contains("integrity check at event seq 9 (id f-2)", unavailable.GetProperty("reason").GetString());
    }

    /// <summary>The case is altered before the projection sees it, which then refuses to trace it.</summary>
    private async Task AlteredCaseAsync()
    {
        await WhileTheProjectionIsPausedAsync(async () =>
        {
            await MixedCase.ImportAsync(Store, Ct);
            await new BehindTheGuard(Store).EditAsync(
                "update {schema}.mt_events set data = jsonb_set(data, '{amount}', '1990') where data->>'id' = 'f-2'", Ct);
        });
        await TracedAsync(MixedCase.Case);
    }

    [Fact]
    public async Task An_untouched_case_is_answered()
    {
        await MixedCase.ImportAsync(Store, Ct);
        await TracedAsync(MixedCase.Case);
        using var client = Client(AuditorKey);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/cases/EX-2/flows", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/cases/EX-2/graph", Ct)).StatusCode);
    }
}
