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
        var first = await PostFactsAsync(InvestigatorKey, "/cases/T-1/events", SmallCase.Facts);
        var again = await PostFactsAsync(InvestigatorKey, "/cases/T-1/events", SmallCase.Facts);

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
        await PostJsonLinesAsync(InvestigatorKey, "/cases/T-1/events", Lines.Join(SmallCase.Facts));

        Assert.Equal(5, await ScalarAsync("select count(*) from {schema}.mt_events where user_name = 'ines-investigator'"));
    }

    [Fact]
    public async Task A_batch_with_bad_facts_writes_nothing_and_lists_every_error_by_index_and_field()
    {
        var otherCase = SmallCase.Facts[0].Replace("\"T-1\"", "\"T-2\"");

        var response = await PostFactsAsync(InvestigatorKey, "/cases/T-1/events",
            [SmallCase.Facts[1], Lines.Transfer("t-9", "a", "b", "-5"), otherCase, "{\"type\":\"Nonsense\"}"],
            HttpStatusCode.UnprocessableEntity);

        Assert.Equal("application/problem+json", MediaTypeOf(response));
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
        await PostJsonLinesAsync(InvestigatorKey, "/cases/T-1/events", Lines.Join(SmallCase.Facts));

        var response = await PostJsonLinesAsync(InvestigatorKey, "/cases/T-1/events",
            Lines.Join(Lines.Transfer("t-2", "a", "b", "5"), Lines.Transfer("t-1", "zheng-card", "g-1", "999")),
            HttpStatusCode.UnprocessableEntity);

        using var problem = await JsonOf(response);
        var error = Assert.Single(problem.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(2, error.GetProperty("index").GetInt64());
        Assert.Equal("id", error.GetProperty("field").GetString());
        Assert.Equal(5, await RecordedCount());
    }

    [Fact]
    public async Task A_body_that_is_not_a_json_array_or_of_another_type_is_refused_as_a_problem()
    {
        var malformed = await PostFactsAsync(InvestigatorKey, "/cases/T-1/events", ["{\"id\":"], HttpStatusCode.BadRequest);
        var notArray = await PostAsync(InvestigatorKey, "/cases/T-1/events", SmallCase.Facts[0], "application/json; charset=utf-8",
            HttpStatusCode.BadRequest);
        var plainText = await PostAsync(InvestigatorKey, "/cases/T-1/events", SmallCase.Facts[0], "text/plain; charset=utf-8",
            HttpStatusCode.UnsupportedMediaType);

        Assert.All([malformed, notArray, plainText], r => Assert.Equal("application/problem+json", MediaTypeOf(r)));
        Assert.Equal(0, await RecordedCount());
    }
}
