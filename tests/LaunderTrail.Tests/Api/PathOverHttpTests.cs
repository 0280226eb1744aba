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
        using var client = Client(AuditorKey);

        var response = await client.GetAsync($"/cases/EX-2/path?from=Zhang%20Wei&to=cm-suning&rule={rule}&maxHops=6", Ct);
        var command = await RunCommandAsync("path", "--case", MixedCase.Case, "--from", "Zhang Wei", "--to", "cm-suning",
            "--rule", rule, "--max-hops", "6", "--json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(command.ExitCode == 0, command.Errors);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(command.Output, body);
        Assert.Contains("\"amount\"", body);
    }

    [Fact]
    public async Task An_unknown_start_or_target_is_not_found_no_route_is_empty_and_a_bad_query_is_refused()
    {
        await MixedCase.ImportAsync(Store, Ct);
        using var client = Client(InvestigatorKey);

        var unknownStart = await client.GetAsync("/cases/EX-2/path?from=Nobody&to=cm-q", Ct);
        var unknownTarget = await client.GetAsync("/cases/EX-2/path?from=Sun%20Li&to=cm-nowhere", Ct);
        var unknownCase = await client.GetAsync("/cases/EX-404/path?from=Sun%20Li&to=cm-q", Ct);
        var noRoute = await client.GetStringAsync("/cases/EX-2/path?from=Sun%20Li&to=zhang-bank", Ct);
        var badHops = await client.GetAsync("/cases/EX-2/path?from=Sun%20Li&to=cm-q&maxHops=99", Ct);
        var noTarget = await client.GetAsync("/cases/EX-2/path?from=Sun%20Li", Ct);
        var badRule = await client.GetAsync("/cases/EX-2/path?from=Sun%20Li&to=cm-q&rule=lifo", Ct);

        foreach (var missing in new[] { unknownStart, unknownTarget, unknownCase })
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        }
        Assert.Contains("no victim is named 'Nobody'", await unknownStart.Content.ReadAsStringAsync(Ct));
        Assert.Contains("no account 'cm-nowhere'", await unknownTarget.Content.ReadAsStringAsync(Ct));
        using (var empty = JsonDocument.Parse(noRoute)) Assert.Empty(empty.RootElement.GetProperty("routes").EnumerateArray());
        foreach (var bad in new[] { badHops, noTarget, badRule })
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        }
        Assert.Contains("maxHops", await badHops.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Auditors_and_investigators_read_routes_the_court_does_not_and_every_read_is_in_the_access_log()
    {
        await MixedCase.ImportAsync(Store, Ct);
        using var investigator = Client(InvestigatorKey);
        using var auditor = Client(AuditorKey);
        using var court = Client(CourtKey);
        using var nobody = Client(null);
        const string Path = "/cases/EX-2/path?from=Zhang%20Wei&to=cm-q";

        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync(Path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await investigator.GetAsync(Path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await court.GetAsync(Path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await nobody.GetAsync(Path, Ct)).StatusCode);

        using var log = JsonDocument.Parse(await investigator.GetStringAsync("/cases/EX-2/access-log", Ct));
        var pathReads = log.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("access"))
            .Where(a => a.GetProperty("endpoint").GetString() == "GET /cases/{caseNumber}/path").ToList();
        Assert.Equal(["aldo-auditor auditor", "ines-investigator investigator"],
            pathReads.Select(a => $"{a.GetProperty("keyName")} {a.GetProperty("role")}"));
        Assert.Equal("Zhang Wei", pathReads[0].GetProperty("parameters").GetProperty("from").GetString());
    }
}
