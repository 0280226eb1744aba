using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace LaunderTrail.Storage;

/// <summary>
/// The loopback port of the private cluster, remembered in a file so that later runs (and other tools pointed at
/// it) find the server at the same address.
/// </summary>
internal sealed class PrivateClusterPort(string portFile, Action<string> log)
{
    public int ChooseForStart()
    {
        var port = Remembered() switch
        {
            null => FreePort(),
            int remembered when IsFree(remembered) => remembered,
            int taken => MovedAwayFrom(taken),
        };
        File.WriteAllText(portFile, port.ToString(CultureInfo.InvariantCulture));
        return port;
    }

    private int? Remembered() =>
        File.Exists(portFile) && int.TryParse(File.ReadAllText(portFile).Trim(), CultureInfo.InvariantCulture, out var port)
            ? port
            : null;

    private int MovedAwayFrom(int takenPort)
    {
        var port = FreePort();
        log($"Port 127.0.0.1:{takenPort} of the private PostgreSQL is taken by something else; moving to port {port}.");
        return port;
    }

    private static bool IsFree(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
