using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.Logging.Abstractions;
using Registrar.Epp.Commands;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;
using Registrar.Epp.Sessions;
using Registrar.Epp.Transport;

namespace Registrar.Bench;

/// <summary>domain:check commands/s through the client against the registry simulator (1 and 4
/// sessions), beside raw TLS round trips/s on loopback with the same frame sizes (the physical
/// limit) and Net::EPP (Perl) against the same simulator.</summary>
public static class EppBenchmark
{
    // The machine is shared, so each figure is the median of several short rounds after a warm-up.
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Round = TimeSpan.FromSeconds(2);
    private const int Rounds = 3;

    public static async Task<int> RunAsync(string[] args)
    {
        var root = FindRoot();
        var simulatorDll = Path.Combine(root, "tools/Registrar.RegistrySimulator/bin/Release/net10.0/Registrar.RegistrySimulator.dll");
        if (!File.Exists(simulatorDll))
        {
            Console.Error.WriteLine($"The simulator is not built at {simulatorDll}; build with -c Release.");
            return 1;
        }

        var request = EppFrameWriter.Command(new DomainCheckCommand("bench-example.kz"), EppRegistryProfile.Ietf, "RGR-0190b3c6a1b27f0e9d2c4c1b2a3f4e5d");
        var response = CheckResponse("bench-example.kz", "RGR-0190b3c6a1b27f0e9d2c4c1b2a3f4e5d");
        Console.WriteLine($"Frame sizes: request {request.Length} B, response {response.Length} B; median of {Rounds} rounds of {Round.TotalSeconds:0} s per figure");

        var raw1 = await RawTlsRoundTripsAsync(request, response, connections: 1);
        var raw4 = await RawTlsRoundTripsAsync(request, response, connections: 4);

        await using var simulator = await Simulator.StartAsync(simulatorDll, root);
        var client1 = await ClientChecksAsync(simulator, sessions: 1);
        var client4 = await ClientChecksAsync(simulator, sessions: 4);
        var netEpp = await NetEppChecksAsync(root, simulator);

        Console.WriteLine();
        Console.WriteLine($"{"",-44}{"ops/s",12}{"client CPU µs/op",20}");
        Print("raw TLS round trips, 1 connection", raw1);
        Print("raw TLS round trips, 4 connections", raw4);
        Print("Registrar.Epp domain:check, 1 session", client1);
        Print("Registrar.Epp domain:check, 4 sessions", client4);
        Print("Net::EPP domain:check, 1 session", netEpp);
        Console.WriteLine("(raw TLS CPU counts both ends, client and echo server, in one process; the others count the client only)");
        Console.WriteLine();
        Console.WriteLine($"client / raw TLS (1):         {client1.OpsPerSecond / raw1.OpsPerSecond:P1}");
        Console.WriteLine($"client / raw TLS (4):         {client4.OpsPerSecond / raw4.OpsPerSecond:P1}");
        Console.WriteLine($"client 4 sessions / 1:        {client4.OpsPerSecond / client1.OpsPerSecond:0.00}x");
        if (netEpp.OpsPerSecond > 0)
        {
            Console.WriteLine($"client / Net::EPP (1):        {client1.OpsPerSecond / netEpp.OpsPerSecond:0.00}x throughput, " +
                              $"{client1.CpuMicrosPerOp / netEpp.CpuMicrosPerOp:0.00}x CPU per command");
        }
        else Console.WriteLine("Net::EPP: not measured (see above)");
        Console.WriteLine($"Load average while measuring: {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores");
        return 0;
    }

    /// <summary>Median throughput of the rounds, and CPU time the measuring process spent per operation
    /// (less sensitive than throughput to other load on a shared machine).</summary>
    private sealed record Figure(double OpsPerSecond, double CpuMicrosPerOp);

    private static void Print(string label, Figure figure) =>
        Console.WriteLine($"{label,-44}{figure.OpsPerSecond,12:N0}{figure.CpuMicrosPerOp,20:N1}");

    private static async Task<Figure> ClientChecksAsync(Simulator simulator, int sessions)
    {
        var options = new EppRegistryOptions
        {
            Host = "127.0.0.1", Port = simulator.EppPort, TlsServerName = "localhost", ClientId = "registrar1", Password = "secret-1",
            PinnedServerThumbprints = [simulator.Thumbprint], MaxSessions = sessions,
        };
        await using var client = EppClients.Create("bench", options, UnsharedEppSessionSlots.Instance, TimeProvider.System,
            NullLoggerFactory.Instance);
        var command = new DomainCheckCommand("bench-example.kz");
        return await MeasureAsync(sessions, _ => client.ExecuteAsync(command));
    }

    private static async Task<Figure> MeasureAsync(int workers, Func<int, Task> operation)
    {
        await RunForAsync(workers, operation, WarmUp);
        var cpu = Environment.CpuUsage.TotalTime;
        var rounds = new List<(long Count, double Seconds)>();
        for (var i = 0; i < Rounds; i++) rounds.Add(await RunForAsync(workers, operation, Round));
        return ToFigure(rounds, Environment.CpuUsage.TotalTime - cpu);
    }

    private static async Task<(long Count, double Seconds)> RunForAsync(int workers, Func<int, Task> operation, TimeSpan duration)
    {
        long count = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            while (stopwatch.Elapsed < duration)
            {
                await operation(worker);
                Interlocked.Increment(ref count);
            }
        })));
        return (count, stopwatch.Elapsed.TotalSeconds);
    }

    private static Figure ToFigure(List<(long Count, double Seconds)> rounds, TimeSpan cpu) =>
        new(Median(rounds.Select(r => r.Count / r.Seconds).ToList()), cpu.TotalMicroseconds / rounds.Sum(r => r.Count));

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>The physical limit: an in-process TLS echo server answering each request frame with a
    /// frame the size of the simulator's check answer, blocking I/O on dedicated threads at both ends
    /// (no thread-pool hops), and no XML built or parsed on either side.</summary>
    private static async Task<Figure> RawTlsRoundTripsAsync(byte[] request, byte[] response, int connections)
    {
        using var certificate = SelfSigned();
        var pinned = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        var framedRequest = EppFraming.Frame(request);
        var framedResponse = EppFraming.Frame(response);

        var clients = new List<SslStream>();
        var echoes = new List<Thread>();
        for (var i = 0; i < connections; i++)
        {
            var tcp = new TcpClient { NoDelay = true };
            var connecting = tcp.ConnectAsync((IPEndPoint)listener.LocalEndPoint!);
            var accepted = await listener.AcceptAsync();
            await connecting;
            accepted.NoDelay = true;
            var serverTls = new SslStream(new NetworkStream(accepted, ownsSocket: true));
            var clientTls = new SslStream(tcp.GetStream(), false, (_, c, _, _) => c?.GetCertHashString(HashAlgorithmName.SHA256) == pinned);
            await Task.WhenAll(
                serverTls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }),
                clientTls.AuthenticateAsClientAsync("localhost"));
            var echo = new Thread(() => Echo(serverTls, framedResponse)) { IsBackground = true };
            echo.Start();
            echoes.Add(echo);
            clients.Add(clientTls);
        }

        var buffer = new byte[connections][];
        for (var i = 0; i < connections; i++) buffer[i] = new byte[64 * 1024];
        var figure = MeasureBlocking(connections, worker =>
        {
            clients[worker].Write(framedRequest);
            ReadFrame(clients[worker], buffer[worker]);
        });
        foreach (var client in clients) await client.DisposeAsync();
        foreach (var echo in echoes) echo.Join();
        return figure;
    }

    private static void Echo(SslStream tls, byte[] framedResponse)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                ReadFrame(tls, buffer);
                tls.Write(framedResponse);
            }
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or ObjectDisposedException) { }
        finally
        {
            tls.Dispose();
        }
    }

    private static void ReadFrame(Stream stream, byte[] buffer)
    {
        stream.ReadExactly(buffer.AsSpan(0, EppFraming.HeaderLength));
        var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(buffer);
        stream.ReadExactly(buffer.AsSpan(0, length - EppFraming.HeaderLength));
    }

    private static Figure MeasureBlocking(int workers, Action<int> operation)
    {
        RunThreadsFor(workers, operation, WarmUp);
        var cpu = Environment.CpuUsage.TotalTime;
        var rounds = new List<(long Count, double Seconds)>();
        for (var i = 0; i < Rounds; i++) rounds.Add(RunThreadsFor(workers, operation, Round));
        return ToFigure(rounds, Environment.CpuUsage.TotalTime - cpu);
    }

    private static (long Count, double Seconds) RunThreadsFor(int workers, Action<int> operation, TimeSpan duration)
    {
        long count = 0;
        var stopwatch = Stopwatch.StartNew();
        var threads = Enumerable.Range(0, workers).Select(worker => new Thread(() =>
        {
            while (stopwatch.Elapsed < duration)
            {
                operation(worker);
                Interlocked.Increment(ref count);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return (count, stopwatch.Elapsed.TotalSeconds);
    }

    private static async Task<Figure> NetEppChecksAsync(string root, Simulator simulator)
    {
        var rounds = new List<Figure>();
        for (var i = 0; i < Rounds; i++)
        {
            var figure = await NetEppRoundAsync(root, simulator);
            if (figure is null) return new Figure(0, 0);
            rounds.Add(figure);
        }
        return rounds.OrderBy(r => r.OpsPerSecond).ElementAt(rounds.Count / 2);
    }

    /// <summary>One run of bench/Registrar.Bench/net-epp-check.pl (its own login and warm-up, then one round).</summary>
    private static async Task<Figure?> NetEppRoundAsync(string root, Simulator simulator)
    {
        var script = Path.Combine(root, "bench/Registrar.Bench/net-epp-check.pl");
        var info = new ProcessStartInfo("perl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { script, "127.0.0.1", simulator.EppPort.ToString(), "registrar1", "secret-1", Round.TotalSeconds.ToString() })
            info.ArgumentList.Add(arg);
        try
        {
            using var perl = Process.Start(info)!;
            var output = await perl.StandardOutput.ReadToEndAsync();
            var errors = await perl.StandardError.ReadToEndAsync();
            await perl.WaitForExitAsync();
            var rate = Regex.Match(output, @"checks_per_second=([\d.]+)");
            var cpu = Regex.Match(output, @"cpu_us_per_check=([\d.]+)");
            if (perl.ExitCode == 0 && rate.Success && cpu.Success)
                return new Figure(double.Parse(rate.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                    double.Parse(cpu.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            Console.WriteLine($"Net::EPP run failed (exit {perl.ExitCode}): {output}{errors}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Console.WriteLine($"Net::EPP not measured: perl cannot be started ({e.Message}); run scripts/setup.sh.");
        }
        return null;
    }

    private static byte[] CheckResponse(string name, string clTrid)
    {
        XNamespace epp = EppXml.Epp;
        XNamespace d = EppRegistryProfile.Ietf.DomainNamespace;
        return EppFrameWriter.Serialize(new XDocument(new XElement(epp + "epp", new XElement(epp + "response",
            new XElement(epp + "result", new XAttribute("code", 1000), new XElement(epp + "msg", "Command completed successfully")),
            new XElement(epp + "resData", new XElement(d + "chkData", new XAttribute(XNamespace.Xmlns + "domain", d),
                new XElement(d + "cd", new XElement(d + "name", new XAttribute("avail", "1"), name)))),
            new XElement(epp + "trID", new XElement(epp + "clTRID", clTrid), new XElement(epp + "svTRID", "SIM-0000000000000001"))))));
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Registrar.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run the benchmark from a clone of the repository.");
    }
}
