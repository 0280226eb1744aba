using System.ComponentModel;
using LaunderTrail.Cli.Rendering;
using LaunderTrail.Flows;
using LaunderTrail.Tracing;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LaunderTrail.Cli.Commands;

/// <summary>
/// <c>laundertrail demo</c>: the 5·15 reference case end to end with no set-up: the database (the private one if
/// none is configured), the import (a no-op the second time) and the flow report, Ms Zheng's trail first.
/// </summary>
public sealed class DemoCommand : AsyncCommand<DemoCommand.Settings>
{
    private const string ReferenceCase = "SQ-2019-515";
    private const string ZhengAccount = "acc-zheng-bank";
    private static readonly string SampleFile = Path.Combine("samples", "case-515", "case-515.jsonl");

    public sealed class Settings : DatabaseSettings
    {
        [CommandOption("--rule <RULE>")]
        [Description("Tracing rule for mixed money: fifo, pro-rata or libr.")]
        [DefaultValue("pro-rata")]
        public string Rule { get; init; } = "pro-rata";

        public override ValidationResult Validate() =>
            TracingRules.TryParse(Rule, out _) ? ValidationResult.Success() : ValidationResult.Error("--rule must be fifo, pro-rata or libr");
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        var sample = FindSample();
        if (sample is null)
        {
            Diagnostics.Error($"Cannot find {SampleFile}: run the demo from a LaunderTrail checkout.");
            return ExitCodes.NoInput;
        }

        await using var store = await Database.OpenAsync(settings, ct);
        Diagnostics.Note($"Importing {sample}");
        var outcome = await ImportCommand.ImportFileAsync(store, sample, "demo", ct);
        if (!outcome.Accepted)
        {
            foreach (var error in outcome.Errors) Diagnostics.Error(error.ToString());
            return ExitCodes.DataError;
        }

        Diagnostics.Note($"{outcome.Summary.Recorded:N0} facts recorded now, {outcome.Summary.AlreadyRecorded:N0} were already recorded.");
        TracingRules.TryParse(settings.Rule, out var rule);
        var report = (await new FlowQueries(store).ReportAsync(ReferenceCase, rule, ct: ct))!;
        var zheng = report.Victims.FirstOrDefault(v => v.Accounts.Contains(ZhengAccount))?.Holder;
        FlowReportView.Write(AnsiConsole.Console, report, new VictimSelection.All(First: zheng));
        return ExitCodes.Ok;
    }

    /// <summary>The sample in the working directory's checkout, or in the one this program was built from.</summary>
    private static string? FindSample()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, SampleFile);
                if (File.Exists(candidate)) return Path.GetRelativePath(Directory.GetCurrentDirectory(), candidate);
            }
        }

        return null;
    }
}
