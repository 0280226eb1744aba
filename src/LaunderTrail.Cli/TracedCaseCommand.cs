using LaunderTrail.Court;
using LaunderTrail.Flows;
using Npgsql;
using Spectre.Console.Cli;

namespace LaunderTrail.Cli;

/// <summary>
/// A command that traces one case (flows, path, export). A case whose figures cannot be computed (beyond arithmetic, an
/// unreadable fact) is named with the reason and exits 65; a tampered case, the database failing and a cancellation go
/// on to the handler every command shares (<see cref="LaunderTrailApp"/>).
/// </summary>
public abstract class TracedCaseCommand<TSettings> : AsyncCommand<TSettings> where TSettings : TracedCaseSettings
{
    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken ct)
    {
        try
        {
            return await RunAsync(settings, ct);
        }
        catch (Exception failure) when (failure is not OperationCanceledException and not NpgsqlException and not TamperedCaseException)
        {
            Diagnostics.Error($"case {settings.Case}: {UnreadableCase.ReasonOf(failure)}: {failure.GetType().Name}: {failure.Message}");
            return ExitCodes.DataError;
        }
    }

    /// <returns>The exit code.</returns>
    protected abstract Task<int> RunAsync(TSettings settings, CancellationToken ct);
}
