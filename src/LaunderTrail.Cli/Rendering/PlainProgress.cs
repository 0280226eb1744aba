using LaunderTrail.Import;

namespace LaunderTrail.Cli.Rendering;

/// <summary>
/// Progress for logs and pipes: one line per phase per tenth of the input, no control characters. The phases run at
/// the same time (the write follows the check), each reporting from its own thread.
/// </summary>
public sealed class PlainProgress(Action<string> write) : IProgress<ImportProgress>
{
    private readonly Lock _lock = new();
    private readonly Dictionary<ImportPhase, long> _lastTenth = [];

    public void Report(ImportProgress value)
    {
        if (value.BytesTotal is not > 0) return;
        var tenth = value.BytesDone * 10 / value.BytesTotal.Value;
        lock (_lock)
        {
            if (_lastTenth.TryGetValue(value.Phase, out var last) && last == tenth) return;
            _lastTenth[value.Phase] = tenth;
            write($"{value.Phase.ToString().ToLowerInvariant()}: {tenth * 10}% ({value.Lines:N0} lines)");
        }
    }
}
