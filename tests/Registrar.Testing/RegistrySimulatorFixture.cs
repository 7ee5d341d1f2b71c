using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Registrar.Testing;

/// <summary>The registry simulator (tools/Registrar.RegistrySimulator) started as a process on free
/// loopback ports, with its control API wrapped for tests. Test projects using it add a
/// ProjectReference to the simulator with ReferenceOutputAssembly="false" so it is built first.</summary>
public class RegistrySimulatorFixture : IAsyncLifetime
{
    public const string Registrar1 = "registrar1";
    public const string Password1 = "secret-1";
    public const string Registrar2 = "registrar2";
    public const string Password2 = "secret-2";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private ChildProcess? _process;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public int EppPort { get; private set; }
    public Uri ControlUri { get; private set; } = null!;
    /// <summary>SHA-256 (hex) of the self-signed certificate the simulator made at start, for pinning.</summary>
    public string CertificateSha256 { get; private set; } = "";
    public string Output => _process?.Output ?? "";

    /// <summary>Extra command-line flags (e.g. "--session-cap", "2") for a derived fixture.</summary>
    protected virtual IEnumerable<string> ExtraArguments => [];

    public async Task InitializeAsync()
    {
        var dll = RepositoryPaths.BuiltAssembly("tools/Registrar.RegistrySimulator", "Registrar.RegistrySimulator");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"The registry simulator is not built at {dll}: reference its project with ReferenceOutputAssembly=\"false\".");
        _process = ChildProcess.Start("dotnet",
            [dll, "--epp-port", "0", "--control-port", "0", "--schemas", RepositoryPaths.EppSchemas, .. ExtraArguments]);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var output = _process.Output;
            var epp = Regex.Match(output, @"EPP listening on 127\.0\.0\.1:(\d+)");
            var control = Regex.Match(output, @"Control listening on (http://127\.0\.0\.1:\d+)");
            var certificate = Regex.Match(output, @"TLS certificate SHA-256 ([0-9A-F]+)");
            if (epp.Success && control.Success && certificate.Success)
            {
                CertificateSha256 = certificate.Groups[1].Value;
                EppPort = int.Parse(epp.Groups[1].Value);
                ControlUri = new Uri(control.Groups[1].Value + "/");
                return;
            }
            if (_process.HasExited || DateTime.UtcNow > deadline)
                throw new InvalidOperationException($"The registry simulator did not start. Output:\n{output}");
            await Task.Delay(50);
        }
    }

    public async Task<SimulatorStats> GetStatsAsync() =>
        (await _http.GetFromJsonAsync<SimulatorStats>(new Uri(ControlUri, "stats"), Json))!;

    /// <summary>How many times the simulator executed one command type ("domain:create" …).</summary>
    public async Task<long> CountAsync(string command) =>
        (await GetStatsAsync()).Commands.GetValueOrDefault(command);

    public async Task<DateTimeOffset> GetClockAsync() =>
        (await _http.GetFromJsonAsync<ClockBody>(new Uri(ControlUri, "clock"), Json))!.Now;

    public async Task<DateTimeOffset> SetClockAsync(DateTimeOffset now) =>
        await SendAsync<ClockBody>(HttpMethod.Put, "clock", new ClockBody(now)) is { } body ? body.Now : now;

    public async Task<DateTimeOffset> AdvanceClockAsync(TimeSpan by) =>
        (await SendAsync<ClockBody>(HttpMethod.Post, "clock/advance", new { by = by.ToString("c") }))!.Now;

    public async Task SetFaultsAsync(SimulatorFaults faults) => await SendAsync<SimulatorFaults>(HttpMethod.Put, "faults", faults);

    public Task ClearFaultsAsync() => SetFaultsAsync(new SimulatorFaults());

    /// <summary>Clears domains, contacts, hosts, poll queues, faults and counters (the clock is kept).</summary>
    public async Task ResetAsync() => await SendAsync<object>(HttpMethod.Post, "reset", null);

    /// <summary>The simulator's own view of a domain, or null when it is not registered.</summary>
    public async Task<JsonElement?> GetDomainAsync(string name)
    {
        using var response = await _http.GetAsync(new Uri(ControlUri, "domains/" + Uri.EscapeDataString(name)));
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json);
    }

    /// <summary>The simulator's own view of a contact (its postal infos, voice and e-mail under "details"), or null when it does
    /// not exist.</summary>
    public async Task<JsonElement?> GetContactAsync(string id)
    {
        using var response = await _http.GetAsync(new Uri(ControlUri, "contacts/" + Uri.EscapeDataString(id)));
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json);
    }

    /// <summary>RFC 5733 section 3.2.5: the registry reviews the contact's updates by hand, answering each 1001 until decided.</summary>
    public async Task SetContactUnderReviewAsync(string id, bool underReview) =>
        await SendAsync<object>(HttpMethod.Put, $"contacts/{Uri.EscapeDataString(id)}/review", new { underReview });

    /// <summary>The review decides the contact's held update; its sponsor is told by a contact:panData poll message (RFC 5733 section 3.3).</summary>
    public async Task DecideContactReviewAsync(string id, bool approved) =>
        await SendAsync<object>(HttpMethod.Post, $"contacts/{Uri.EscapeDataString(id)}/review/decision", new { approved });

    /// <summary>The names of every domain the simulator holds, whoever sponsors it.</summary>
    public async Task<IReadOnlyList<string>> ListDomainsAsync() =>
        (await _http.GetFromJsonAsync<List<string>>(new Uri(ControlUri, "domains"), Json))!;

    /// <summary>KZ-2.3: the name servers the simulator holds for a domain (host names as the registry keeps them).</summary>
    public async Task<IReadOnlyList<string>> GetNameServersAsync(string name) =>
        await GetDomainAsync(name) is { } domain ? [.. domain.GetProperty("nameServers").EnumerateArray().Select(n => n.GetString()!)] : [];

    /// <summary>UA-2.3.1, KZ-App-2: the statuses the simulator holds for a domain (client and server statuses alike).</summary>
    public async Task<IReadOnlyList<string>> GetStatusesAsync(string name) =>
        await GetDomainAsync(name) is { } domain ? [.. domain.GetProperty("statuses").EnumerateArray().Select(n => n.GetString()!)] : [];

    /// <summary>Sets or clears server statuses (serverHold, serverTransferProhibited …) on a domain.</summary>
    public async Task SetServerStatusesAsync(string domain, IReadOnlyList<string>? add = null, IReadOnlyList<string>? remove = null) =>
        await SendAsync<JsonElement>(HttpMethod.Post, $"domains/{Uri.EscapeDataString(domain)}/statuses", new { add, remove });

    /// <summary>Makes a registrar's account unable to pay (create, renew, transfer, restore answer 2104).</summary>
    public async Task SetBillingBlockedAsync(string registrar, bool blocked) =>
        await SendAsync<object>(HttpMethod.Put, $"registrars/{Uri.EscapeDataString(registrar)}/billing", new { blocked });

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_process is not null) await _process.DisposeAsync();
    }

    private async Task<T?> SendAsync<T>(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(ControlUri, path));
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        using var response = await _http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response.Content.Headers.ContentLength is 0 or null && response.StatusCode == System.Net.HttpStatusCode.NoContent
            ? default
            : await response.Content.ReadFromJsonAsync<T>(Json);
    }

    private sealed record ClockBody(DateTimeOffset Now);
}

public sealed record SimulatorStats(IReadOnlyDictionary<string, long> Commands, int Sessions);

/// <summary>The simulator's PUT /faults body; rates are probabilities per command (1.0 = always).</summary>
public sealed record SimulatorFaults
{
    public double DropBeforeExecuteRate { get; init; }
    public double DropAfterExecuteRate { get; init; }
    public int DelayMs { get; init; }
    public double FailRate { get; init; }
    public int FailCode { get; init; } = 2400;
    /// <summary>Command names the faults apply to ("domain:create" …); empty = every command.</summary>
    public IReadOnlyList<string> Commands { get; init; } = [];
    public int Seed { get; init; } = 1;
}
