namespace LaunderTrail.Cli.Rendering;

/// <summary>Reports on the reporting thread, in order: <see cref="Progress{T}"/> posts each report to the thread pool.</summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
