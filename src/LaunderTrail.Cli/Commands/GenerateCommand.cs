using System.ComponentModel;
using LaunderTrail.Generation;
using LaunderTrail.Generation.Statements;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LaunderTrail.Cli.Commands;

/// <summary><c>laundertrail generate</c>: the 5·15 reference case, deterministic for a seed, at any size.</summary>
public sealed class GenerateCommand : Command<GenerateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--seed <SEED>")]
        [Description("Seed of the generator: the same seed and size give the same file, byte for byte.")]
        [DefaultValue(515)]
        public int Seed { get; init; } = 515;

        [CommandOption("--events <COUNT>")]
        [Description("Number of events; 0 for the reference case's own size.")]
        [DefaultValue(0)]
        public int Events { get; init; }

        [CommandOption("--case <CASE>")]
        [Description("Case number written on every line.")]
        [DefaultValue("SQ-2019-515")]
        public string Case { get; init; } = "SQ-2019-515";

        [CommandOption("--out <FILE>")]
        [Description("Where to write the JSON Lines; standard output when omitted.")]
        public string? Out { get; init; }

        [CommandOption("--statements <DIR>")]
        [Description("Write the case as bank statements and Alipay and WeChat bills into DIR instead: the transfers in " +
                     "each institution's layout, the other facts as JSON Lines, the aliases and a manifest (README.txt).")]
        public string? Statements { get; init; }

        public override ValidationResult Validate() =>
            Events < 0 ? ValidationResult.Error("--events must be 0 or more")
            : Statements is not null && Out is not null ? ValidationResult.Error("--statements and --out cannot be combined")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken ct)
    {
        var events = ReferenceCaseGenerator.Generate(new GenerationOptions(settings.Seed, settings.Events, settings.Case));
        if (settings.Statements is { } folder) return WriteStatements(events, folder);
        using var output = settings.Out is null ? Console.OpenStandardOutput() : File.Create(settings.Out);
        var lines = CaseEventJsonLines.Write(events, output);
        if (settings.Out is not null) Diagnostics.Note($"wrote {lines:N0} events to {settings.Out}");
        return ExitCodes.Ok;
    }

    private static int WriteStatements(IEnumerable<LaunderTrail.Evidence.CaseEvent> events, string folder)
    {
        var files = StatementFolder.Files(events);
        Directory.CreateDirectory(folder);
        foreach (var file in files) File.WriteAllBytes(Path.Combine(folder, file.Name), file.Bytes);
        Diagnostics.Note($"wrote {files.Count - 4:N0} statements, {StatementFolder.OtherFacts}, {StatementFolder.Aliases} and {StatementFolder.Manifest} to {folder}");
        return ExitCodes.Ok;
    }
}
