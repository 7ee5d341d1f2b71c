using System.Text.Json;
using Azure.Data.Tables;
using Registrar.Core.Contracts;
using Registrar.Core.Customers;
using Registrar.Core.Money;
using Registrar.Core.Operations;
using Registrar.Core.Orders;
using Registrar.Core.Privacy;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;
using Registrar.Core.Whois;
using Registrar.Core.Zones;
using Registrar.Storage.Configuration;
using Registrar.Storage.Privacy;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;
using Registrar.Testing;

namespace Registrar.Storage.Tests;

/// <summary>UA-Pre-6 on Azurite: a customer's claims, requests and lapsed unpaid orders rewritten with the person's data
/// replaced, while the ids, dates, numbers and amounts stay and other registrations' rows are left alone; a disclosure
/// (UA-1.16) never kept the values it gave, so there is nothing of the person in it to erase.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PersonalDataErasureOfCustomerRecordsTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2031, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private const string Name = "Олена Петренко-Квітка";
    private const string Email = "olena.kvitka@example.ua";
    private const string Phone = "+380.671234567";

    private static RegistrantData Person() => new(RegistrantKind.NaturalPerson,
        new PostalAddress("UA", "01001", "Київська", "Київ", "Хрещатик", "22", "7"), Email, Phone, null, Name);

    [Fact]
    public async Task A_registrations_claims_lose_their_texts_and_keep_their_dates_proof_and_status_UA_Pre_6()
    {
        var clients = TestStorage.Clients(azurite);
        var claims = new ClaimStore(clients);
        var filed = new Claim("C1", "O1-1", "cust-1", "kz", "example.kz", new DateOnly(2031, 1, 5),
            $"{Name} ({Phone}) was billed twice", "PAY-77", Now, Now.AddDays(10), "UA-5.1");
        await claims.CreateAsync(filed.AnsweredWith($"Dear {Name}, refunded", "ops-anna", Now.AddDays(2)), default);
        await claims.CreateAsync(filed with { ClaimId = "C2", Text = $"Write to {Email}" }, default);
        await claims.CreateAsync(filed with { ClaimId = "C3", RegistrationId = "O2-1" }, default);

        await claims.EraseForRegistrationAsync("O1-1", ErasedPersonalData.Erase, default);

        var answered = (await claims.GetAsync("C1", default))!.Document;
        Assert.Equal((ErasedPersonalData.Erased, ErasedPersonalData.Erased), (answered.Text, answered.Answer!.Text));
        Assert.Equal(("PAY-77", new DateOnly(2031, 1, 5), Now.AddDays(10), "ops-anna", true),
            (answered.ProofOfPayment, answered.DisputedOn, answered.AnswerBy, answered.Answer.By, answered.Answer.InTime));
        Assert.Equal(["answered", "open"], (await RowsAsync(clients, "claims", "O1-1")).Select(r => r.GetString("Status")).Order());
        Assert.All(await RowsAsync(clients, "claims", "O1-1"), row => AssertHoldsNone(row));
        Assert.Contains(Name, (await claims.GetAsync("C3", default))!.Document.Text);
    }

    [Fact]
    public async Task A_registrations_requests_lose_the_emails_registrants_and_identity_documents_they_name_and_keep_the_rest_UA_Pre_6()
    {
        var clients = TestStorage.Clients(azurite);
        var requests = new CustomerRequestStore(clients);
        var change = new CustomerRequestRecord("R1", "O1-1", "cust-1", new RegistrantChangeRequest(Person()), CustomerRequestStatus.AwaitingProof, Now);
        await requests.CreateAsync(change, default);
        await requests.TryProveAsync(change.Proved(RequestProof.IdentityDocuments, Now.AddHours(1), "ops-anna", "passport FX123456"), default);
        await requests.CreateAsync(new CustomerRequestRecord("R2", "O1-1", "cust-1", new ContactEmailChangeRequest(Email), CustomerRequestStatus.AwaitingProof, Now), default);
        await requests.CreateAsync(change with { RequestId = "R3", RegistrationId = "O2-1" }, default);

        await requests.EraseForRegistrationAsync("O1-1", ErasedPersonalData.Erase, default);

        var proved = (await requests.GetAsync("R1", default))!;
        var registrant = Assert.IsType<RegistrantChangeRequest>(proved.Request).Registrant;
        Assert.Equal((ErasedPersonalData.Erased, ErasedPersonalData.Erased, "UA", RegistrantKind.NaturalPerson),
            (registrant.FullName, registrant.Email, registrant.Address.Country, registrant.Kind));
        Assert.Equal((CustomerRequestStatus.Proved, RequestProof.IdentityDocuments, "ops-anna", Now.AddHours(1), ErasedPersonalData.Erased),
            (proved.Status, proved.Proof, proved.ProvedBy, proved.ProvedAt, proved.ProofReference));
        Assert.Equal(ErasedPersonalData.Erased, Assert.IsType<ContactEmailChangeRequest>((await requests.GetAsync("R2", default))!.Request).Email);
        Assert.All(await RowsAsync(clients, "customerrequests", "O1-1"), row => AssertHoldsNone(row));
        Assert.Equal(2, (await RowsAsync(clients, "customerrequests", "O1-1")).Count);
        Assert.Equal(Name, ((RegistrantChangeRequest)(await requests.GetAsync("R3", default))!.Request).Registrant.FullName);
    }

    [Fact]
    public async Task Only_the_customers_orders_whose_invoice_lapsed_unpaid_or_was_cancelled_and_unclaimed_are_erased_and_keep_their_invoice_number_UA_Pre_6()
    {
        var clients = TestStorage.Clients(azurite);
        var (orders, invoices, held) = (new OrderStore<Order>(clients), new InvoiceStore<Invoice>(clients), new HeldPaymentStore(clients));
        await PlaceAsync(orders, invoices, "O-LAPSED", Now.AddDays(-1), InvoiceStatus.Open);
        await PlaceAsync(orders, invoices, "O-PAYABLE", Now.AddDays(1), InvoiceStatus.Open);
        await PlaceAsync(orders, invoices, "O-CANCELLED", Now.AddDays(1), InvoiceStatus.Cancelled);
        await PlaceAsync(orders, invoices, "O-PAID", Now.AddDays(-1), InvoiceStatus.Paid);
        await PlaceAsync(orders, invoices, "O-HELD", Now.AddDays(-1), InvoiceStatus.Lapsed);
        await held.AddAsync(new HeldPayment(new HeldCredit("halyk:TX1", 6000m, "KZT", Now), "InvoiceLapsed", "late", "KZ-O-HELD", Now), default);

        var erased = await new UnpaidOrdersEraser(orders, invoices, held, new ManualClock(Now)).EraseAsync("cust-1", default);

        Assert.Equal(2, erased);
        Assert.Equal(ErasedPersonalData.Erased, (await orders.GetAsync("cust-1", "O-CANCELLED", default))!.Document.ContactEmail);
        var lapsed = (await orders.GetAsync("cust-1", "O-LAPSED", default))!.Document;
        Assert.Equal((ErasedPersonalData.Erased, "KZ-O-LAPSED", Now.AddDays(-30)), (lapsed.ContactEmail, lapsed.InvoiceNumber, lapsed.PlacedAt));
        var row = (await clients.Table("orders").GetEntityAsync<TableEntity>("cust-1", "O-LAPSED")).Value;
        AssertHoldsNone(row);
        Assert.Equal("placed", row.GetString("Status"));
        foreach (var kept in new[] { "O-PAYABLE", "O-PAID", "O-HELD" })
            Assert.Equal(Email, (await orders.GetAsync("cust-1", kept, default))!.Document.ContactEmail);
        Assert.Equal(Money.Of(6000m, Currency.Kzt), (await invoices.GetAsync("KZ-O-LAPSED", default))!.Document.Total);
    }

    [Fact]
    public async Task The_answers_kept_for_a_customers_retries_lose_their_bodies_and_keep_status_and_headers_and_another_customers_stay_UA_Pre_6()
    {
        var keys = new IdempotencyKeyStore(TestStorage.Clients(azurite));
        async Task AnswerAsync(string client, string key, string body)
        {
            var claim = await keys.ClaimAsync(client, key, "hash", Now, default);
            await keys.CompleteAsync(claim.Response, 201, "application/json", body, new Dictionary<string, string> { ["Location"] = "/api/claims/C1" }, default);
        }
        await AnswerAsync("claims:cust-1", "k1", $"{Name}, {Phone}");
        await AnswerAsync("claims:cust-1", "k2", Email);
        await AnswerAsync("claims:cust-10", "k1", Name);
        await keys.ClaimAsync("claims:cust-1", "k3", "hash", Now, default);

        var rewritten = await keys.EraseAnswersAsync("claims:cust-1", "{}", default);

        Assert.Equal(2, rewritten);
        foreach (var key in new[] { "k1", "k2" })
        {
            var kept = (await keys.FindAsync("claims:cust-1", key, default))!.Document;
            Assert.Equal((201, "{}", "/api/claims/C1"), (kept.StatusCode, kept.Body, kept.Headers!["Location"]));
        }
        Assert.Equal(Name, (await keys.FindAsync("claims:cust-10", "k1", default))!.Document.Body);
        Assert.False((await keys.FindAsync("claims:cust-1", "k3", default))!.Document.IsComplete);
    }

    [Fact]
    public async Task A_disclosure_keeps_who_asked_on_what_basis_who_approved_and_which_fields_and_none_of_the_values_it_gave_UA_Pre_6()
    {
        var clients = TestStorage.Clients(azurite);
        var disclosures = new DisclosureRequestStore(clients);
        var holder = new RegisteredDomain(new RegistrationView("O1-1", "cust-1", "example.kz", "example.kz", "kz", RegistrationPhase.Registered, Now.AddYears(1)), Person());
        var recorded = await disclosures.CreateAsync(new DisclosureRequest("D1", "example.kz", "O1-1", "Cyber police", "Law 2657-XII art. 7", "No. 12/3 of 2031-03-01",
            [WhoisField.RegistrantName, WhoisField.RegistrantEmail, WhoisField.RegistrantPhone], "ops-anna", Now), default);
        var approved = await disclosures.UpdateAsync(recorded, recorded.Document.Approve("ops-petro", Now.AddHours(1)).Request!, default);
        var step = approved.Document.Disclose(holder, "ops-petro", Now.AddHours(2));

        await disclosures.UpdateAsync(approved, step.Request!, default);

        Assert.Equal(Name, step.Values[WhoisField.RegistrantName]);
        var kept = (await disclosures.GetAsync("D1", default))!.Document;
        Assert.Equal(("Cyber police", "Law 2657-XII art. 7", "ops-petro", DisclosureStatus.Disclosed),
            (kept.Requester, kept.LegalBasis, kept.Decision!.By, kept.Status));
        Assert.Equal([WhoisField.RegistrantName, WhoisField.RegistrantEmail, WhoisField.RegistrantPhone], kept.Disclosure!.Fields.Order());
        AssertHoldsNone((await clients.Table("disclosurerequests").GetEntityAsync<TableEntity>("D1", "D1")).Value);
    }

    private static async Task PlaceAsync(OrderStore<Order> orders, InvoiceStore<Invoice> invoices, string orderId, DateTimeOffset dueAt, InvoiceStatus status)
    {
        var number = "KZ-" + orderId;
        var order = new Order(orderId, "cust-1", Now.AddDays(-30), [], Email, null, Person(), TechnicalContact.Registrant,
            new OfferAcceptance("v1", Now.AddDays(-30), "cust-1", true), number);
        await orders.CreateAsync("cust-1", orderId, order, "placed", default);
        await invoices.CreateAsync(number, "cust-1", new Invoice(number, orderId, "cust-1", Money.Of(6000m, Currency.Kzt), Now.AddDays(-30), dueAt, status),
            status.ToString(), default);
    }

    private static async Task<List<TableEntity>> RowsAsync(StorageClients clients, string table, string registrationId) =>
        await clients.Table(table).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RegistrationId eq {registrationId}")).ToListAsync();

    /// <summary>Neither as written nor as the stored JSON escapes it.</summary>
    private static void AssertHoldsNone(TableEntity row)
    {
        var text = string.Join('|', row.Select(c => c.Value?.ToString()));
        foreach (var personal in new[] { Name, Email, Phone, "Хрещатик", "FX123456" })
        {
            Assert.DoesNotContain(personal, text, StringComparison.Ordinal);
            Assert.DoesNotContain(JsonSerializer.Serialize(personal, DocumentTable.Json)[1..^1], text, StringComparison.Ordinal);
        }
    }
}
