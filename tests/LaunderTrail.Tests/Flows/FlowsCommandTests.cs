using LaunderTrail.Cases;
using LaunderTrail.Cli;
using LaunderTrail.Cli.Rendering;
using LaunderTrail.Court;
using LaunderTrail.Tests.Court;
using LaunderTrail.Tests.Support;
using LaunderTrail.Tests.Tracing;
using LaunderTrail.Tracing;
using Spectre.Console;

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

    [Fact]
    public async Task Flows_draws_the_largest_losses_and_counts_the_victims_left_out()
    {
        await MixedCase.ImportAsync(Store, Ct);

        var one = await RunCommandAsync("flows", "--case", MixedCase.Case, "--victims", "1");
        var all = await RunCommandAsync("flows", "--case", MixedCase.Case, "--all");

        Assert.True(one.ExitCode == ExitCodes.Ok, one.Errors);
        Assert.True(all.ExitCode == ExitCodes.Ok, all.Errors);
        var victims = TrailHeads(all.Output);
        Assert.True(victims.Count >= 2, all.Output);
        var largest = victims.OrderByDescending(v => v.Loss).First();
        Assert.Equal([largest], TrailHeads(one.Output));
        Assert.Contains($"and {victims.Count - 1} more victim(s), who lost " +
                        $"{LaunderTrail.Cli.Rendering.Money.Amount(victims.Sum(v => v.Loss) - largest.Loss)} in total", one.Output);
        Assert.DoesNotContain("more victim(s)", all.Output);
    }

    [Theory]
    [InlineData("Sun Li")]
    [InlineData("sun-bank")]
    public async Task Flows_victim_draws_only_the_trail_of_the_victim_with_that_name_or_account(string victim)
    {
        await MixedCase.ImportAsync(Store, Ct);

        var result = await RunCommandAsync("flows", "--case", MixedCase.Case, "--victim", victim);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Errors);
        Assert.Equal(["Sun Li"], TrailHeads(result.Output).Select(v => v.Holder));
        Assert.Contains("Card merchants", result.Output);
    }

    [Fact]
    public async Task Flows_victim_with_an_unknown_name_is_an_error_and_prints_no_report()
    {
        await MixedCase.ImportAsync(Store, Ct);

        var result = await RunCommandAsync("flows", "--case", MixedCase.Case, "--victim", "Nobody");

        Assert.Equal(ExitCodes.NoInput, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains("case EX-2: no victim is named 'Nobody' or holds that account", result.Errors);
    }

    [Fact]
    public async Task An_error_quoting_a_hostile_case_number_shows_its_controls_as_escapes()
    {
        await MixedCase.ImportAsync(Store, Ct);

        var result = await RunCommandAsync("flows", "--case", "EX]0;owned[2J‮");

        Assert.Equal(ExitCodes.NoInput, result.ExitCode);
        Assert.Contains(@"case EX\u001B]0;owned\u0007\u001B[2J\u202E: no facts recorded", result.Errors);
        Assert.DoesNotContain(result.Errors, c => VisibleText.IsHidden(c) && c is not '\n');
    }

    [Fact]
    public void The_terminal_view_shows_a_hostile_holder_name_as_escapes()
    {
        var facts = new[]
        {
            Lines.Account("a-1", "zheng-card", System.Text.Json.JsonEncodedText.Encode(VisibleTextTests.HostileHolder).ToString(), "victim"),
            Lines.Account("a-2", "g-1", "Gang [red]K[/]", "fraudster"),
            Lines.Transfer("t-1", "zheng-card", "g-1", "1000"),
        }.Select(CaseHistory.ReadFact).ToList();
        var report = FlowTracer.Trace(Lines.Case, facts, TracingRule.ProRata);

        foreach (var selection in new VictimSelection[] { new VictimSelection.Largest(20), new VictimSelection.All() })
        {
            var output = Render(report, selection);

            Assert.Contains(VisibleTextTests.HostileHolderShown, output);
            Assert.Contains("Gang [red]K[/]", output);
            Assert.DoesNotContain(output, c => VisibleText.IsHidden(c) && c is not '\n');
        }
    }

    /// <summary>The victims whose trails a terminal view drew: "holder (accounts) lost 1,234.00" heads each tree.</summary>
    private static List<(string Holder, decimal Loss)> TrailHeads(string output) =>
        output.Split('\n')
            .Select(line => System.Text.RegularExpressions.Regex.Match(line, @"^(?<holder>.+) \((?<accounts>[^()]*)\) lost (?<loss>[\d,.]+)$"))
            .Where(m => m.Success)
            .Select(m => (m.Groups["holder"].Value, decimal.Parse(m.Groups["loss"].Value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

    internal static string Render(FlowReport report, VictimSelection selection)
    {
        var output = new StringWriter { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = LaunderTrailApp.ReportWidth;
        FlowReportView.Write(console, report, selection);
        return output.ToString();
    }
}
