using LaunderTrail.Cli;
using LaunderTrail.Tests.Court;
using LaunderTrail.Tests.Support;
using LaunderTrail.Tests.Tracing;

namespace LaunderTrail.Tests.Flows;

/// <summary><c>laundertrail flows</c> as a user runs it: the stored report on standard output, exit codes.</summary>
public sealed class FlowsCommandTests(PostgresServer server) : StoreFixture(server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("pro-rata", "mixed-case.pro-rata.json")]
    [InlineData("fifo", "mixed-case.fifo.json")]
    public async Task Flows_json_prints_the_flow_report_of_the_interchange_format(string rule, string expected)
    {
        await MixedCase.ImportAsync(Store, Ct);

        var result = await RunCommandAsync("flows", "--case", MixedCase.Case, "--rule", rule, "--json");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Errors);
        ReportJsonAssert.Conforms(SpecExamples.ReadText(expected), result.Output);
    }

    [Fact]
    public async Task Flows_of_a_case_without_facts_is_an_error_and_prints_no_report()
    {
        await MixedCase.ImportAsync(Store, Ct);

        var result = await RunCommandAsync("flows", "--case", "EX-404", "--json");

        Assert.Equal(ExitCodes.NoInput, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains("case EX-404: no facts recorded", result.Errors);
    }
}
