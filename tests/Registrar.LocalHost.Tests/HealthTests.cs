using System.Net;
using Registrar.Testing;

namespace Registrar.LocalHost.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task The_local_host_started_as_a_process_answers_health()
    {
        var port = FreeTcpPort.Next();
        await using var host = ChildProcess.Start("dotnet",
            [RepositoryPaths.BuiltAssembly("src/Registrar.LocalHost", "Registrar.LocalHost"), "--urls", $"http://127.0.0.1:{port}"]);
        await FreeTcpPort.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(30), () => host.Output);

        using var http = new HttpClient();
        var response = await http.GetAsync($"http://127.0.0.1:{port}/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
