using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registrar.Core.Calendars;
using Registrar.Core.Customers;
using Registrar.Core.Deadlines;
using Registrar.Core.Lifecycle;
using Registrar.Core.Registrations;
using Registrar.Core.Zones;
using Registrar.Storage.Configuration;
using Registrar.Storage.Lifecycle;
using Registrar.Storage.Tables;
using Registrar.Testing;

namespace Registrar.Bench;

/// <summary>The local host starting on storage that already holds N live registrations: how long until it answers
/// <c>/health</c>, and its working set once it has run a while (its sweeps and recovery passes over those
/// registrations included). Each registration is what the real decider leaves after the payment and the registry's
/// create: its state row and its renewal timer, written straight to Azurite before the host starts.</summary>
/// <remarks>Usage: <c>start [--registrations N] [--settle S]</c>; defaults 100,000 and 30 s.</remarks>
public static class StartBenchmark
{
    private const double HealthGoalSeconds = 2;
    private const double WorkingSetGoalMegabytes = 300;

    public static async Task<int> RunAsync(string[] args)
    {
        var registrations = BenchArguments.Option(args, "--registrations", 100_000);
        var settle = TimeSpan.FromSeconds(BenchArguments.Option(args, "--settle", 30));
        var product = BenchHost.Product();
        await product.StartDependenciesAsync();
        try
        {
            Console.WriteLine($"Start benchmark: the local host on {registrations:N0} live registrations, {Environment.ProcessorCount} cores.");
            var watch = Stopwatch.StartNew();
            await SeedAsync(product.Storage, registrations);
            Console.WriteLine($"seeded    {registrations:N0} registered domains (state and renewal timer) in {watch.Elapsed.TotalSeconds:N0} s");

            watch.Restart();
            await product.StartHostAsync();
            using var client = product.Anonymous();
            while (!(await client.GetAsync("health")).IsSuccessStatusCode) await Task.Delay(20);
            var healthy = watch.Elapsed.TotalSeconds;
            Console.WriteLine($"start     /health answered {healthy,6:N2} s after the host process started   goal <= {HealthGoalSeconds} s   ratio {HealthGoalSeconds / healthy:N2}");

            await Task.Delay(settle);
            using var operations = product.Operations();
            var backlog = await operations.GetFromJsonAsync<JsonElement>("ops/lifecycle/backlog");
            var (resident, peak) = Memory(product.HostProcessId!.Value);
            Console.WriteLine($"memory    after {settle.TotalSeconds:N0} s: working set {resident,6:N0} MB, peak {peak,6:N0} MB   goal < {WorkingSetGoalMegabytes} MB   ratio {WorkingSetGoalMegabytes / peak:N2}");
            Console.WriteLine($"          the host's backlog then: {backlog.GetRawText()}");
            return 0;
        }
        finally
        {
            await product.DisposeAsync();
        }
    }

    private static async Task SeedAsync(AzuriteFixture azurite, int registrations)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = azurite.ConnectionString })
            .Build();
        services.AddRegistrarStorage(configuration);
        services.AddLifecycleRuntime<RegistrationState, RegistrationEvent, RegistrationCommand, RegistrationDecider>(configuration);
        await using var provider = services.BuildServiceProvider();
        var tables = provider.GetRequiredService<LifecycleTables<RegistrationEvent, RegistrationCommand>>();
        var layout = await tables.LayoutAsync(default);
        var decider = new RegistrationDecider(new ZoneDeadlines(ZoneCatalog.LoadEmbedded(), BusinessCalendars.LoadEmbedded()));
        var paidAt = DateTimeOffset.UtcNow;
        await Parallel.ForEachAsync(Enumerable.Range(0, registrations), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, ct) =>
        {
            var (id, state, wakeAt) = Registered(decider, i, paidAt);
            await tables.TimerWrites.UpsertAsync(tables.TimerEntity(id, wakeAt), ct);
            await tables.InstancesOf(id).AddEntityAsync(layout.StateEntity(
                id, JsonSerializer.Serialize(state, DocumentTable.Json), 2, terminal: false, wakeAt, nextWakeShard: null, paidAt), ct);
        });
    }

    /// <summary>The state the real decider reaches for a paid .kz order once the registry created the domain.</summary>
    private static (string Id, RegistrationState State, DateTimeOffset WakeAt) Registered(RegistrationDecider decider, int i, DateTimeOffset paidAt)
    {
        var id = "seed-" + i.ToString("D6", CultureInfo.InvariantCulture) + "-1";
        var name = $"seed{i}.kz";
        var order = new RegistrationOrder("seed-" + i, "seed-customer-" + i, name, name, "kz", 1, $"seed{i}@mail.example.org",
            "H-" + i, null, TechnicalContact.Registrant, false, null, "ru");
        var paid = decider.Decide(decider.InitialState(id), new RegistrationPaid("paid", order, paidAt), paidAt);
        var created = decider.Decide(paid.State, new RegistryAnswered("created", paid.State.AwaitedCommandId!, new DomainCreated(paidAt.AddYears(1))), paidAt);
        return (id, created.State, created.WakeAt ?? throw new InvalidOperationException("A registered domain waits for its renewal."));
    }

    /// <summary>VmRSS and VmHWM from /proc: the host's working set now and its high-water mark, in MB.</summary>
    private static (double Resident, double Peak) Memory(int processId)
    {
        var lines = File.ReadLines($"/proc/{processId}/status").ToList();
        double Read(string key) => double.Parse(lines.First(l => l.StartsWith(key, StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        return (Read("VmRSS:"), Read("VmHWM:"));
    }
}
