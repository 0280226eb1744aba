using System.Net;
using System.Text.Json;
using LaunderTrail.Cli;
using LaunderTrail.Storage;
using LaunderTrail.Tests.Court;
using LaunderTrail.Tests.Support;

namespace LaunderTrail.Tests.Api;

/// <summary>
/// A case whose figures cannot be computed (amounts edited behind the append-only guard to overflow decimal
/// arithmetic) is named as unavailable; every other case reads on, over HTTP and on the command line.
/// </summary>
public sealed class UnreadableCaseTests(PostgresServer server) : ApiFixture(server)
{
    private const string Broken = "T-BAD";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task RecordBothCasesAsync()
    {
        await PostFactsAsync(InvestigatorKey, $"/cases/{SmallCase.Case}/events", SmallCase.Facts, HttpStatusCode.OK);
        await PostFactsAsync(InvestigatorKey, $"/cases/{Broken}/events",
        [
            Lines.Account("a-1", "qian-card", "Mr Qian", "victim").Replace("\"T-1\"", $"\"{Broken}\""),
            Lines.Transfer("t-1", "qian-card", "g-9", "1000").Replace("\"T-1\"", $"\"{Broken}\""),
            Lines.Transfer("t-2", "qian-card", "g-9", "2000").Replace("\"T-1\"", $"\"{Broken}\""),
        ], HttpStatusCode.OK);

        await using var edit = Store.Db.CreateCommand(
            $"alter table {Schema}.mt_events disable trigger {AppendOnlyGuard.RowTrigger}; " +
            $"update {Schema}.mt_events set data = jsonb_set(data, '{{amount}}', '79228162514264337593543950335') " +
            $"where stream_id = '{Broken}' and data->>'type' = 'FundsTransferred'; " +
            $"alter table {Schema}.mt_events enable trigger {AppendOnlyGuard.RowTrigger};");
        await edit.ExecuteNonQueryAsync(Ct);
        // Rechained, the case is what an earlier version that let such amounts in would have recorded: intact, untraceable.
        await new BehindTheGuard(Store).RechainAsync(Broken, Ct);
        await TracedAsync(SmallCase.Case);
        await TracedAsync(Broken);
    }

    [Fact]
    public async Task The_case_list_names_the_unreadable_case_and_lists_the_others()
    {
        await RecordBothCasesAsync();

        var response = await AnswerAsync(AuditorKey, "/cases");

        Assert.Equal(HttpStatusCode.OK, StatusOf(response));
        using var list = JsonDocument.Parse(await response.ReadAsTextAsync());
        var row = Assert.Single(list.RootElement.GetProperty("cases").EnumerateArray());
        Assert.Equal(SmallCase.Case, row.GetProperty("case").GetString());
        var unavailable = Assert.Single(list.RootElement.GetProperty("unavailable").EnumerateArray());
        Assert.Equal(Broken, unavailable.GetProperty("case").GetString());
        Assert.False(string.IsNullOrWhiteSpace(unavailable.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Reading_the_unreadable_case_is_a_problem_naming_it_and_the_other_cases_read_on()
    {
        await RecordBothCasesAsync();

        var broken = await AnswerAsync(AuditorKey, $"/cases/{Broken}/flows");
        var good = await AnswerAsync(AuditorKey, $"/cases/{SmallCase.Case}/flows");
        var merchant = await AnswerAsync(AuditorKey, $"/merchants/{SmallCase.Merchant}");

        Assert.Equal(HttpStatusCode.InternalServerError, StatusOf(broken));
        Assert.Equal("application/problem+json", MediaTypeOf(broken));
        var body = await broken.ReadAsTextAsync();
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(Broken, problem.RootElement.GetProperty("case").GetString());
        Assert.Contains($"case '{Broken}'", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, StatusOf(good));
        Assert.Equal(HttpStatusCode.OK, StatusOf(merchant));
    }

    [Fact]
    public async Task On_the_command_line_flows_of_another_case_works_and_of_the_unreadable_one_is_a_clear_error()
    {
        await RecordBothCasesAsync();

        var good = await RunCommandAsync("flows", "--case", SmallCase.Case);
        var broken = await RunCommandAsync("flows", "--case", Broken);

        Assert.True(good.ExitCode == ExitCodes.Ok, good.Errors);
        Assert.Contains("Ms Zheng", good.Output);
        Assert.NotEqual(ExitCodes.Ok, broken.ExitCode);
        Assert.Equal("", broken.Output);
        Assert.StartsWith($"case {Broken}: ", broken.Errors);
        Assert.DoesNotContain("   at ", broken.Errors);
    }
}
