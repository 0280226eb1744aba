using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
namespace LaunderTrail.Cli.Soak;

/// <summary>
/// One <c>laundertrail serve</c> process on 127.0.0.1 and a port of its own, named in PostgreSQL by its application
/// name, so a test can see which node holds what, and kill it as a crash would (SIGKILL: no shutdown, no lock released
/// by the process itself).
/// </summary>
public sealed class ServeNode : IAsyncDisposable
{
    private readonly Process process;

    private ServeNode(string name, Process process, Uri address)
    {
        Name = name;
        this.process = process;
        Address = address;
    }

    public string Name { get; }
    public Uri Address { get; }
    public bool IsRunning => !process.HasExited;

    /// <param name="address">Where it listens; a free port on 127.0.0.1 when not given (a restart passes the old one).</param>
    public static async Task<ServeNode> StartAsync(string name, string connectionString, string schema, CancellationToken ct,
        Uri? address = null)
    {
        address ??= new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(LaunderTrailApp).Assembly.Location);
        foreach (var arg in new[] { "serve", "--db", $"{connectionString};Application Name={name}", "--schema", schema, "--urls", address.ToString().TrimEnd('/') })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var node = new ServeNode(name, process, address);
        using var client = new HttpClient { BaseAddress = address };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"{name} exited with code {process.ExitCode} before it answered");
            try
            {
                await client.GetAsync("/cases/none/status", ct);
                return node;
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(200, ct);
            }
        }
    }

    public void Kill() => process.Kill(entireProcessTree: true);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
