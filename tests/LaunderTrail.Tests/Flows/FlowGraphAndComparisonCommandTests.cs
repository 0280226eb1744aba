using System.Text.Json;
using System.Text.Json.Nodes;
using LaunderTrail.Cases;
using LaunderTrail.Cli;
using LaunderTrail.Cli.Rendering;
using LaunderTrail.Court;
using LaunderTrail.Flows;
using LaunderTrail.Tests.Court;
using LaunderTrail.Tests.Support;
using LaunderTrail.Tests.Tracing;
using LaunderTrail.Tracing;
using Spectre.Console;

namespace LaunderTrail.Tests.Flows;

/// <summary>
/// <c>laundertrail flows --graph --json</c> (the flow graph, every hop) and <c>flows --compare</c> (the rules side by
/// side), traced on demand from the checked events of the store.
/// </summary>
public sealed class FlowGraphAndComparisonCommandTests(PostgresServer server) : StoreFixture(server)
{
    private const string AsOf = "2019-05-03T10:45:00+08:00";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("fifo")]
    [InlineData("pro-rata")]
    [InlineData("libr")]
    public async Task Flows_graph_json_prints_the_conformance_graph_byte_for_byte(string rule)
    {
        await MixedCase.ImportAsync(Store, Ct);

        var result = await RunCommandAsync("flows", "--case", MixedCase.Case, "--rule", rule, "--graph", "--json");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Errors);
        Assert.Equal(SpecExamples.ReadText($"mixed-case.{rule}.graph.json"), result.Output);
    }

    [Fact]
    public async Task Flows_graph_json_as_of_a_moment_is_the_graph_of_the_facts_that_had_happened_by_then()
    {
        await MixedCase.ImportAsync(Store, Ct);
        var expected = FlowGraphJson.Write(FlowTracer.TraceWithGraph(MixedCase.Case, SpecExamples.ReadEvents("mixed-case.jsonl"),
            TracingRule.Fifo, DateTimeOffset.Parse(AsOf)).Graph);

        var result = await RunCommandAsync("flows", "--case", MixedCase.Case, "--rule", "fifo", "--as-of", AsOf, "--graph", "--json");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Errors);
        Assert.Equal(expected, result.Output);
        Assert.Contains($"\"asOf\": \"{AsOf}\"", result.Output);
        Assert.NotEqual(SpecExamples.ReadText("mixed-case.fifo.graph.json"), result.Output);
    }

    [Fact]
    public async Task Flows_graph_without_json_or_with_compare_is_refused_before_anything_is_read()
    {
        var withoutJson = await RunCommandAsync("flows", "--case", MixedCase.Case, "--graph");
        var withCompare = await RunCommandAsync("flows", "--case", MixedCase.Case, "--graph", "--json", "--compare");
        var compareWithRule = await RunCommandAsync("flows", "--case", MixedCase.Case, "--compare", "--rule", "fifo");

        foreach (var (result, message) in new[]
                 {
                     (withoutJson, "--graph writes JSON only: give --graph --json"),
                     (withCompare, "give --graph or --compare, not both"),
                     (compareWithRule, "--compare shows every rule: leave out --rule"),
                 })
        {
            Assert.NotEqual(ExitCodes.Ok, result.ExitCode);
            Assert.Contains(message, result.Output + result.Errors);
            Assert.DoesNotContain("\"nodes\"", result.Output);
            Assert.DoesNotContain("\"victims\"", result.Output);
        }
    }

    [Theory]
    [InlineData("--graph", "--json")]
    [InlineData("--compare")]
    [InlineData("--compare", "--json")]
    public async Task Graph_and_comparison_of_a_case_without_facts_are_the_same_error_as_flows(params string[] options)
    {
        await MixedCase.ImportAsync(Store, Ct);

        var result = await RunCommandAsync(["flows", "--case", "EX-404", .. options]);

        Assert.Equal(ExitCodes.NoInput, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains("case EX-404: no facts recorded", result.Errors);
    }

    [Fact]
    public async Task Compare_json_holds_each_rules_report_exactly_as_flows_json_writes_it()
    {
        await MixedCase.ImportAsync(Store, Ct);

        var compared = await RunCommandAsync("flows", "--case", MixedCase.Case, "--compare", "--json");

        Assert.True(compared.ExitCode == ExitCodes.Ok, compared.Errors);
        var reports = JsonNode.Parse(compared.Output)!.AsObject();
        Assert.Equal(["fifo", "pro-rata", "libr"], reports.Select(r => r.Key));
        foreach (var (rule, report) in reports)
        {
            var alone = await RunCommandAsync("flows", "--case", MixedCase.Case, "--rule", rule, "--json");
            Assert.True(alone.ExitCode == ExitCodes.Ok, alone.Errors);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(alone.Output), report), $"{rule}: {report}");
            ReportJsonAssert.Conforms(SpecExamples.ReadText($"mixed-case.{rule}.json"), report!.ToJsonString());
        }
    }

    [Fact]
    public async Task Compare_json_as_of_a_moment_holds_the_reports_as_of_that_moment()
    {
        await MixedCase.ImportAsync(Store, Ct);

        var compared = await RunCommandAsync("flows", "--case", MixedCase.Case, "--compare", "--json", "--as-of", AsOf);

        Assert.True(compared.ExitCode == ExitCodes.Ok, compared.Errors);
        foreach (var (rule, report) in JsonNode.Parse(compared.Output)!.AsObject())
            ReportJsonAssert.Conforms(SpecExamples.ReadText($"mixed-case.{rule}.as-of-2019-05-03T10-45.json"), report!.ToJsonString());
    }

    [Fact]
    public async Task Compare_marks_every_figure_the_rules_disagree_on()
    {
        await MixedCase.ImportAsync(Store, Ct);

        var result = await RunCommandAsync("flows", "--case", MixedCase.Case, "--compare");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Errors);
        // Under fifo, Sun Li's money reached card merchants as 6,010.00 of face value; pro-rata and libr say otherwise.
        var lines = result.Output.Split('\n').ToList();
        var sunLi = lines.FindIndex(line => line.StartsWith("Sun Li (sun-bank) lost 9,000.00", StringComparison.Ordinal));
        Assert.True(sunLi >= 0, result.Output);
        var sunLiFifo = lines.Skip(sunLi).First(line => line.Contains(" fifo "));
        Assert.Contains($"6,010.00 {RuleComparisonView.Disagreement}", sunLiFifo);
        // What her money left with the gang under fifo: 3,570.00 at g-1 and 4,588.60 at g-2.
        Assert.Contains($"8,158.60 {RuleComparisonView.Disagreement}", sunLiFifo);
        // Each of the two victims' four figures differs between the rules (spec examples mixed-case.*.json).
        Assert.Contains($"{RuleComparisonView.Disagreement} marks a figure the rules disagree on (8 shown)", result.Output);
        Assert.DoesNotContain("The rules agree", result.Output);
    }

    [Fact]
    public async Task Compare_respects_the_victim_selection_of_the_terminal_view()
    {
        await MixedCase.ImportAsync(Store, Ct);

        var one = await RunCommandAsync("flows", "--case", MixedCase.Case, "--compare", "--victim", "sun-bank");
        var largest = await RunCommandAsync("flows", "--case", MixedCase.Case, "--compare", "--victims", "1");
        var nobody = await RunCommandAsync("flows", "--case", MixedCase.Case, "--compare", "--victim", "Nobody");

        Assert.True(one.ExitCode == ExitCodes.Ok, one.Errors);
        Assert.Contains("Sun Li", one.Output);
        Assert.DoesNotContain("Zhang Wei", one.Output);
        Assert.Contains("Zhang Wei", largest.Output);
        Assert.DoesNotContain("Sun Li", largest.Output);
        Assert.Contains("and 1 more victim(s)", largest.Output);
        Assert.Equal(ExitCodes.NoInput, nobody.ExitCode);
        Assert.Contains("case EX-2: no victim is named 'Nobody' or holds that account", nobody.Errors);
    }

    [Fact]
    public void Compare_marks_nothing_where_the_rules_agree_and_shows_a_hostile_holder_name_as_escapes()
    {
        var facts = new[]
        {
            Lines.Account("a-1", "zheng-card", JsonEncodedText.Encode(VisibleTextTests.HostileHolder).ToString(), "victim"),
            Lines.Account("a-2", "g-1", "Gang [red]K[/]", "fraudster"),
            Lines.Transfer("t-1", "zheng-card", "g-1", "1000"),
        }.Select(CaseHistory.ReadFact).ToList();
        var reports = new[] { TracingRule.Fifo, TracingRule.ProRata, TracingRule.Libr }
            .Select(rule => FlowTracer.Trace(Lines.Case, facts, rule)).ToList();

        var output = Render(reports, new VictimSelection.All());

        Assert.Contains("The rules agree on every figure shown.", output);
        Assert.DoesNotContain(RuleComparisonView.Disagreement, output);
        Assert.Contains("1,000.00", output);
        Assert.Contains(VisibleTextTests.HostileHolderShown, output);
        Assert.DoesNotContain(output, c => VisibleText.IsHidden(c) && c is not '\n');
    }

    [Theory]
    [InlineData("--graph", "--json")]
    [InlineData("--compare")]
    [InlineData("--compare", "--json")]
    public async Task Graph_and_comparison_of_an_altered_case_are_refused_naming_the_event(params string[] options)
    {
        await MixedCase.ImportAsync(Store, Ct);
        await new BehindTheGuard(Store).EditAsync(
            "update {schema}.mt_events set data = jsonb_set(data, '{amount}', '1990') where data->>'id' = 'f-2'", Ct);

        var result = await RunCommandAsync(["flows", "--case", MixedCase.Case, .. options]);

        Assert.Equal(ExitCodes.VerificationFailed, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.StartsWith("REFUSED case EX-2, event seq 9 (id f-2): the stored fact differs from what was recorded", result.Errors);
        await Assert.ThrowsAsync<TamperedCaseException>(() => new FlowQueries(Store).GraphAsync(MixedCase.Case, TracingRule.Libr, ct: Ct));
    }

    private static string Render(IReadOnlyList<FlowReport> reports, VictimSelection selection)
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
        RuleComparisonView.Write(console, reports, selection);
        return output.ToString();
    }
}
