using LaunderTrail.Cases;
using LaunderTrail.Cli;
using LaunderTrail.Cli.Rendering;
using LaunderTrail.Tests.Generation;
using LaunderTrail.Tracing;
using Snapshooter;
using Snapshooter.Xunit3;
using Spectre.Console;

namespace LaunderTrail.Tests.Flows;

/// <summary>
/// The reference case's flow report, as JSON and as the terminal view, under both rules: approved files in
/// __snapshots__, reviewed like code. A change to any figure, row or layout shows up as a diff.
/// </summary>
public sealed class ReferenceCaseSnapshotTests
{
    private static readonly Lazy<IReadOnlyList<LaunderTrail.Evidence.CaseEvent>> Facts = new(() =>
        File.ReadLines(Path.Combine(RepositoryRoot.Path, "samples", "case-515", "case-515.jsonl"))
            .Where(l => l.Length > 0)
            .Select(CaseHistory.ReadFact)
            .ToList());

    [Theory]
    [InlineData("fifo")]
    [InlineData("pro-rata")]
    public void The_flow_report_json(string rule)
    {
        var json = FlowReportJson.Write(Trace(rule));

        Snapshot.Match(json, SnapshotNameExtension.Create(rule));
    }

    [Theory]
    [InlineData("fifo")]
    [InlineData("pro-rata")]
    public void The_terminal_view(string rule)
    {
        var report = Trace(rule);
        var output = new StringWriter { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = LaunderTrailApp.ReportWidth;

        FlowReportView.Write(console, report, new VictimSelection.All(First: "Ms Zheng, Suzhou (victim 0001)"));

        Snapshot.Match(output.ToString(), SnapshotNameExtension.Create(rule));
    }

    /// <summary>What <c>flows</c> shows without options: the totals, the merchants, the 20 largest losses, and how many more.</summary>
    [Theory]
    [InlineData("fifo")]
    [InlineData("pro-rata")]
    public void The_default_terminal_view(string rule)
    {
        var output = FlowsCommandTests.Render(Trace(rule), new VictimSelection.Largest(VictimSelection.DefaultLargest));

        Snapshot.Match(output, SnapshotNameExtension.Create(rule));
    }

    [Fact]
    public void The_reference_case_shows_the_merchants_of_the_brief_at_their_rates()
    {
        var report = Trace("pro-rata");

        var suning = report.Merchants.Where(m => m.Product == "Suning card").ToList();
        var qCoin = report.Merchants.Where(m => m.Product == "Q coin").ToList();
        Assert.Equal(2, suning.Count);
        Assert.Equal(2, qCoin.Count);
        Assert.All(suning, m => Assert.Equal(0.97m, m.DiscountRate));
        Assert.All(qCoin, m => Assert.Equal(0.86m, m.DiscountRate));
        Assert.True(suning.Sum(m => m.FaceValue) > 3_000_000m);
        Assert.True(qCoin.Sum(m => m.FaceValue) > 2_000_000m);
        Assert.Equal(49_950m, report.Victims.Single(v => v.Accounts.Contains("acc-zheng-bank")).Loss);
    }

    private static FlowReport Trace(string rule)
    {
        TracingRules.TryParse(rule, out var parsed);
        return FlowTracer.Trace("SQ-2019-515", Facts.Value, parsed);
    }
}
