using System.Net;
using System.Text.Json;
using LaunderTrail.Tests.Support;

namespace LaunderTrail.Tests.Api;

public sealed class RecordingEventsTests(PostgresServer server) : ApiFixture(server)
{
    private Task<long> RecordedCount() => ScalarAsync("select count(*) from {schema}.mt_events where stream_id = 'T-1'");

    [Fact]
    public async Task A_json_array_is_recorded_once_and_posting_it_again_changes_nothing()
    {
        using var client = Client(InvestigatorKey);

        var first = await client.PostAsync("/cases/T-1/events", JsonArray(SmallCase.Facts), TestContext.Current.CancellationToken);
        var again = await client.PostAsync("/cases/T-1/events", JsonArray(SmallCase.Facts), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var summary = await JsonOf(first);
        Assert.Equal(5, summary.RootElement.GetProperty("recorded").GetInt64());
        Assert.Equal(2, summary.RootElement.GetProperty("byType").GetProperty("AccountIdentified").GetProperty("recorded").GetInt64());
        using var repeated = await JsonOf(again);
        Assert.Equal(0, repeated.RootElement.GetProperty("recorded").GetInt64());
        Assert.Equal(5, repeated.RootElement.GetProperty("alreadyRecorded").GetInt64());
        Assert.Equal(5, await RecordedCount());
    }

    [Fact]
    public async Task Json_lines_are_recorded_with_the_key_name_as_recorder()
    {
        using var client = Client(InvestigatorKey);

        var response = await client.PostAsync("/cases/T-1/events", JsonLines(Lines.Join(SmallCase.Facts)), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, await ScalarAsync("select count(*) from {schema}.mt_events where user_name = 'ines-investigator'"));
    }

    [Fact]
    public async Task A_batch_with_bad_facts_writes_nothing_and_lists_every_error_by_index_and_field()
    {
        using var client = Client(InvestigatorKey);
        var otherCase = SmallCase.Facts[0].Replace("\"T-1\"", "\"T-2\"");

        var response = await client.PostAsync("/cases/T-1/events",
            JsonArray(SmallCase.Facts[1], Lines.Transfer("t-9", "a", "b", "-5"), otherCase, "{\"type\":\"Nonsense\"}"),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = await JsonOf(response);
        var errors = problem.RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => $"{e.GetProperty("index").GetInt64()}:{e.GetProperty("field").GetString()}")
            .ToList();
        Assert.Equal(["1:amount", "2:case", "3:type"], errors);
        Assert.Equal(0, await RecordedCount());
    }

    [Fact]
    public async Task Json_lines_errors_name_the_line_from_one_and_a_conflict_with_a_recorded_fact_is_refused()
    {
        using var client = Client(InvestigatorKey);
        await client.PostAsync("/cases/T-1/events", JsonLines(Lines.Join(SmallCase.Facts)), TestContext.Current.CancellationToken);

        var response = await client.PostAsync("/cases/T-1/events",
            JsonLines(Lines.Join(Lines.Transfer("t-2", "a", "b", "5"), Lines.Transfer("t-1", "zheng-card", "g-1", "999"))),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var problem = await JsonOf(response);
        var error = Assert.Single(problem.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(2, error.GetProperty("index").GetInt64());
        Assert.Equal("id", error.GetProperty("field").GetString());
        Assert.Equal(5, await RecordedCount());
    }

    [Fact]
    public async Task A_body_that_is_not_a_json_array_or_of_another_type_is_refused_as_a_problem()
    {
        using var client = Client(InvestigatorKey);
        var ct = TestContext.Current.CancellationToken;

        var malformed = await client.PostAsync("/cases/T-1/events", JsonArray("{\"id\":"), ct);
        var notArray = await client.PostAsync("/cases/T-1/events",
            new StringContent(SmallCase.Facts[0], System.Text.Encoding.UTF8, "application/json"), ct);
        var plainText = await client.PostAsync("/cases/T-1/events", new StringContent(SmallCase.Facts[0]), ct);

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notArray.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plainText.StatusCode);
        Assert.All([malformed, notArray, plainText],
            r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType));
        Assert.Equal(0, await RecordedCount());
    }

    private static async Task<JsonDocument> JsonOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
}
