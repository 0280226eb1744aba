namespace LaunderTrail.Cli.Rendering;

/// <summary>
/// One line per rebuilt case, written as it is reported: <see cref="Progress{T}"/> would post it to the thread pool,
/// where the last line could come after the summary.
/// </summary>
public sealed class RebuildProgress : IProgress<(string Case, long Facts)>
{
    public void Report((string Case, long Facts) value) =>
        Diagnostics.Note($"rebuilt case {value.Case} ({value.Facts:N0} facts so far)");
}
