using System.Diagnostics;

namespace LaunderTrail.Storage;

/// <summary>
/// Runs PostgreSQL's programs: directly, or through <c>su</c> as the service user when LaunderTrail runs as root,
/// because PostgreSQL refuses to run as root.
/// </summary>
internal sealed class PrivateClusterCommandRunner(string? serviceUser)
{
    public string? ServiceUser => serviceUser;

    public Task<Result> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        if (serviceUser is null)
            return RunProcessAsync(program, arguments, ct);

        var shellCommand = string.Join(' ', new[] { program }.Concat(arguments).Select(ShellQuote));
        return RunProcessAsync("su", ["-s", "/bin/sh", "-c", shellCommand, serviceUser], ct);
    }

    public static async Task<Result> RunProcessAsync(string program, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var startInfo = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The service user may not be allowed into our working directory (e.g. /root); "/" is always reachable.
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);

        using var process = Process.Start(startInfo)
            ?? throw new PrivateClusterException($"Could not start {program}.");
        process.StandardInput.Close();
        var standardOutput = process.StandardOutput.ReadToEndAsync(ct);
        var standardError = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = (await standardOutput + await standardError).Trim();
        return new Result(process.ExitCode, output);
    }

    /// <summary>Single-quotes a word for /bin/sh, so paths with spaces or quotes stay one argument.</summary>
    public static string ShellQuote(string word) => "'" + word.Replace("'", "'\\''") + "'";

    public sealed record Result(int ExitCode, string Output);
}
