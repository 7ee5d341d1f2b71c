using System.Net;
using System.Net.Sockets;

namespace Registrar.Testing;

public static class FreeTcpPort
{
    /// <summary>A loopback port the OS just handed out and released, for a child process to bind.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <param name="exited">Whether the process meant to listen has ended: then nothing will, and the wait ends at once.</param>
    public static async Task WaitUntilListeningAsync(int port, TimeSpan timeout, Func<string> diagnostics, Func<bool>? exited = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (exited?.Invoke() == true) throw new TimeoutException($"The process meant to listen on 127.0.0.1:{port} ended. {diagnostics()}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException($"Nothing listened on 127.0.0.1:{port} within {timeout}. {diagnostics()}");
    }
}
