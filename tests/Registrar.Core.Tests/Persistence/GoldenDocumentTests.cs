using System.Text.Json;
using Registrar.Core.Contracts;
using Registrar.Core.Customers;
using Registrar.Core.Money;
using Registrar.Core.Operations;
using Registrar.Core.Orders;
using Registrar.Core.Persistence;
using Registrar.Core.Privacy;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;
using Registrar.Core.Tariffs;

namespace Registrar.Core.Tests.Persistence;

/// <summary>
/// Documents as today's code stores them (tables, queues, orchestration histories), kept as files. A
/// stored document outlives the code that wrote it: renaming a member, inserting an enum member or
/// changing a type discriminator must fail here, not when a running registration reads its state.
/// Set REGISTRAR_WRITE_GOLDEN=1 to write the files after a deliberate, migrated format change.
/// </summary>
public sealed class GoldenDocumentTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(5));

    private static readonly RegistrantData Person = new(RegistrantKind.NaturalPerson,
        new PostalAddress("KZ", "050000", "Алматы", "Алматы", "Абая", "1", "2"), "owner@example.kz", "+7.7271234567", FullName: "Иванов Иван");

    private static readonly RegistrantContact NewContact =
        new(new PostalAddress("KZ", "010000", "Астана", "Астана", "Кенесары", "5"), "moved@example.kz", "+7.7172123456");

    private static readonly RegistrationOrder Order = new("order-1", "cust-1", "xn--e1afmkfd.xn--80ao21a", "пример.қаз", "қаз", 2,
        "owner@example.kz", null, Person, TechnicalContact.Registrant, false, null);

    public static TheoryData<string> Documents() => [.. Samples.Keys];

    private static readonly Dictionary<string, object> Samples = new()
    {
        ["registration-state"] = new RegistrationState("order-1-1", RegistrationPhase.CreatingDomain, Order, At, At.AddDays(1), "C-1",
            "order-1-1-3", null, false, 3, [new SendNotice("order-1-1-2", "order-1-1", NoticeKind.Registered, "cust-1", "owner@example.kz", "қаз", "пример.қаз")], At.AddHours(1),
            new RenewalProgress(["before-expiry-30d"], null, null, "KZ-2611-00043-5", Money.Money.Of(9000m, Currency.Kzt), At.AddDays(2), null, 0, false,
                new CalendarWait("KZ", 2031, At.AddHours(1)), ["KZ-2611-00041-9"]),
            ["ok"], null, "r-1", new NameserverChange("r-2", ["ns1.example.net", "ns2.example.net"], At.AddDays(1), false, "order-1-1-3"),
            new ContactEmailChange("r-3", "new@example.kz"), new ServiceSuspension(SuspensionGround.Malware, At),
            new DisputeBlock("Court ruling 2-123/2026", At), new PendingBreach(At, At.AddDays(30)),
            new ServiceEnding("UA-1.3.4.1", At.AddDays(30), TerminationGround.RegistrarNotice), "order-1-1-18", new TransferCodeIssue("r-4", "order-1-1-3", ByPapers: true),
            new RegistrantChange("r-6", Person, "order-1-1-4", "KZ-2611-00044-3", "order-1-1-5", At.AddDays(5)), null,
            new TransferRestriction("Pledge agreement 12/2026", At), "order-1-1-30", TransferInCancelWaiting: true,
            TransferAwayRejectionCommandId: "order-1-1-31",
            RegistrantContactChange: new RegistrantContactChange("r-10", NewContact, At.AddDays(1), false, "order-1-1-32"),
            NameServers: ["ns1.example.net", "ns2.example.net"], UnknownOutcomes: 2, RegistryRetries: 1, RetryRegistryAt: At.AddMinutes(2)),
        ["registration-events"] = new RegistrationEvent[]
        {
            new RegistrationPaid("paid:halyk:tx-1", Order, At),
            new TrademarkReviewed("trademark:1", false, "ops-1", "no licence"),
            new RegistryAnswered("answer:order-1-1-1", "order-1-1-1", new ContactCreated("C-1")),
            new RegistryAnswered("answer:order-1-1-2", "order-1-1-2", new DomainCreated(At.AddYears(2))),
            new RegistryAnswered("answer:order-1-1-3", "order-1-1-3", new NameTaken()),
            new RegistryAnswered("answer:order-1-1-4", "order-1-1-4", new DomainInfo(true, true, "C-1", At.AddYears(2))),
            new RegistryAnswered("answer:order-1-1-5", "order-1-1-5", new OutcomeUnknown()),
            new RegistryAnswered("answer:order-1-1-6", "order-1-1-6", new RegistryRefused(2306, "policy")),
            new RegistrationTimerDue("timer:1", At),
            new CustomerChoseAfterNameTaken("choice:1", CustomerChoice.AnotherName),
            new OperationsRetried("retry:1", "ops-1"),
            new RegistrationCommandFailed("failed:order-1-1-7", new FlagForOperations("order-1-1-7", "order-1-1", "look"), "storage down"),
            new RenewalInvoiceIssued("answer:order-1-1-8", "order-1-1-8", "KZ-2611-00043-5", Money.Money.Of(9000m, Currency.Kzt), At.AddDays(2)),
            new RenewalPaid("renewal-paid:KZ-2611-00043-5", "KZ-2611-00043-5", 1, At),
            new RegistryObserved("observed:1", new DomainInfo(true, true, "C-1", At.AddYears(2), ["ok"], NameServers: ["ns1.example.net"]), At),
            new RegistryReported("poll:17", "Transfer requested."),
            new RegistryReported("poll:18", "panData", new PendingActionResult("order-1-1-14", Succeeded: true)),
            new NoticeSent("notice-sent:order-1-1-15", "order-1-1-15", NoticeKind.TerminationNoticed, At),
            new RegistryAnswered("answer:order-1-1-9", "order-1-1-9", new DomainRenewed(At.AddYears(3))),
            new RegistryAnswered("answer:order-1-1-10", "order-1-1-10", new DomainDeleted()),
            new RegistryAnswered("answer:order-1-1-11", "order-1-1-11", new DomainRestored()),
            new RegistryAnswered("answer:order-1-1-12", "order-1-1-12", new RegistryPending()),
            new CustomerRequestMade("request:r-1", "r-1", new EarlyDeletionRequest()),
            new CustomerRequestProved("proved:r-1", "r-1", new EarlyDeletionRequest(), RequestProof.SignedContract),
            new CustomerRequestMade("request:r-2", "r-2", new DnsChangeRequest(["ns1.example.net", "ns2.example.net"])),
            new CustomerRequestProved("proved:r-2", "r-2", new DnsChangeRequest(["ns1.example.net", "ns2.example.net"]), RequestProof.SignedInSession, At),
            new RegistryAnswered("answer:order-1-1-13", "order-1-1-13", new NameserversUpdated(["ns1.example.net", "ns2.example.net"])),
            new CustomerRequestProved("proved:r-3", "r-3", new ContactEmailChangeRequest("new@example.kz"), RequestProof.ContactEmail, At),
            new ContactEmailChangeReviewed("reviewed:r-3", "r-3", true, "ops-1", At, "called the owner back"),
            new OperationsDecided("decision:1", new SuspendService(SuspensionGround.UnsolicitedMessages), "ops-1", At, "complaints"),
            new OperationsDecided("decision:2", new ResumeService(), "ops-1", At, "explained"),
            new OperationsDecided("decision:3", new DisputeDecision(DisputeOutcome.Block, "Court ruling 2-123/2026", "KZ-App-2"), "ops-1", At, "court"),
            new OperationsDecided("decision:7", new DisputeDecision(DisputeOutcome.Redelegate, "Court ruling 2-124/2026", "KZ-App-2", Person), "ops-1", At, "court"),
            new OperationsDecided("decision:4", new BreachNotice(At.AddDays(30)), "ops-1", At, "breach"),
            new OperationsDecided("decision:5", new BreachCured(), "ops-1", At, "cured"),
            new OperationsDecided("decision:6", new TerminationNotice(TerminationGround.RegistrarNotice, At.AddDays(30), "UA-1.3.4.1"), "ops-1", At, "ends"),
            new OperationsDecided("decision:8", new RestrictTransfer("Pledge agreement 12/2026", "KZ-App-9"), "ops-1", At, "the pledgee asked"),
            new OperationsDecided("decision:9", new LiftTransferRestriction(), "ops-1", At, "the loan is repaid"),
            new OperationsDecided("decision:10", new CancelTransferIn(), "ops-1", At, "the customer withdrew the order"),
            new RegistryAnswered("answer:order-1-1-18", "order-1-1-18", new HoldsUpdated(["clientHold"])),
            new CustomerRequestProved("proved:r-7", "r-7", new TerminationRequest(At.AddDays(20), "UA-6.1", At.AddYears(1)), RequestProof.ContactEmail, At),
            new CustomerRequestProved("proved:r-4", "r-4", new TransferCodeRequest(), RequestProof.SignedInSession, At),
            new RegistryAnswered("answer:order-1-1-14", "order-1-1-14", new TransferCodeSet()),
            new CustomerRequestProved("proved:r-6", "r-6", new RegistrantChangeRequest(Person), RequestProof.ContactEmail, At),
            new RegistryAnswered("answer:order-1-1-15", "order-1-1-15", new RegistrantChanged("RG0011223344556677")),
            new NoticeResendRequested("resend:order-1-1-11:1", "order-1-1-11", NoticeKind.RenewalInvoice,
                new NoticeFacts(At.AddYears(2), At.AddDays(2), At.AddYears(2), "KZ-2611-00043-5", Money.Money.Of(9000m, Currency.Kzt)), "ops-1"),
            new RenewalInvoiceRequested("renewal-invoice-request:rir-1", "rir-1", At),
            new OperationsDecided("decision:11", new TerminationNotice(TerminationGround.ErasureRequest, At, "UA-Pre-6"), "ops-1", At, "written request"),
            new CustomerRequestProved("proved:r-8", "r-8", new CredentialResetRequest(), RequestProof.ContactEmail, At),
            new CustomerRequestProved("proved:r-9", "r-9", new ContactEmailChangeRequest("newer@example.kz"), RequestProof.SignedInSession, At, NoConsentNeeded: true),
            new CustomerRequestProved("proved:r-10", "r-10", new RegistrantContactChangeRequest(NewContact), RequestProof.SignedInSession, At),
            new RegistryAnswered("answer:order-1-1-32", "order-1-1-32", new RegistrantContactUpdated()),
        },
        ["registration-commands"] = new RegistrationCommand[]
        {
            new CreateRegistryContact("order-1-1-1", "order-1-1", "қаз", Person),
            new CreateDomain("order-1-1-2", "order-1-1", "қаз", "xn--e1afmkfd.xn--80ao21a", 2, "C-1", TechnicalContact.Registrant, null),
            new QueryDomain("order-1-1-3", "order-1-1", "қаз", "xn--e1afmkfd.xn--80ao21a"),
            new SendNotice("order-1-1-4", "order-1-1", NoticeKind.NameTaken, "cust-1", "owner@example.kz", "қаз", "пример.қаз"),
            new FlagForOperations("order-1-1-5", "order-1-1", "look"),
            new RecordRegistrationView("order-1-1-6", "order-1-1",
                new RegistrationView("order-1-1", "cust-1", "xn--e1afmkfd.xn--80ao21a", "пример.қаз", "қаз", RegistrationPhase.Registered, At.AddYears(2),
                    TransferRestriction: "Pledge agreement 12/2026", RegistryStatuses: ["clientHold"], NameServers: ["ns1.example.net"],
                    ContractEnd: new ContractEnd("UA-6.1", At.AddDays(20)), DisputeBlockedSince: At.AddDays(3),
                    SuspendedSince: At.AddDays(4), BreachCureDeadline: At.AddDays(30)), 6, LikelyNew: true),
            new RenewDomain("order-1-1-7", "order-1-1", "қаз", "xn--e1afmkfd.xn--80ao21a", At.AddYears(2), 1),
            new DeleteDomain("order-1-1-8", "order-1-1", "қаз", "xn--e1afmkfd.xn--80ao21a"),
            new RestoreDomain("order-1-1-9", "order-1-1", "қаз", "xn--e1afmkfd.xn--80ao21a"),
            new IssueRenewalInvoice("order-1-1-10", "order-1-1", "cust-1", "қаз", "xn--e1afmkfd.xn--80ao21a", 1, TariffOperation.Renew, At.AddDays(2), AskedAt: At),
            new CancelRenewalInvoice("order-1-1-37", "order-1-1", "UA-2611-00007-9", "UA-2611-00006-0"),
            new CancelRenewalInvoice("order-1-1-38", "order-1-1", "UA-2611-00008-7", PaidInvoice: null, EndingRule: "UA-6.1"),
            new SendNotice("order-1-1-11", "order-1-1", NoticeKind.RenewalInvoice, "cust-1", "owner@example.kz", "қаз", "пример.қаз",
                new NoticeFacts(At.AddYears(2), At.AddDays(2), At.AddYears(2), "KZ-2611-00043-5", Money.Money.Of(9000m, Currency.Kzt)), "kk"),
            new SendNotice("order-1-1-12", "order-1-1", NoticeKind.RequestConfirmation, "cust-1", "owner@example.kz", "қаз", "пример.қаз",
                new NoticeFacts(RequestId: "r-1", RequestKind: "early-deletion")),
            new SendNotice("order-1-1-13", "order-1-1", NoticeKind.DeletedOnRequest, "cust-1", "owner@example.kz", "қаз", "пример.қаз"),
            new UpdateDomainNameservers("order-1-1-14", "order-1-1", "қаз", "xn--e1afmkfd.xn--80ao21a", ["ns1.example.net", "ns2.example.net"]),
            new SendNotice("order-1-1-15", "order-1-1", NoticeKind.NameserversChanged, "cust-1", "owner@example.kz", "қаз", "пример.қаз",
                new NoticeFacts(RequestId: "r-2", NameServers: ["ns1.example.net", "ns2.example.net"])),
            new SendNotice("order-1-1-16", "order-1-1", NoticeKind.ContactEmailChanged, "cust-1", "owner@example.kz", "қаз", "пример.қаз",
                new NoticeFacts(RequestId: "r-3", ContactEmail: "new@example.kz")),
            new SendNotice("order-1-1-17", "order-1-1", NoticeKind.ContactEmailChangeRefused, "cust-1", "owner@example.kz", "қаз", "пример.қаз"),
            new SetDomainHolds("order-1-1-22", "order-1-1", "қаз", "xn--e1afmkfd.xn--80ao21a", ["clientHold"]),
            new SendNotice("order-1-1-23", "order-1-1", NoticeKind.Suspended, "cust-1", "owner@example.kz", "қаз", "пример.қаз",
                new NoticeFacts(Clause: "2.3.1.7")),
            new SendNotice("order-1-1-24", "order-1-1", NoticeKind.Blocked, "cust-1", "owner@example.kz", "қаз", "пример.қаз",
                new NoticeFacts(Document: "Court ruling 2-123/2026")),
            new SendNotice("order-1-1-25", "order-1-1", NoticeKind.ServiceEnded, "cust-1", "owner@example.kz", "қаз", "пример.қаз"),
            new SetTransferCode("order-1-1-18", "order-1-1", "қаз", "xn--e1afmkfd.xn--80ao21a"),
            new SendNotice("order-1-1-19", "order-1-1", NoticeKind.TransferCode, "cust-1", "owner@example.kz", "қаз", "пример.қаз",
                new NoticeFacts(RequestId: "r-4", TransferCodeOf: "order-1-1-18")),
            new SendNotice("order-1-1-20", "order-1-1", NoticeKind.TransferCodeRefused, "cust-1", "owner@example.kz", "қаз", "пример.қаз",
                new NoticeFacts(RequestId: "r-5", TransferRefusals: [TransferRefusalReason.RegistryBan, TransferRefusalReason.UnpaidInvoices], Rules: ["KZ-App-9"])),
            new SendNotice("order-1-1-21", "order-1-1", NoticeKind.TransferredAway, "cust-1", "owner@example.kz", "қаз", "пример.қаз"),
            new SendNotice("order-1-1-38", "order-1-1", NoticeKind.NameTaken, "cust-1", "owner@example.kz", "қаз", "пример.қаз",
                new NoticeFacts(TakenHere: true)),
            new SendNotice("order-1-1-39", "order-1-1", NoticeKind.RenewalReminder, "cust-1", "owner@example.kz", "қаз", "пример.қаз",
                new NoticeFacts(ExpiresAt: At.AddYears(2), InvoiceFollows: true)),
            new SendNotice("order-1-1-21", "order-1-1", NoticeKind.RequestRefused, "cust-1", "owner@example.kz", "қаз", "пример.қаз",
                new NoticeFacts(DeletionAt: At.AddDays(20), RequestId: "r-7", RequestKind: "transfer-code", Refusal: RequestRefusalReason.ContractEnds)),
            new IssueRenewalInvoice("order-1-1-22", "order-1-1", "cust-1", "қаз", "xn--e1afmkfd.xn--80ao21a", 1, TariffOperation.RegistrantChange, At.AddDays(2)),
            new ChangeRegistrant("order-1-1-23", "order-1-1", "қаз", "xn--e1afmkfd.xn--80ao21a", "r-6", Person),
            new SendNotice("order-1-1-24", "order-1-1", NoticeKind.RegistrantChangeInvoice, "cust-1", "owner@example.kz", "қаз", "пример.қаз",
                new NoticeFacts(PayBy: At.AddDays(2), InvoiceNumber: "KZ-2611-00044-3", Amount: Money.Money.Of(9000m, Currency.Kzt), RequestId: "r-6")),
            new SendNotice("order-1-1-25", "order-1-1", NoticeKind.RegistrantChanged, "cust-1", "owner@example.kz", "қаз", "пример.қаз",
                new NoticeFacts(ExpiresAt: At.AddYears(2), RequestId: "r-6")),
            new RequestTransferIn("order-1-1-26", "order-1-1", "қаз", "xn--e1afmkfd.xn--80ao21a", 1, "cust-1"),
            new SendNotice("order-1-1-27", "order-1-1", NoticeKind.TransferInRefused, "cust-1", "owner@example.kz", "қаз", "пример.қаз"),
            new SendNotice("order-1-1-28", "order-1-1", NoticeKind.TransferredIn, "cust-1", "owner@example.kz", "қаз", "пример.қаз",
                new NoticeFacts(ExpiresAt: At.AddYears(2))),
            new EraseIncomingTransferCode("order-1-1-29", "order-1-1", "cust-1"),
            new CancelTransferInRequest("order-1-1-30", "order-1-1", "қаз", "xn--e1afmkfd.xn--80ao21a"),
            new RejectTransferAway("order-1-1-31", "order-1-1", "қаз", "xn--e1afmkfd.xn--80ao21a"),
            new UpdateRegistrantContact("order-1-1-32", "order-1-1", "қаз", "xn--e1afmkfd.xn--80ao21a", "C-1", NewContact, Person.WithContact(NewContact)),
            new SendNotice("order-1-1-33", "order-1-1", NoticeKind.RegistrantContactChanged, "cust-1", "owner@example.kz", "қаз", "пример.қаз",
                new NoticeFacts(RequestId: "r-10")),
            new RecordRegistrant("order-1-1-34", "order-1-1", Person.WithContact(NewContact), 34),
            new HoldPaymentForAnotherName("order-1-1-35", "order-1-1", "cust-1", "order-1"),
            new SendNotice("order-1-1-36", "order-1-1", NoticeKind.RequestConfirmation, "cust-1", "owner@example.kz", "қаз", "пример.қаз",
                new NoticeFacts(RequestId: "r-11", RequestKind: "registrant-change", NewRegistrant: "ТОО Новый Владелец")),
            new KeepTransferCodeForHandOver("order-1-1-37", "order-1-1", "r-12", "order-1-1-36"),
            new HoldUnrenderedRenewalPayment("order-1-1-38", "order-1-1", "KZ-2611-00043-5"),
            new FlagForOperations("order-1-1-39", "order-1-1", "Review the trademark for пример.укр before it is registered (UA-Pre-7).",
                TrademarkReviewed.ReviewItemFor("order-1-1")),
        },
        ["invoice"] = new Invoice("KZ-2611-00042-7", "order-1", "cust-1", Money.Money.Of(12000m, Currency.Kzt), At, At.AddDays(2),
            InvoiceStatus.Paid, At.AddHours(3), "halyk:tx-1"),
        ["renewal-invoice"] = new Invoice("UA-2611-00007-9", "order-2-1", "cust-1", Money.Money.Of(450m, Currency.Uah), At, At.AddDays(3),
            InvoiceStatus.Open, Renewal: new RenewalOf("order-2-1", "kvitkova-lavka.com.ua", 1, TariffOperation.RedemptionRenewal)),
        ["cancelled-invoice"] = new Invoice("UA-2611-00007-9", "order-2-1", "cust-1", Money.Money.Of(450m, Currency.Uah), At, At.AddDays(3),
            InvoiceStatus.Open, Renewal: new RenewalOf("order-2-1", "kvitkova-lavka.com.ua", 1, TariffOperation.RedemptionRenewal))
            .Cancelled(At.AddDays(1), "UA-2611-00006-0"),
        ["held-payment"] = new HeldPayment(new HeldCredit("halyk:PR-1", 5000m, "KZT", At), "NoInvoiceNumberInPurpose",
            "The purpose names no invoice number.", null, At.AddMinutes(1), PartsReversed: [new PartReversal("halyk:PR-1:reversal", 1000m, At.AddHours(1))]),
        ["erasure-due"] = new ErasureDue("order-1-1", "cust-1", At.AddYears(5), ErasureGround.RetentionEnded),
        ["erasure-request"] = new ErasureRequest("E0123456789abcdef", "cust-1", new DateOnly(2026, 11, 23), At.AddDays(-1), "вх. 17/26", "Олена",
            "ops-console", At),
        ["customer-account"] = new CustomerAccount("cust-1", "new@example.kz", At, "r-3", "owner@example.kz"),
        ["refund-decided"] = new RefundDecided("R0123456789abcdef", RefundGround.EarlyTerminationByRegistrar, Money.Money.Of(125.50m, Currency.Uah), At),
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void A_document_stored_by_todays_code_is_read_back_and_written_byte_for_byte_the_same(string name)
    {
        var sample = Samples[name];
        var path = Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", name + ".json");
        var written = JsonSerializer.Serialize(sample, sample.GetType(), Indented) + "\n";
        if (Environment.GetEnvironmentVariable("REGISTRAR_WRITE_GOLDEN") == "1")
            File.WriteAllText(Path.Combine(SourceFolder(), name + ".json"), written);

        var golden = File.ReadAllText(path);

        Assert.Equal(golden, written);
        var read = JsonSerializer.Deserialize(golden, sample.GetType(), StoredJson.Options);
        Assert.Equal(JsonSerializer.Serialize(sample, sample.GetType(), StoredJson.Options), JsonSerializer.Serialize(read, sample.GetType(), StoredJson.Options));
    }

    /// <summary>Registrations in flight when the renewal fields were added keep running: their stored state,
    /// events and commands read with the new fields at their defaults; invoices stored before renewal invoices
    /// existed read as order invoices.</summary>
    [Theory]
    [InlineData("registration-state", typeof(RegistrationState))]
    [InlineData("registration-events", typeof(RegistrationEvent[]))]
    [InlineData("registration-commands", typeof(RegistrationCommand[]))]
    [InlineData("invoice", typeof(Invoice))]
    public void A_document_stored_before_the_renewal_fields_still_reads(string name, Type type)
    {
        var before = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", name + ".before-renewals.json"));

        var read = JsonSerializer.Deserialize(before, type, StoredJson.Options);

        Assert.NotNull(read);
        if (read is RegistrationState state)
        {
            Assert.Empty(state.Renewal.RemindersSent);
            Assert.Empty(state.RegistryStatuses);
            Assert.Equal(RegistrationPhase.CreatingDomain, state.Phase);
        }
        if (read is RegistrationCommand[] commands)
            Assert.Null(commands.OfType<SendNotice>().First().Facts);
        if (read is Invoice invoice)
        {
            Assert.Null(invoice.Renewal);
            Assert.Equal("order-1", invoice.OrderId);
        }
    }

    /// <summary>Registrations in flight when customer requests were added keep running: no deletion was asked for,
    /// and notices read without request facts.</summary>
    [Theory]
    [InlineData("registration-state", typeof(RegistrationState))]
    [InlineData("registration-events", typeof(RegistrationEvent[]))]
    [InlineData("registration-commands", typeof(RegistrationCommand[]))]
    public void A_document_stored_before_customer_requests_still_reads(string name, Type type)
    {
        var before = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", name + ".before-requests.json"));

        var read = JsonSerializer.Deserialize(before, type, StoredJson.Options);

        Assert.NotNull(read);
        if (read is RegistrationState state) Assert.Null(state.DeletionRequestId);
        if (read is RegistrationCommand[] commands) Assert.All(commands.OfType<SendNotice>(), n => Assert.Null(n.Facts?.RequestId));
    }

    /// <summary>UA-1.7: an invoice cancelled, or a cancellation queued, before a notice could cancel one reads as cancelled by the
    /// invoice that paid its renewal, as it was.</summary>
    [Fact]
    public void A_cancellation_stored_before_notices_cancelled_invoices_still_names_the_invoice_that_paid_UA_1_7()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden");

        var invoice = JsonSerializer.Deserialize<Invoice>(File.ReadAllText(Path.Combine(folder, "cancelled-invoice.before-notice-cancellations.json")), StoredJson.Options);
        var commands = JsonSerializer.Deserialize<RegistrationCommand[]>(
            File.ReadAllText(Path.Combine(folder, "registration-commands.before-notice-cancellations.json")), StoredJson.Options);

        Assert.Equal(("UA-2611-00006-0", (string?)null), (invoice!.Cancellation!.RenewalPaidBy, invoice.Cancellation.EndingRule));
        Assert.Contains("UA-2611-00006-0", invoice.Cancellation.Reason);
        var cancel = Assert.Single(commands!.OfType<CancelRenewalInvoice>());
        Assert.Equal(("UA-2611-00006-0", (string?)null), (cancel.PaidInvoice, cancel.EndingRule));
    }

    /// <summary>KZ-2.1: notices queued before a name held here was told apart read as taken by another applicant.</summary>
    [Fact]
    public void A_notice_stored_before_names_held_here_were_told_apart_still_reads_as_taken_elsewhere_KZ_2_1()
    {
        var before = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", "registration-commands.before-taken-here.json"));

        var read = JsonSerializer.Deserialize<RegistrationCommand[]>(before, StoredJson.Options);

        var facts = read!.OfType<SendNotice>().Select(n => n.Facts).OfType<NoticeFacts>().ToList();
        Assert.NotEmpty(facts);
        Assert.All(facts, f => Assert.False(f.TakenHere));
    }

    /// <summary>UA-Pre-7: notices queued, and resends asked for, before a trademark refusal told its reason read without one.</summary>
    [Theory]
    [InlineData("registration-events", typeof(RegistrationEvent[]))]
    [InlineData("registration-commands", typeof(RegistrationCommand[]))]
    public void A_notice_stored_before_trademark_refusals_told_their_reason_still_reads_UA_Pre_7(string name, Type type)
    {
        var before = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", name + ".before-trademark-reasons.json"));

        var read = (System.Collections.IEnumerable)JsonSerializer.Deserialize(before, type, StoredJson.Options)!;

        var facts = read.OfType<object>().Select(item => item switch
        {
            SendNotice notice => notice.Facts,
            NoticeResendRequested resend => resend.Facts,
            _ => null,
        }).OfType<NoticeFacts>().ToList();
        Assert.NotEmpty(facts);
        Assert.All(facts, f => Assert.Null(f.Reason));
    }

    /// <summary>UA-1.5.8: confirmations queued before they named the new registrant read without it (the mail then words the
    /// request without the name, <c>RequestConfirmationMailTests</c>).</summary>
    [Fact]
    public void A_confirmation_stored_before_it_named_the_new_registrant_still_reads_UA_1_5_8()
    {
        var before = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", "registration-commands.before-confirmation-facts.json"));

        var read = JsonSerializer.Deserialize<RegistrationCommand[]>(before, StoredJson.Options);

        Assert.Contains(read!.OfType<SendNotice>(), n => n.Kind == NoticeKind.RequestConfirmation);
        Assert.All(read!.OfType<SendNotice>(), n => Assert.Null(n.Facts?.NewRegistrant));
    }

    /// <summary>Registrations in flight when DNS and contact e-mail changes were added (KZ-2.3, UA-4.7) keep running: no
    /// change is on its way, and notices read without name servers.</summary>
    [Theory]
    [InlineData("registration-state", typeof(RegistrationState))]
    [InlineData("registration-events", typeof(RegistrationEvent[]))]
    [InlineData("registration-commands", typeof(RegistrationCommand[]))]
    public void A_document_stored_before_dns_changes_still_reads_KZ_2_3(string name, Type type)
    {
        var before = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", name + ".before-dns-changes.json"));

        var read = JsonSerializer.Deserialize(before, type, StoredJson.Options);

        Assert.NotNull(read);
        if (read is RegistrationState state) Assert.Null(state.NameserverChange ?? (object?)state.ContactEmailChange);
        if (read is RegistrationCommand[] commands) Assert.All(commands.OfType<SendNotice>(), n => Assert.Null(n.Facts?.NameServers));
    }

    /// <summary>Registrations in flight when operations decisions were added (UA-2.3.1, KZ-App-2, KZ-App-4, UA-1.3.4.1) keep
    /// running: not suspended, blocked, noticed or ending.</summary>
    [Theory]
    [InlineData("registration-state", typeof(RegistrationState))]
    [InlineData("registration-events", typeof(RegistrationEvent[]))]
    [InlineData("registration-commands", typeof(RegistrationCommand[]))]
    public void A_document_stored_before_operations_decisions_still_reads_UA_2_3_1(string name, Type type)
    {
        var before = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", name + ".before-decisions.json"));

        var read = JsonSerializer.Deserialize(before, type, StoredJson.Options);

        Assert.NotNull(read);
        if (read is RegistrationState state)
            Assert.Null(state.Suspension ?? state.DisputeBlock ?? state.Breach ?? state.Ending ?? (object?)state.HoldsCommandId);
        if (read is RegistrationCommand[] commands) Assert.All(commands.OfType<SendNotice>(), n => Assert.Null(n.Facts?.Clause));
    }

    /// <summary>Registrations in flight when transfer codes and registrant changes were added (KZ-App-9, KZ-2.4) keep running:
    /// no code or change is on its way, and notices read without a code or refusals.</summary>
    [Theory]
    [InlineData("registration-state", typeof(RegistrationState))]
    [InlineData("registration-events", typeof(RegistrationEvent[]))]
    [InlineData("registration-commands", typeof(RegistrationCommand[]))]
    public void A_document_stored_before_transfer_codes_and_registrant_changes_still_reads_KZ_App_9_KZ_2_4(string name, Type type)
    {
        var before = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", name + ".before-transfers.json"));

        var read = JsonSerializer.Deserialize(before, type, StoredJson.Options);

        Assert.NotNull(read);
        if (read is RegistrationState state) Assert.Null(state.TransferCode ?? (object?)state.RegistrantChange);
        if (read is RegistrationCommand[] commands)
            Assert.All(commands.OfType<SendNotice>(), n => Assert.Null(n.Facts?.TransferCodeOf ?? (object?)n.Facts?.TransferRefusals));
    }

    /// <summary>Registrations in flight when transfers in were added (RFC 5731 section 3.2.4) keep running: none of them is one.</summary>
    [Theory]
    [InlineData("registration-state", typeof(RegistrationState))]
    [InlineData("registration-events", typeof(RegistrationEvent[]))]
    [InlineData("registration-commands", typeof(RegistrationCommand[]))]
    public void A_document_stored_before_transfers_in_still_reads(string name, Type type)
    {
        var before = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", name + ".before-transfers-in.json"));

        var read = JsonSerializer.Deserialize(before, type, StoredJson.Options);

        Assert.NotNull(read);
        if (read is RegistrationState state) Assert.False(state.Order!.TransferIn);
        if (read is RegistrationEvent[] events) Assert.False(events.OfType<RegistrationPaid>().Single().Order.TransferIn);
    }

    /// <summary>Registrations in flight when transfer restrictions were added (KZ-App-9) keep running: no agreement forbids their
    /// transfer, and their views read without one.</summary>
    [Theory]
    [InlineData("registration-state", typeof(RegistrationState))]
    [InlineData("registration-events", typeof(RegistrationEvent[]))]
    [InlineData("registration-commands", typeof(RegistrationCommand[]))]
    public void A_document_stored_before_transfer_restrictions_still_reads_KZ_App_9(string name, Type type)
    {
        var before = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", name + ".before-transfer-restrictions.json"));

        var read = JsonSerializer.Deserialize(before, type, StoredJson.Options);

        Assert.NotNull(read);
        if (read is RegistrationState state) Assert.Null(state.TransferRestriction);
        if (read is RegistrationCommand[] commands) Assert.All(commands.OfType<RecordRegistrationView>(), r => Assert.Null(r.View.TransferRestriction));
    }

    /// <summary>Registrations in flight when operations could cancel a transfer in (RFC 5731 section 3.2.4) keep running: no
    /// cancel is on its way.</summary>
    [Fact]
    public void A_state_stored_before_transfer_in_cancels_still_reads()
    {
        var before = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", "registration-state.before-transfer-in-cancel.json"));

        var read = JsonSerializer.Deserialize<RegistrationState>(before, StoredJson.Options);

        Assert.Null(read!.TransferInCancelCommandId);
        Assert.Equal("Pledge agreement 12/2026", read.TransferRestriction!.Agreement);
    }

    /// <summary>Registrations in flight when a cancel could wait for another registry command keep running: none waits.</summary>
    [Fact]
    public void A_state_stored_before_a_transfer_in_cancel_could_wait_still_reads()
    {
        var before = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", "registration-state.before-transfer-in-cancel-waiting.json"));

        var read = JsonSerializer.Deserialize<RegistrationState>(before, StoredJson.Options);

        Assert.Equal(("order-1-1-30", false), (read!.TransferInCancelCommandId, read.TransferInCancelWaiting));
    }

    /// <summary>A registrant change invoiced before its invoice's due date was kept reads without one, and blocks no later change
    /// (KZ-2.4), as before.</summary>
    [Fact]
    public void A_state_stored_before_registrant_changes_kept_their_due_date_still_reads_KZ_2_4()
    {
        var before = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", "registration-state.before-registrant-change-due-dates.json"));

        var read = JsonSerializer.Deserialize<RegistrationState>(before, StoredJson.Options);

        Assert.Equal(("r-6", null), (read!.RegistrantChange!.RequestId, read.RegistrantChange.PayBy));
    }

    /// <summary>Registrations in flight when a pending transfer away could be rejected (UA-3.5, KZ-App-9) keep running: no reject
    /// is out.</summary>
    [Fact]
    public void A_state_stored_before_transfers_away_were_rejected_still_reads()
    {
        var before = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", "registration-state.before-transfer-away-rejection.json"));

        var read = JsonSerializer.Deserialize<RegistrationState>(before, StoredJson.Options);

        Assert.Equal(("order-1-1-30", null), (read!.TransferInCancelCommandId, read.TransferAwayRejectionCommandId));
    }

    /// <summary>Contact e-mail changes proved before the offer decided whether they need consent (KZ-2.6, UA-4.7) keep waiting
    /// for it, as they did.</summary>
    [Fact]
    public void Events_stored_before_a_contact_email_change_could_need_no_consent_still_read_as_waiting_for_it_UA_4_7()
    {
        var before = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", "registration-events.before-consent-by-offer.json"));

        var read = JsonSerializer.Deserialize<RegistrationEvent[]>(before, StoredJson.Options);

        var proved = Assert.Single(read!.OfType<CustomerRequestProved>(), e => e.Request is ContactEmailChangeRequest);
        Assert.False(proved.NoConsentNeeded);
    }

    /// <summary>Registry messages stored before pending actions' results were read (RFC 5731, RFC 5733 section 3.3) read as
    /// the reports on the domain they were.</summary>
    [Fact]
    public void Events_stored_before_pending_action_results_were_read_still_read_as_reports()
    {
        var before = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", "registration-events.before-pending-results.json"));

        var read = JsonSerializer.Deserialize<RegistrationEvent[]>(before, StoredJson.Options);

        var reported = Assert.Single(read!.OfType<RegistryReported>());
        Assert.Equal(("Transfer requested.", null), (reported.Summary, reported.Completed));
    }

    /// <summary>Registrations in flight when registrant contact changes were added (KZ-2.3) keep running: none is on its way.</summary>
    [Fact]
    public void A_state_stored_before_registrant_contact_changes_still_reads_KZ_2_3()
    {
        var before = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", "registration-state.before-contact-changes.json"));

        var read = JsonSerializer.Deserialize<RegistrationState>(before, StoredJson.Options);

        Assert.Null(read!.RegistrantContactChange);
        Assert.Equal("order-1-1-31", read.TransferAwayRejectionCommandId);
    }

    /// <summary>Registrations stalled before a registry's silence was asked again by itself keep waiting for a person.</summary>
    [Fact]
    public void A_state_stored_before_registry_retries_still_reads_with_none_waiting()
    {
        var before = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", "registration-state.before-registry-retries.json"));

        var read = JsonSerializer.Deserialize<RegistrationState>(before, StoredJson.Options);

        Assert.Equal((0, (DateTimeOffset?)null), (read!.RegistryRetries, read.RetryRegistryAt));
        Assert.Equal(2, read.UnknownOutcomes);
    }

    /// <summary>Registrations in flight when unreadable answers were counted keep running, their count at nothing.</summary>
    [Fact]
    public void A_state_stored_before_unreadable_answers_were_counted_still_reads_with_none_counted()
    {
        var before = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", "registration-state.before-unknown-outcomes.json"));

        var read = JsonSerializer.Deserialize<RegistrationState>(before, StoredJson.Options);

        Assert.Equal(0, read!.UnknownOutcomes);
        Assert.Equal(["ns1.example.net", "ns2.example.net"], read.NameServers);
    }

    /// <summary>Registrations in flight when a renewal could wait for a calendar year (KZ-2.7) keep running: none waits.</summary>
    [Fact]
    public void A_state_stored_before_calendar_waits_still_reads_KZ_2_7()
    {
        var before = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", "registration-state.before-calendar-waits.json"));

        var read = JsonSerializer.Deserialize<RegistrationState>(before, StoredJson.Options);

        Assert.Null(read!.Renewal.CalendarWait);
        Assert.Equal(["before-expiry-30d"], read.Renewal.RemindersSent);
    }

    /// <summary>Registrations in flight when retention was added (UA-Pre-6) keep running: they have not ended, and their
    /// views read without an end.</summary>
    [Theory]
    [InlineData("registration-state", typeof(RegistrationState))]
    [InlineData("registration-commands", typeof(RegistrationCommand[]))]
    public void A_document_stored_before_retention_still_reads_UA_Pre_6(string name, Type type)
    {
        var before = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", name + ".before-privacy.json"));

        var read = JsonSerializer.Deserialize(before, type, StoredJson.Options);

        Assert.NotNull(read);
        if (read is RegistrationState state) Assert.Null(state.EndedAt);
        if (read is RegistrationCommand[] commands) Assert.All(commands.OfType<RecordRegistrationView>(), r => Assert.Null(r.View.EndedAt));
    }

    /// <summary>Views recorded before they carried the registration's deadline (KZ-2.1) read without one: such a registration is
    /// not listed as overdue until its view is next recorded.</summary>
    [Fact]
    public void A_view_stored_before_deadlines_still_reads_KZ_2_1()
    {
        var before = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", "registration-commands.before-deadlines.json"));

        var read = JsonSerializer.Deserialize<RegistrationCommand[]>(before, StoredJson.Options);

        Assert.All(read!.OfType<RecordRegistrationView>(), r => Assert.Null(r.View.DueBy));
    }

    /// <summary>View commands queued before new views were marked read as not new: their rows are read before they are
    /// written, as they were.</summary>
    [Fact]
    public void A_view_command_stored_before_new_views_were_marked_reads_as_not_new()
    {
        var before = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", "registration-commands.before-new-views.json"));

        var read = JsonSerializer.Deserialize<RegistrationCommand[]>(before, StoredJson.Options);

        Assert.False(Assert.Single(read!.OfType<RecordRegistrationView>()).LikelyNew);
    }

    [Fact]
    public void Enums_are_stored_by_name()
    {
        var json = JsonSerializer.Serialize(Samples["registration-state"], StoredJson.Options);

        Assert.Contains("\"phase\":\"CreatingDomain\"", json);
        Assert.Contains("\"kind\":\"Registered\"", json);
    }

    private static readonly JsonSerializerOptions Indented = new(StoredJson.Options) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Path.Combine(Path.GetDirectoryName(file)!, "Golden");
}
