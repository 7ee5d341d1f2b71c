using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Registrar.Api.Http;
using Registrar.Api.Operations;
using Registrar.Api.Security;
using Registrar.Api.Tests.Retries;
using Registrar.Api.Whois;
using Registrar.Core.Customers;
using Registrar.Core.Money;
using Registrar.Core.Names;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Core.Tariffs;
using Registrar.Core.Zones;
using Registrar.Storage.Configuration;
using Registrar.Storage.Metering;
using Registrar.Storage.Stores;
using Registrar.Testing;

namespace Registrar.Api.Tests.Whois;

/// <summary>One Azurite for the tests of this folder that need storage: each harness keeps its tables apart by name prefix.</summary>
[CollectionDefinition(Name)]
public sealed class WhoisStorageCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "whois on azurite";
}

/// <summary>The disclosure endpoints as both hosts build them, on Azurite: views and orders say which domains are held.</summary>
public sealed class DisclosureHarness
{
    public const string OperationsKey = RetryHarness.OperationsKey;
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(2));

    public DisclosureHarness(AzuriteFixture azurite)
    {
        Storage = new StorageClients(new StorageOptions { ConnectionString = azurite.ConnectionString, NamePrefix = "w" + Guid.NewGuid().ToString("N")[..10] },
            new StorageMeter());
        (Views, Orders, Requests, Audit) = (new RegistrationViewStore(Storage), new OrderStore<Order>(Storage), new DisclosureRequestStore(Storage),
            new FailingAudit<DisclosureAudit>(new AuditLog<DisclosureAudit>(Storage)));
        Registrants = new RegistrantRecordStore(Storage);
        Directory = new RegisteredDomainDirectory(Views, Orders, Registrants);
        var zones = ZoneCatalog.LoadEmbedded();
        RegistrationAudit = new AuditLog<RegistrationAudit>(Storage);
        Handlers = new DisclosureHandlers(RetryHarness.Authenticator(), new DomainNameParser(zones, RefusalList.LoadEmbedded()), Directory, Requests, Audit,
            RegistrationAudit, new IdempotentRequests(new IdempotencyKeyStore(Storage), Clock), Clock);
    }

    public StorageClients Storage { get; }

    public AuditLog<RegistrationAudit> RegistrationAudit { get; }
    public FakeTimeProvider Clock { get; } = new(Start);
    public RegistrationViewStore Views { get; }
    public OrderStore<Order> Orders { get; }
    public RegistrantRecordStore Registrants { get; }
    public RegisteredDomainDirectory Directory { get; }
    public DisclosureRequestStore Requests { get; }
    /// <summary>The audit log, with a failure to inject after a step was stored.</summary>
    public FailingAudit<DisclosureAudit> Audit { get; }
    public DisclosureHandlers Handlers { get; }

    /// <summary>An order of <paramref name="domain"/> and its registration in <paramref name="phase"/>, as the lifecycle records it.</summary>
    public async Task<string> HoldAsync(string domain, string zone, RegistrantData? registrant, RegistrationPhase phase = RegistrationPhase.Registered,
        string? orderId = null, string customerId = "cust-w")
    {
        orderId ??= $"O{Guid.NewGuid():N}"[..17].ToUpperInvariant();
        var price = Money.Of(1000m, Currency.Uah);
        var order = new Order(orderId, customerId, Start,
            [new OrderLine(domain, domain, zone, 1, new PriceQuote(zone, TariffOperation.Register, 1, price, price, Start, Start), false, null)],
            $"{customerId}@mail.example", registrant is null ? "UA-NIC-1" : null, registrant, TechnicalContact.Registrant,
            new OfferAcceptance("v1", Start, customerId, true), "INV-1");
        await Orders.CreateAsync(customerId, orderId, order, "paid", default);
        var registrationId = RegistrationIds.For(orderId, 0);
        await Views.RecordAsync(new RegistrationView(registrationId, customerId, domain, domain, zone, phase,
            phase == RegistrationPhase.Registered ? Start.AddYears(1) : null), 1, default);
        return registrationId;
    }

    public static HttpRequest Post(object? body, string key = OperationsKey, string? idempotencyKey = null) => Request("POST", body, key, idempotencyKey);

    public static HttpRequest Get(string key = OperationsKey) => Request("GET", null, key, null);

    public static async Task<(int Status, JsonElement Body)> ReadAsync(IResult result)
    {
        var (status, _, body) = await WhoisSamples.RunAsync(result);
        return (status, body.Length == 0 ? default : JsonDocument.Parse(body).RootElement);
    }

    /// <summary>Rows in the tables a disclosure writes to: what "nothing changed" is measured by.</summary>
    public async Task<int> RowsAsync()
    {
        var rows = 0;
        foreach (var table in new[] { "disclosurerequests", "audit" })
        {
            var client = Storage.Table(table);
            await client.CreateIfNotExistsAsync();
            await foreach (var _ in client.QueryAsync<Azure.Data.Tables.TableEntity>(select: ["PartitionKey"])) rows++;
        }
        return rows;
    }

    private static HttpRequest Request(string method, object? body, string key, string? idempotencyKey)
    {
        // An answer kept for an Idempotency-Key is written out with the request's services.
        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddLogging().AddProblemDetails()
                .ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter())).BuildServiceProvider(),
        };
        context.Request.Method = method;
        context.Request.Headers[ClientAuthenticator.KeyHeader] = key;
        if (idempotencyKey is not null) context.Request.Headers[IdempotentRequests.Header] = idempotencyKey;
        if (body is not null)
        {
            var bytes = body as byte[] ?? JsonSerializer.SerializeToUtf8Bytes(body, JsonSerializerOptions.Web);
            context.Request.ContentType = "application/json";
            context.Request.ContentLength = bytes.Length;
            context.Request.Body = new MemoryStream(bytes);
        }
        return context.Request;
    }
}
