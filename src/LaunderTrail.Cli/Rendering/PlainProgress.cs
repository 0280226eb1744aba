using LaunderTrail.Import;

namespace LaunderTrail.Cli.Rendering;

/// <summary>Progress for logs and pipes: one line per phase per tenth of the input, no control characters.</summary>
public sealed class PlainProgress(Action<string> write) : IProgress<ImportProgress>
{
    private (ImportPhase Phase, long Tenth) _last = (ImportPhase.Checking, -1);

    public void Report(ImportProgress value)
    {
        if (value.BytesTotal is not > 0) return;
        var tenth = value.BytesDone * 10 / value.BytesTotal.Value;
        if ((value.Phase, tenth) == _last) return;
        _last = (value.Phase, tenth);
        write($"{value.Phase.ToString().ToLowerInvariant()}: {tenth * 10}% ({value.Lines:N0} lines)");
    }
}
