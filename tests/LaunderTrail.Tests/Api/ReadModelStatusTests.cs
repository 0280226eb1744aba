using System.Net;
using System.Text.Json;
using LaunderTrail.Tests.Support;

namespace LaunderTrail.Tests.Api;

public sealed class ReadModelStatusTests(PostgresServer server) : ApiFixture(server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(long Recorded, long Traced)> StatusOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return (json.RootElement.GetProperty("recorded").GetInt64(), json.RootElement.GetProperty("traced").GetInt64());
    }

    [Fact]
    public async Task Posted_facts_are_traced_by_the_daemon_without_any_read_of_the_case()
    {
        var client = Client(InvestigatorKey);
        var posted = await client.PostAsync("/cases/T-1/events", JsonArray(SmallCase.Facts), Ct);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        var status = await StatusOf(await Client(AuditorKey).GetAsync("/cases/T-1/status?wait=60", Ct));

        Assert.Equal((SmallCase.Facts.Length, SmallCase.Facts.Length), status);
        Assert.Equal(3, await ScalarAsync("select count(*) from {schema}.lt_stored_reports where case_id = 'T-1'"));
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-1")]
    [InlineData("301")]
    public async Task A_wait_that_is_not_a_number_of_seconds_within_bounds_is_refused(string wait)
    {
        var response = await Client(AuditorKey).GetAsync($"/cases/T-1/status?wait={wait}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("wait", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_status_of_a_case_with_no_facts_is_not_found()
    {
        var response = await Client(AuditorKey).GetAsync("/cases/NONE/status", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
