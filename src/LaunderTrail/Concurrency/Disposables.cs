using System.Runtime.ExceptionServices;

namespace LaunderTrail.Concurrency;

/// <summary>
/// Disposes several resources in order, each one whatever the ones before it threw, then rethrows the first failure:
/// a connection left undisposed because an earlier step failed would keep its locks and its transaction open.
/// </summary>
internal static class Disposables
{
    public static async ValueTask DisposeAllAsync(params IAsyncDisposable?[] resources)
    {
        ExceptionDispatchInfo? first = null;
        foreach (var resource in resources)
        {
            if (resource is null) continue;
            try
            {
                await resource.DisposeAsync();
            }
            catch (Exception e)
            {
                first ??= ExceptionDispatchInfo.Capture(e);
            }
        }

        first?.Throw();
    }
}
