using System.Net;
using System.Text.Json;
using LaunderTrail.Tests.Court;
using LaunderTrail.Tests.Support;

namespace LaunderTrail.Tests.Api;

/// <summary><c>GET /cases/{caseNumber}/path</c>: the routes from a victim to an account, for the readers of a case, logged.</summary>
public sealed class PathOverHttpTests(PostgresServer server) : ApiFixture(server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("fifo")]
    [InlineData("libr")]
    public async Task The_routes_are_the_same_bytes_as_the_command_writes(string rule)
    {
        await MixedCase.ImportAsync(Store, Ct);

        var response = await AnswerAsync(AuditorKey, $"/cases/EX-2/path?from=Zhang%20Wei&to=cm-suning&rule={rule}&maxHops=6");
        var command = await RunCommandAsync("path", "--case", MixedCase.Case, "--from", "Zhang Wei", "--to", "cm-suning",
            "--rule", rule, "--max-hops", "6", "--json");

        Assert.Equal(HttpStatusCode.OK, StatusOf(response));
        Assert.Equal("application/json", MediaTypeOf(response));
        Assert.True(command.ExitCode == 0, command.Errors);
        var body = await response.ReadAsTextAsync();
        Assert.Equal(command.Output, body);
        Assert.Contains("\"amount\"", body);
    }

    [Fact]
    public async Task An_unknown_start_or_target_is_not_found_no_route_is_empty_and_a_bad_query_is_refused()
    {
        await MixedCase.ImportAsync(Store, Ct);

        var unknownStart = await AnswerAsync(InvestigatorKey, "/cases/EX-2/path?from=Nobody&to=cm-q");
        var unknownTarget = await AnswerAsync(InvestigatorKey, "/cases/EX-2/path?from=Sun%20Li&to=cm-nowhere");
        var unknownCase = await AnswerAsync(InvestigatorKey, "/cases/EX-404/path?from=Sun%20Li&to=cm-q");
        var noRoute = await (await GetAsync(InvestigatorKey, "/cases/EX-2/path?from=Sun%20Li&to=zhang-bank")).ReadAsTextAsync();
        var badHops = await AnswerAsync(InvestigatorKey, "/cases/EX-2/path?from=Sun%20Li&to=cm-q&maxHops=99");
        var noTarget = await AnswerAsync(InvestigatorKey, "/cases/EX-2/path?from=Sun%20Li");
        var badRule = await AnswerAsync(InvestigatorKey, "/cases/EX-2/path?from=Sun%20Li&to=cm-q&rule=lifo");

        foreach (var missing in new[] { unknownStart, unknownTarget, unknownCase })
        {
            Assert.Equal(HttpStatusCode.NotFound, StatusOf(missing));
            Assert.Equal("application/problem+json", MediaTypeOf(missing));
        }
        Assert.Contains("no victim is named 'Nobody'", await unknownStart.ReadAsTextAsync());
        Assert.Contains("no account 'cm-nowhere'", await unknownTarget.ReadAsTextAsync());
        using (var empty = JsonDocument.Parse(noRoute)) Assert.Empty(empty.RootElement.GetProperty("routes").EnumerateArray());
        foreach (var bad in new[] { badHops, noTarget, badRule })
        {
            Assert.Equal(HttpStatusCode.BadRequest, StatusOf(bad));
            Assert.Equal("application/problem+json", MediaTypeOf(bad));
        }
        Assert.Contains("maxHops", await badHops.ReadAsTextAsync());
    }

    [Fact]
    public async Task Auditors_and_investigators_read_routes_the_court_does_not_and_every_read_is_in_the_access_log()
    {
        await MixedCase.ImportAsync(Store, Ct);
        const string Path = "/cases/EX-2/path?from=Zhang%20Wei&to=cm-q";

        await GetAsync(AuditorKey, Path, HttpStatusCode.OK);
        await GetAsync(InvestigatorKey, Path, HttpStatusCode.OK);
        await GetAsync(CourtKey, Path, HttpStatusCode.Forbidden);
        await GetAsync(null, Path, HttpStatusCode.Unauthorized);

        using var log = await JsonOf(await GetAsync(InvestigatorKey, "/cases/EX-2/access-log"));
        var pathReads = log.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("access"))
            .Where(a => a.GetProperty("endpoint").GetString() == "GET /cases/{caseNumber}/path").ToList();
        Assert.Equal(["aldo-auditor auditor", "ines-investigator investigator"],
            pathReads.Select(a => $"{a.GetProperty("keyName")} {a.GetProperty("role")}"));
        Assert.Equal("Zhang Wei", pathReads[0].GetProperty("parameters").GetProperty("from").GetString());
    }
}
