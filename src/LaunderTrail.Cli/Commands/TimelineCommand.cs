using System.ComponentModel;
using LaunderTrail.Cases;
using LaunderTrail.Court;
using LaunderTrail.Tracing;
using Spectre.Console.Cli;

namespace LaunderTrail.Cli.Commands;

/// <summary>
/// <c>laundertrail timeline --case C [--rule R] --out DIR</c>: write the court bundle of a case (docs/court.md), its
/// figures under one rule or the default two side by side, after checking that the case's stored hash chain still holds.
/// </summary>
public sealed class TimelineCommand : AsyncCommand<TimelineCommand.Settings>
{
    public sealed class Settings : DatabaseSettings
    {
        [CommandOption("--case <CASE>")]
        [Description("Case number, e.g. SQ-2019-515.")]
        public required string Case { get; init; }

        [CommandOption("--as-of <TIME>")]
        [Description("Only events that happened by this moment (ISO-8601 with offset).")]
        public string? AsOf { get; init; }

        [CommandOption("--known-at <TIME>")]
        [Description("Only events recorded by this moment (ISO-8601 with offset): the case as it was known then.")]
        public string? KnownAt { get; init; }

        [CommandOption("--rule <RULE>")]
        [Description("Trace the figures under this rule only: fifo, pro-rata or libr (default: fifo and pro-rata side by side).")]
        public string? Rule { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Folder to write the bundle into (created if missing; its bundle files are replaced).")]
        public required string Out { get; init; }

        public override Spectre.Console.ValidationResult Validate()
        {
            if (string.IsNullOrEmpty(Case) || string.IsNullOrEmpty(Out))
                return Spectre.Console.ValidationResult.Error("Give the case (--case) and the bundle folder (--out).");
            return Rule is not null && !TracingRules.TryParse(Rule, out _)
                ? Spectre.Console.ValidationResult.Error("--rule must be fifo, pro-rata or libr")
                : Spectre.Console.ValidationResult.Success();
        }

        /// <summary>The one rule asked for, or null for the bundle's default rules (valid once <see cref="Validate"/> passed).</summary>
        public TracingRule? TracingRule => Rule is not null && TracingRules.TryParse(Rule, out var rule) ? rule : null;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        foreach (var check in new[] { TimeOption.Check(settings.AsOf, "--as-of"), TimeOption.Check(settings.KnownAt, "--known-at") })
        {
            if (check.Successful) continue;
            Diagnostics.Error(check.Message!);
            return ExitCodes.DataError;
        }

        var asOf = TimeOption.Parse(settings.AsOf);
        var knownAt = TimeOption.Parse(settings.KnownAt);

        await using var store = await Database.OpenAsync(settings, ct);
        var history = new CaseHistory(store);
        var broken = await StoredChainCheck.RunAsync(history, settings.Case, ct);
        if (broken is not null)
        {
            Diagnostics.Error($"case {settings.Case}: {broken}");
            Diagnostics.Error("The recorded events were altered; no bundle was written.");
            return ExitCodes.VerificationFailed;
        }

        var records = new List<ChainedRecord>();
        await foreach (var recorded in history.ReadAsync(settings.Case, knownAt, ct))
            records.Add(new ChainedRecord(recorded.Seq, recorded.RecordedAt, recorded.Fact));
        if (records.Count == 0)
        {
            Diagnostics.Error($"case {settings.Case}: no events recorded{(knownAt is null ? "" : $" by {settings.KnownAt}")}");
            return ExitCodes.NoInput;
        }

        Directory.CreateDirectory(settings.Out);
        var written = new List<string>();
        try
        {
            TimelineBundle.Write(records, new BundleParameters(settings.Case, asOf, knownAt, settings.TracingRule), GeneratorVersion.Current,
                name =>
                {
                    var path = Path.Combine(settings.Out, name);
                    written.Add(path);
                    return File.Create(path);
                });
        }
        catch
        {
            // A bundle is whole or absent: half a bundle would only fail its verification later.
            foreach (var path in written) File.Delete(path);
            throw;
        }

        Diagnostics.Note($"{written.Count} files written to {settings.Out} ({records.Count} events).");
        return ExitCodes.Ok;
    }
}
