using LaunderTrail.Access;
using LaunderTrail.Cli;
using LaunderTrail.Tests.Support;

namespace LaunderTrail.Tests.Api;

/// <summary>The commands that manage API keys and show a case's access log, run as a user runs them.</summary>
public sealed class KeysAndAccessLogCommandTests(PostgresServer server) : StoreFixture(server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_key_is_printed_once_alone_then_listed_by_name_and_role_and_revoked()
    {
        var added = await RunCommandAsync("keys", "add", "--name", "auditor-7", "--role", "auditor");

        Assert.True(added.ExitCode == ExitCodes.Ok, added.Errors);
        var secret = added.Output.TrimEnd('\n');
        Assert.DoesNotContain('\n', secret);
        Assert.Equal("auditor-7", (await new ApiKeys(Store.Documents, TimeProvider.System).FindAsync(secret, Ct))!.Name);

        var again = await RunCommandAsync("keys", "add", "--name", "auditor-7", "--role", "court");
        Assert.Equal(ExitCodes.DataError, again.ExitCode);
        Assert.Contains("an active key is already named 'auditor-7'", again.Errors);

        var listed = await RunCommandAsync("keys", "list");
        Assert.Contains("auditor-7", listed.Output);
        Assert.Contains("auditor", listed.Output);
        Assert.DoesNotContain(secret, listed.Output);

        Assert.Equal(ExitCodes.Ok, (await RunCommandAsync("keys", "revoke", "--name", "auditor-7")).ExitCode);
        Assert.Null(await new ApiKeys(Store.Documents, TimeProvider.System).FindAsync(secret, Ct));
        var revokedAgain = await RunCommandAsync("keys", "revoke", "--name", "auditor-7");
        Assert.Equal(ExitCodes.DataError, revokedAgain.ExitCode);
        Assert.Contains("no active key is named 'auditor-7'", revokedAgain.Errors);
    }

    [Fact]
    public async Task The_access_log_lists_each_access_and_says_its_chain_holds()
    {
        var log = new AccessLog(Store.Documents);
        foreach (var endpoint in new[] { "GET /cases/EX-2/flows", "GET /cases/EX-2/timeline" })
            await log.RecordAsync(new CaseAccessed("EX-2", "auditor-7", "auditor", endpoint,
                new Dictionary<string, string> { ["rule"] = "fifo" }, DateTimeOffset.Parse("2026-11-25T10:00:00Z")), Ct);

        var result = await RunCommandAsync("access-log", "--case", "EX-2");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Errors);
        Assert.Contains("/cases/EX-2/flows", result.Output);
        Assert.Contains("/cases/EX-2/timeline", result.Output);
        Assert.Contains("2 access(es); the access log's hash chain holds.", result.Errors);
    }

    [Fact]
    public async Task The_list_access_log_shows_whose_figures_were_shown_to_whom_and_says_its_chain_holds()
    {
        var log = new AccessLog(Store.Documents);
        await log.RecordAsync(new CaseFiguresShown("auditor-7", "auditor", "GET /cases", new Dictionary<string, string>(),
            ["EX-1", "EX-2"], DateTimeOffset.Parse("2026-11-25T10:00:00Z")), Ct);
        await log.RecordAsync(new CaseFiguresShown("auditor-\u001B[2J8", "auditor", "GET /merchants/{account}",
            new Dictionary<string, string> { ["account"] = "cm-1" }, ["EX-2"], DateTimeOffset.Parse("2026-11-25T10:05:00Z")), Ct);

        var lists = await RunCommandAsync("access-log", "--lists");
        var both = await RunCommandAsync("access-log", "--lists", "--case", "EX-2");

        Assert.True(lists.ExitCode == ExitCodes.Ok, lists.Errors);
        Assert.Contains("EX-1, EX-2", lists.Output);
        Assert.Contains("account=cm-1", lists.Output);
        Assert.Contains(@"auditor-\u001B[2J8", lists.Output);
        Assert.DoesNotContain('\u001B', lists.Output);
        Assert.Contains("2 list(s) shown; the list access log's hash chain holds.", lists.Errors);
        Assert.NotEqual(ExitCodes.Ok, both.ExitCode);
    }
}
