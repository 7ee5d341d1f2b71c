using System.Text.Json;
using Registrar.Core.Customers;
using Registrar.Core.Money;
using Registrar.Core.Orders;
using Registrar.Core.Persistence;
using Registrar.Core.Privacy;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;
using Registrar.Core.Tariffs;

namespace Registrar.Core.Tests.Privacy;

public sealed class ErasedPersonalDataTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(2));

    private static readonly RegistrantData Person = new(RegistrantKind.NaturalPerson,
        new PostalAddress("UA", "01001", "Київська", "Ірпінь", "Соборна", "17", "42"), "olena.kovalchuk@example.ua", "+380.671112233",
        FullName: "Ковальчук Олена Петрівна");

    private static readonly RegistrantData TechnicalPerson = Person with { Email = "admin.petro@example.ua", FullName = "Петренко Петро" };

    private static readonly string[] PersonalValues =
        ["Ковальчук", "olena.kovalchuk", "admin.petro", "Петренко", "+380.671112233", "Соборна", "Ірпінь", "01001", "new.olena@example.ua"];

    private static readonly Money.Money Price = Money.Money.Of(400m, Currency.Uah);

    private static Order Order => new("O1", "cust-1", At,
        [new OrderLine("example.com.ua", "example.com.ua", "com.ua", 1,
            new PriceQuote("com.ua", TariffOperation.Register, 1, Price, Price, At.AddYears(-1), At), false, null)],
        "olena.kovalchuk@example.ua", null, Person, new TechnicalContact(TechnicalContactKind.Person, TechnicalPerson),
        new OfferAcceptance("2025-01", At, "cust-1", true), "UA-2603-00017-4");

    private static string Stored<T>(T document) => JsonSerializer.Serialize(document, StoredJson.Options);

    private static void AssertNoPersonalData<T>(T document)
    {
        var json = Stored(document);
        Assert.All(PersonalValues, value => Assert.DoesNotContain(value, json));
    }

    [Fact]
    public void UA_Pre_6_an_erased_order_keeps_what_the_accounts_need_with_the_persons_data_replaced()
    {
        var erased = ErasedPersonalData.Erase(Order);

        AssertNoPersonalData(erased);
        Assert.Equal((ErasedPersonalData.Erased, ErasedPersonalData.Erased, ErasedPersonalData.Erased),
            (erased.ContactEmail, erased.Registrant!.FullName, erased.TechnicalContact.Person!.Email));
        Assert.Equal((RegistrantKind.NaturalPerson, "UA"), (erased.Registrant.Kind, erased.Registrant.Address.Country));
        Assert.Equal(("O1", "cust-1", At, "UA-2603-00017-4"), (erased.OrderId, erased.CustomerId, erased.PlacedAt, erased.InvoiceNumber));
        Assert.Equal(Stored(Order.Lines), Stored(erased.Lines));
        Assert.Equal(Order.Acceptance, erased.Acceptance);
    }

    [Fact]
    public void UA_Pre_6_the_invoice_is_a_financial_record_without_personal_data_and_is_kept_whole()
    {
        var invoice = new Invoice("UA-2603-00017-4", "O1", "cust-1", Price, At, At.AddDays(3), InvoiceStatus.Paid, At.AddHours(2), "bank-ref-1");

        AssertNoPersonalData(invoice);
        Assert.Equal(Stored(invoice), Stored(invoice with { }));
    }

    [Fact]
    public void UA_Pre_6_erasure_reaches_the_lifecycles_state_events_and_commands()
    {
        var order = RegistrationOrders.From(Order, 0);
        var notice = new SendNotice("O1-1-4", "O1-1", NoticeKind.Registered, "cust-1", "olena.kovalchuk@example.ua", "com.ua", "example.com.ua");
        var state = new RegistrationState("O1-1", RegistrationPhase.Deleted, order, At, FailedCommands: [notice],
            ContactEmailChange: new ContactEmailChange("r-1", "new.olena@example.ua"), EndedAt: At.AddYears(1));
        RegistrationEvent[] events =
        [
            new RegistrationPaid("paid:1", order, At),
            new CustomerRequestProved("proved:r-1", "r-1", new ContactEmailChangeRequest("new.olena@example.ua"), RequestProof.ContactEmail, At),
            new RegistrationCommandFailed("failed:O1-1-4", notice, "smtp down"),
        ];
        RegistrationCommand[] commands =
        [
            new CreateRegistryContact("O1-1-1", "O1-1", "com.ua", Person),
            new CreateDomain("O1-1-2", "O1-1", "com.ua", "example.com.ua", 1, "H-1", order.TechnicalContact, null),
            notice,
        ];

        var erased = ErasedPersonalData.Erase(state);

        AssertNoPersonalData(erased);
        AssertNoPersonalData(events.Select(ErasedPersonalData.Erase).ToArray());
        AssertNoPersonalData(commands.Select(ErasedPersonalData.Erase).ToArray());
        Assert.Equal((RegistrationPhase.Deleted, At, At.AddYears(1), "example.com.ua"), (erased.Phase, erased.PaidAt, erased.EndedAt, erased.Order!.DomainName));
    }

    [Fact]
    public void UA_Pre_6_erasure_reaches_a_new_registrant_named_by_a_change_request_a_court_decision_and_the_registry_command()
    {
        var order = RegistrationOrders.From(Order, 0);
        var state = new RegistrationState("O1-1", RegistrationPhase.Deleted, order, At, EndedAt: At.AddYears(1),
            RegistrantChange: new RegistrantChange("r-2", TechnicalPerson, "O1-1-9", "UA-2603-00018-2"));
        RegistrationEvent[] events =
        [
            new CustomerRequestMade("made:r-2", "r-2", new RegistrantChangeRequest(TechnicalPerson)),
            new OperationsDecided("decided:1", new DisputeDecision(DisputeOutcome.Redelegate, "court 12/3", "UA-5.4", TechnicalPerson), "ops-anna", At, "court"),
        ];
        RegistrationCommand change = new ChangeRegistrant("O1-1-10", "O1-1", "com.ua", "example.com.ua", "r-2", TechnicalPerson);
        // The confirmation mail's facts name the new registrant (requests probe D4).
        RegistrationCommand confirmation = new SendNotice("O1-1-8", "O1-1", NoticeKind.RequestConfirmation, "cust-1", "olena.kovalchuk@example.ua",
            "com.ua", "example.com.ua", new NoticeFacts(RequestId: "r-2", NewRegistrant: TechnicalPerson.FullName));

        var erased = ErasedPersonalData.Erase(state);

        AssertNoPersonalData(erased);
        AssertNoPersonalData(events.Select(ErasedPersonalData.Erase).ToArray());
        AssertNoPersonalData(ErasedPersonalData.Erase(change));
        AssertNoPersonalData(ErasedPersonalData.Erase(confirmation));
        var erasedFacts = ((SendNotice)ErasedPersonalData.Erase(confirmation)).Facts!;
        Assert.Equal(("r-2", ErasedPersonalData.Erased), (erasedFacts.RequestId, erasedFacts.NewRegistrant));
        Assert.Equal(("r-2", "UA-2603-00018-2", "UA"), (erased.RegistrantChange!.RequestId, erased.RegistrantChange.InvoiceNumber, erased.RegistrantChange.Registrant.Address.Country));
        var decision = Assert.IsType<DisputeDecision>(Assert.IsType<OperationsDecided>(ErasedPersonalData.Erase(events[1])).Decision);
        Assert.Equal((DisputeOutcome.Redelegate, "court 12/3", ErasedPersonalData.Erased), (decision.Outcome, decision.Document, decision.Registrant!.FullName));
    }
}
