using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Registrar.Api.Billing;
using Registrar.Core.Calendars;
using Registrar.Core.Deadlines;
using Registrar.Core.Lifecycle;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Core.Tariffs;
using Registrar.Core.Zones;
using Registrar.Storage.Configuration;
using Registrar.Storage.Metering;
using Registrar.Storage.Stores;
using Registrar.Testing;

namespace Registrar.Api.Tests.Billing;

/// <summary>The renewal invoice flow as both hosts build it, on Azurite with a number series of its own; the invoice
/// store may be another harness's, so that a test can pay what the flow issued.</summary>
public sealed class RenewalInvoices
{
    public static readonly ZoneCatalog Zones = ZoneCatalog.LoadEmbedded();
    public static readonly ZoneDeadlines Deadlines = new(Zones, BusinessCalendars.LoadEmbedded());

    public RenewalInvoices(AzuriteFixture azurite, FakeTimeProvider clock, IInvoiceStore<Invoice>? invoices = null, TariffSchedule? tariffs = null)
    {
        var clients = new StorageClients(
            new StorageOptions { ConnectionString = azurite.ConnectionString, NamePrefix = "r" + Guid.NewGuid().ToString("N")[..10] }, Meter);
        Clock = clock;
        Invoices = invoices ?? new InvoiceStore<Invoice>(clients);
        Flow = new IssueRenewalInvoiceFlow(tariffs ?? TariffSchedule.LoadEmbedded(Zones), Zones, Deadlines, new RenewalIssueInstants(clients),
            Invoices, Events, clock, NullLogger<IssueRenewalInvoiceFlow>.Instance);
    }

    public StorageMeter Meter { get; } = new();

    public FakeTimeProvider Clock { get; }
    public IInvoiceStore<Invoice> Invoices { get; }
    public RaisedEvents Events { get; } = new();
    public IssueRenewalInvoiceFlow Flow { get; }

    /// <summary>What the decider would ask for a registration of <paramref name="zone"/>; without <paramref name="askedAt"/>, as
    /// commands stored before they carried it.</summary>
    public static IssueRenewalInvoice Command(string commandId, string zone = "kz", string domain = "shop.kz",
        TariffOperation operation = TariffOperation.Renew, DateTimeOffset? dueAt = null, DateTimeOffset? askedAt = null) =>
        new(commandId, "O00000000000000a1-1", "cust-r", zone, domain, 1, operation, dueAt ?? new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.FromHours(5)),
            askedAt);

    public Task<Invoice> IssueAsync(IssueRenewalInvoice command) => Flow.CarryOutAsync(command, default);

    /// <summary>The events raised, with the registration each was raised to.</summary>
    public sealed class RaisedEvents : ILifecycleEvents<RegistrationEvent>
    {
        public List<(string InstanceId, RegistrationEvent Event)> Raised { get; } = [];

        public Task RaiseAsync(string instanceId, string eventId, RegistrationEvent @event, CancellationToken cancellationToken)
        {
            lock (Raised) Raised.Add((instanceId, @event));
            return Task.CompletedTask;
        }
    }
}
