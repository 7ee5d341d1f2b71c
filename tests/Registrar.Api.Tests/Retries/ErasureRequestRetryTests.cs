using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Registrar.Api.Customers;
using Registrar.Api.Operations;
using Registrar.Api.Privacy;
using Registrar.Api.Tests.Banks;
using Registrar.Core.Calendars;
using Registrar.Core.Contracts;
using Registrar.Core.Customers;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Core.Zones;
using Registrar.Storage.Privacy;
using Registrar.Storage.Stores;
using Registrar.Testing;
using static Registrar.Api.Tests.Retries.RetryHarness;

namespace Registrar.Api.Tests.Retries;

/// <summary>UA-Pre-6 on Azurite: an erasure request retried after a failure half-way or a lost answer is recorded once, and
/// each registration is audited once and its termination raised under one event id, which the lifecycle takes once.</summary>
[Collection(RetryStorageCollection.Name)]
public sealed class ErasureRequestRetryTests
{
    private const string CustomerId = "cust-e";
    private static readonly string Ending = RegistrationIds.For("O00000000000000e1", 0);
    private static readonly string HeldUnderKz = RegistrationIds.For("O00000000000000e2", 0);

    private readonly RetryHarness _harness;
    private readonly FailingAudit<RegistrationAudit> _audit;
    private readonly BankHarness.RecordedEvents _events = new();
    private readonly ErasureRequestHandler _handler;

    public ErasureRequestRetryTests(AzuriteFixture azurite)
    {
        _harness = new RetryHarness(azurite);
        _audit = new FailingAudit<RegistrationAudit>(new AuditLog<RegistrationAudit>(_harness.Storage));
        var zones = ZoneCatalog.LoadEmbedded();
        var rules = new ContractRules(zones, BusinessCalendars.LoadEmbedded(), new ContractTermsCatalog(zones));
        var (orders, invoices) = (new OrderStore<Order>(_harness.Storage), new InvoiceStore<Invoice>(_harness.Storage));
        var openOrders = new ErasureRequestOrders(orders, invoices, new UnpaidOrdersEraser(orders, invoices, new HeldPaymentStore(_harness.Storage), _harness.Clock),
            new CustomerAccounts(new AccountStore<CustomerAccount, RegistrantData>(_harness.Storage)), rules, _harness.Clock, NullLogger<ErasureRequestOrders>.Instance);
        _handler = new ErasureRequestHandler(Authenticator(), new RegistrationViewStore(_harness.Storage), new ErasureRequestStore(_harness.Storage),
            new ErasureSchedule(_harness.Storage), _audit, new RegistrationActions(_events, _audit, null!, _harness.Clock), openOrders,
            new EarlierErasureRequests(new AuditSearch(_harness.Storage)), rules, _harness.Idempotency, _harness.Clock);
    }

    [Fact]
    public async Task An_erasure_request_retried_with_its_Idempotency_Key_gets_the_first_answer_and_audits_and_ends_each_registration_once_UA_Pre_6()
    {
        await HoldAsync();
        var (status, first) = await RecordAsync("erasure-1");
        _harness.Clock.Advance(TimeSpan.FromMinutes(5));

        var (retryStatus, retried) = await RecordAsync("erasure-1");

        Assert.Equal((202, 202), (status, retryStatus));
        Assert.Equal(first.GetRawText(), retried.GetRawText());
        Assert.Equal([Ending], first.GetProperty("domainsEnding").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(1, await _harness.RowsAsync("erasurerequests"));
        Assert.Single(_events.Raised);
        Assert.Equal([("erasure-requested", Start), ("termination", Start)], await AuditAsync(Ending));
        Assert.Equal([("erasure-requested", Start)], await AuditAsync(HeldUnderKz));
    }

    [Fact]
    public async Task An_erasure_request_whose_termination_audit_failed_is_completed_by_its_retry_under_the_same_event_id_and_audited_once_UA_Pre_6()
    {
        await HoldAsync();
        _audit.FailNext(entry => entry.Action == "termination");
        await Assert.ThrowsAsync<IOException>(() => RecordAsync("erasure-2"));
        _harness.Clock.Advance(TimeSpan.FromMinutes(5));

        var (status, _) = await RecordAsync("erasure-2");

        Assert.Equal(202, status);
        Assert.Equal(1, await _harness.RowsAsync("erasurerequests"));
        Assert.Equal(2, await _harness.RowsAsync("erasuresdue"));
        // Raised by each attempt, under one id: the lifecycle applies the second as a duplicate.
        var raised = _events.Raised.Cast<OperationsDecided>().ToList();
        Assert.Equal(2, raised.Count);
        Assert.Single(raised.Select(e => e.EventId).Distinct());
        Assert.All(raised, e => Assert.Equal(Start, e.DecidedAt));
        Assert.Equal([("erasure-requested", Start), ("termination", Start)], await AuditAsync(Ending));
        Assert.Equal([("erasure-requested", Start)], await AuditAsync(HeldUnderKz));
    }

    [Fact]
    public async Task A_second_erasure_request_for_registrations_an_earlier_one_covers_is_a_409_naming_it_and_records_nothing_UA_Pre_6()
    {
        await HoldAsync();
        var (status, _) = await RecordAsync("erasure-3");
        _harness.Clock.Advance(TimeSpan.FromMinutes(5));

        var (again, refused) = await RecordAsync("erasure-4");

        Assert.Equal((202, 409), (status, again));
        Assert.Contains("already covers every registration", refused.GetProperty("detail").GetString());
        Assert.Equal(1, await _harness.RowsAsync("erasurerequests"));
        Assert.Single(_events.Raised);
        Assert.Equal([("erasure-requested", Start), ("termination", Start)], await AuditAsync(Ending));
    }

    private async Task HoldAsync()
    {
        var views = new RegistrationViewStore(_harness.Storage);
        await views.RecordAsync(new RegistrationView(Ending, CustomerId, "shop.com.ua", "shop.com.ua", "com.ua", RegistrationPhase.Registered, Start.AddYears(1)), 1, default);
        await views.RecordAsync(new RegistrationView(HeldUnderKz, CustomerId, "shop.kz", "shop.kz", "kz", RegistrationPhase.Registered, Start.AddYears(1)), 1, default);
    }

    private async Task<(int Status, JsonElement Body)> RecordAsync(string idempotencyKey) =>
        await ReadAsync(await _handler.RecordAsync(Post("/api/ops/erasure-requests",
            new { customerId = CustomerId, repliedOn = DateOnly.FromDateTime(Start.Date), reference = "вх. 17/26", recordedBy = "Олена" }, idempotencyKey), default));

    /// <summary>The registration's audit entries as their actions and instants, by action: the request's entries share its instant.</summary>
    private async Task<List<(string, DateTimeOffset)>> AuditAsync(string registrationId) =>
        [.. (await _audit.ReadNewestFirstAsync(registrationId, 10, default).ToListAsync()).Select(e => (e.Action, e.At)).Order()];
}
