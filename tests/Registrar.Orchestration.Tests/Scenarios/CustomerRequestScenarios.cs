using Registrar.Core.Customers;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;
using static Registrar.Orchestration.Tests.Scenarios.LifecycleScenarios;

namespace Registrar.Orchestration.Tests.Scenarios;

/// <summary>Customer requests on a registered domain, proved before anything is done (KZ-5.3, UA-4.7, UA-1.5.8).</summary>
public static class CustomerRequestScenarios
{
    private static readonly DnsChangeRequest DnsChange = new(["ns1.example.net", "ns2.example.net"]);

    private static readonly RegistrantContactChangeRequest ContactChange = new(new RegistrantContact(
        new PostalAddress("KZ", "010000", "Астана", "Астана", "Кенесары", "5"), "moved@example.kz", "+7.7172123456"));

    /// <summary>KZ-2.3: applied at once; papers do not prove it; a lost answer is asked again through the flow that reads
    /// the domain first; the customer is told once the registry confirms.</summary>
    public static async Task KzDnsChangeAppliedAtOnce(ScenarioRun run)
    {
        await run.RaiseAsync(Paid(Order("kz", handle: "H-1")), typeof(CreateDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new DomainCreated(DateTimeOffset.UtcNow.AddDays(200)), typeof(SendNotice), typeof(RecordRegistrationView));

        await run.RaiseAsync(new CustomerRequestProved("proved:req-0", "req-0", DnsChange, RequestProof.SignedContract), typeof(FlagForOperations));
        var update = await run.RaiseAsync(new CustomerRequestProved("proved:req-1", "req-1", DnsChange, RequestProof.SignedInSession),
            typeof(UpdateDomainNameservers));
        Assert.Equal(DnsChange.NameServers, update.OfType<UpdateDomainNameservers>().Single().NameServers);
        await run.AnswerAsync(new OutcomeUnknown(), typeof(UpdateDomainNameservers));

        var told = await run.AnswerAsync(new NameserversUpdated(DnsChange.NameServers), typeof(SendNotice), typeof(RecordRegistrationView));
        Assert.Equal(NoticeKind.NameserversChanged, told.OfType<SendNotice>().Single().Kind);
        // A host may show the state a moment after the notice it led to.
        var state = await run.SettlesInAsync(RegistrationPhase.Registered, s => s.NameserverChange is null);
        Assert.Null(state.AwaitedCommandId);
    }

    /// <summary>KZ-2.3: the registrant's new address, phone and e-mail go to its registry contact at once; a lost answer sends
    /// the same update again; once the registry confirms, the registration holds them and the customer is told.</summary>
    public static async Task KzRegistrantContactChangeAppliedAtOnce(ScenarioRun run)
    {
        await run.RaiseAsync(Paid(Order("kz")), typeof(CreateRegistryContact), typeof(RecordRegistrationView));
        await run.AnswerAsync(new ContactCreated("C-1"), typeof(CreateDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new DomainCreated(DateTimeOffset.UtcNow.AddDays(200)), typeof(SendNotice), typeof(RecordRegistrationView));

        var steps = await run.RaiseAsync(new CustomerRequestProved("proved:req-1", "req-1", ContactChange, RequestProof.SignedInSession),
            typeof(UpdateRegistrantContact));
        var update = steps.OfType<UpdateRegistrantContact>().Single();
        Assert.Equal(("C-1", ContactChange.Contact), (update.Handle, update.Contact));
        await run.AnswerAsync(new OutcomeUnknown(), typeof(UpdateRegistrantContact));

        var told = await run.AnswerAsync(new RegistrantContactUpdated(), typeof(SendNotice), typeof(RecordRegistrant));
        Assert.Equal(NoticeKind.RegistrantContactChanged, told.OfType<SendNotice>().Single().Kind);
        var state = await run.SettlesInAsync(RegistrationPhase.Registered, s => s.RegistrantContactChange is null);
        Assert.Equal((ContactChange.Contact.Email, "Иванов Иван"), (state.Order!.Registrant!.Email, state.Order.Registrant.FullName));
        Assert.Null(state.AwaitedCommandId);
    }

    /// <summary>KZ-2.3: a .ua contact change is a request due within 1 Ukrainian business day of its proof; one the registry
    /// left pending past it is flagged to operations once, and still finished when the registry confirms.</summary>
    public static async Task UaRegistrantContactChangePastItsBusinessDayIsFlagged(ScenarioRun run)
    {
        await run.RaiseAsync(Paid(Order("com.ua", handle: "H-1")), typeof(CreateDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new DomainCreated(DateTimeOffset.UtcNow.AddDays(200)), typeof(SendNotice), typeof(RecordRegistrationView));

        var proved = new CustomerRequestProved("proved:req-1", "req-1", ContactChange, RequestProof.ContactEmail, DateTimeOffset.UtcNow.AddDays(-7));
        var steps = await run.RaiseAsync(proved, typeof(UpdateRegistrantContact), typeof(FlagForOperations));
        Assert.Contains("KZ-2.3", steps.OfType<FlagForOperations>().Single().Reason);
        await run.SettlesInAsync(RegistrationPhase.Registered, s => s.RegistrantContactChange?.OverdueFlagged == true);

        await run.AnswerAsync(new RegistrantContactUpdated(), typeof(SendNotice));
        var state = await run.SettlesInAsync(RegistrationPhase.Registered, s => s.RegistrantContactChange is null);
        Assert.Null(state.AwaitedCommandId);
    }

    /// <summary>KZ-5.3: a credential reset is confirmed from the contact e-mail, not a session, and then a set-password link
    /// goes there; the registry is asked nothing.</summary>
    public static async Task CredentialResetFromTheContactEmail(ScenarioRun run)
    {
        await run.RaiseAsync(Paid(Order("kz", handle: "H-1")), typeof(CreateDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new DomainCreated(DateTimeOffset.UtcNow.AddDays(200)), typeof(SendNotice), typeof(RecordRegistrationView));

        var confirmation = await run.RaiseAsync(new CustomerRequestMade("request:req-1", "req-1", new CredentialResetRequest()), typeof(SendNotice));
        Assert.Equal("credential-reset", confirmation.OfType<SendNotice>().Single().Facts!.RequestKind);
        await run.RaiseAsync(new CustomerRequestProved("proved:req-0", "req-0", new CredentialResetRequest(), RequestProof.SignedInSession), typeof(FlagForOperations));
        var reset = await run.RaiseAsync(new CustomerRequestProved("proved:req-1", "req-1", new CredentialResetRequest(), RequestProof.ContactEmail), typeof(SendNotice));

        Assert.Equal(NoticeKind.CredentialReset, reset.OfType<SendNotice>().Single().Kind);
        await run.SettlesInAsync(RegistrationPhase.Registered, s => s.AwaitedCommandId is null);
    }

    /// <summary>KZ-2.2, KZ-2.6: a contact e-mail change no contract of the customer asks consent to is carried out once proved;
    /// the old address is told, and the next notice goes to the new one.</summary>
    public static async Task KzContactEmailChangeWithoutConsent(ScenarioRun run)
    {
        await run.RaiseAsync(Paid(Order("kz", handle: "H-1")), typeof(CreateDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new DomainCreated(DateTimeOffset.UtcNow.AddDays(200)), typeof(SendNotice), typeof(RecordRegistrationView));

        var changed = await run.RaiseAsync(new CustomerRequestProved("proved:req-1", "req-1", new ContactEmailChangeRequest("new@example.kz"),
            RequestProof.SignedInSession, NoConsentNeeded: true), typeof(SendNotice));

        var told = changed.OfType<SendNotice>().Single();
        Assert.Equal((NoticeKind.ContactEmailChanged, "new@example.kz"), (told.Kind, told.Facts!.ContactEmail));
        Assert.NotEqual("new@example.kz", told.To);
        var state = await run.SettlesInAsync(RegistrationPhase.Registered, s => s.Order!.ContactEmail == "new@example.kz");
        Assert.Null(state.ContactEmailChange);
    }

    /// <summary>KZ-2.3: a .ua change is a request due within 1 Ukrainian business day of its proof, carried out at once; one
    /// proved a week ago and still unconfirmed is flagged to operations once, and still finished when the registry confirms.</summary>
    public static async Task UaDnsChangePastItsBusinessDayIsFlagged(ScenarioRun run)
    {
        await run.RaiseAsync(Paid(Order("com.ua", handle: "H-1")), typeof(CreateDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new DomainCreated(DateTimeOffset.UtcNow.AddDays(200)), typeof(SendNotice), typeof(RecordRegistrationView));

        // The timer episode after the proof's finds the deadline already past.
        var proved = new CustomerRequestProved("proved:req-1", "req-1", DnsChange, RequestProof.ContactEmail, DateTimeOffset.UtcNow.AddDays(-7));
        var steps = await run.RaiseAsync(proved, typeof(UpdateDomainNameservers), typeof(FlagForOperations));
        Assert.Contains("KZ-2.3", steps.OfType<FlagForOperations>().Single().Reason);
        await run.SettlesInAsync(RegistrationPhase.Registered, s => s.NameserverChange?.OverdueFlagged == true);

        await run.AnswerAsync(new NameserversUpdated(DnsChange.NameServers), typeof(SendNotice), typeof(RecordRegistrationView));
        var state = await run.SettlesInAsync(RegistrationPhase.Registered, s => s.NameserverChange is null);
        Assert.Null(state.AwaitedCommandId);
    }

    /// <summary>RFC 5731, RFC 5733 section 3.3: .ua changes the registry left pending (1001) wait for its poll message quoting
    /// their commands: the DNS change it carried out is told to the customer, the contact change it dropped goes to operations.</summary>
    public static async Task UaChangesLeftPendingAreFinishedByThePollMessage(ScenarioRun run)
    {
        await run.RaiseAsync(Paid(Order("com.ua", handle: "H-1")), typeof(CreateDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new DomainCreated(DateTimeOffset.UtcNow.AddDays(200)), typeof(SendNotice), typeof(RecordRegistrationView));
        var dns = (await run.RaiseAsync(new CustomerRequestProved("proved:req-1", "req-1", DnsChange, RequestProof.SignedInSession),
            typeof(UpdateDomainNameservers))).OfType<UpdateDomainNameservers>().Single();
        await run.AnswerAsync(new RegistryPending());
        await run.SettlesInAsync(RegistrationPhase.Registered, s => s.NameserverChange is not null && s.AwaitedCommandId is null);

        var told = await run.RaiseAsync(new RegistryReported("poll:hostmaster:1", "panData", new PendingActionResult(dns.CommandId, true)), typeof(SendNotice), typeof(RecordRegistrationView));

        Assert.Equal(NoticeKind.NameserversChanged, told.OfType<SendNotice>().Single().Kind);
        await run.SettlesInAsync(RegistrationPhase.Registered, s => s.NameserverChange is null);
        var contact = (await run.RaiseAsync(new CustomerRequestProved("proved:req-2", "req-2", ContactChange, RequestProof.SignedInSession),
            typeof(UpdateRegistrantContact))).OfType<UpdateRegistrantContact>().Single();
        await run.AnswerAsync(new RegistryPending());
        await run.SettlesInAsync(RegistrationPhase.Registered, s => s.RegistrantContactChange is not null && s.AwaitedCommandId is null);

        var flagged = await run.RaiseAsync(new RegistryReported("poll:hostmaster:2", "panData", new PendingActionResult(contact.CommandId, false)),
            typeof(FlagForOperations));

        Assert.Contains("paResult 0", flagged.OfType<FlagForOperations>().Single().Reason);
        await run.SettlesInAsync(RegistrationPhase.Registered, s => s.RegistrantContactChange is null);
    }

    /// <summary>KZ-2.3: a .ua change the registry refuses goes to operations at once, with its business day to finish it.</summary>
    public static async Task UaDnsChangeRefusedGoesToOperationsAtOnce(ScenarioRun run)
    {
        await run.RaiseAsync(Paid(Order("com.ua", handle: "H-1")), typeof(CreateDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new DomainCreated(DateTimeOffset.UtcNow.AddDays(200)), typeof(SendNotice), typeof(RecordRegistrationView));
        await run.RaiseAsync(new CustomerRequestProved("proved:req-1", "req-1", DnsChange, RequestProof.SignedInSession), typeof(UpdateDomainNameservers));

        var flagged = await run.AnswerAsync(new RegistryRefused(2306, "host needs glue"), typeof(FlagForOperations));

        Assert.Contains("Finish it by", flagged.OfType<FlagForOperations>().Single().Reason);
        var state = await run.SettlesInAsync(RegistrationPhase.Registered, s => s.NameserverChange is null);
        Assert.Null(state.AwaitedCommandId);
    }

    public static async Task EarlyDeletionOnConfirmation(ScenarioRun run)
    {
        var expiry = DateTimeOffset.UtcNow.AddDays(200);
        await run.RaiseAsync(Paid(Order("com.ua", handle: "H-1")), typeof(CreateDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new DomainCreated(expiry), typeof(SendNotice), typeof(RecordRegistrationView));

        var confirmation = await run.RaiseAsync(new CustomerRequestMade("request:req-1", "req-1", new EarlyDeletionRequest()), typeof(SendNotice));
        var notice = confirmation.OfType<SendNotice>().Single();
        Assert.Equal((NoticeKind.RequestConfirmation, "req-1"), (notice.Kind, notice.Facts!.RequestId));

        // UA-1.5.8: a signed-in session does not prove abandoning a domain; operations hear of it, the domain stays.
        await run.RaiseAsync(new CustomerRequestProved("proved:req-0", "req-0", new EarlyDeletionRequest(), RequestProof.SignedInSession),
            typeof(FlagForOperations));
        await run.SettlesInAsync(RegistrationPhase.Registered);

        var proved = new CustomerRequestProved("proved:req-1", "req-1", new EarlyDeletionRequest(), RequestProof.ContactEmail);
        var delete = await run.RaiseAsync(proved, typeof(DeleteDomain), typeof(RecordRegistrationView));
        Assert.Equal("example.com.ua", delete.OfType<DeleteDomain>().Single().DomainName);
        await run.RaiseAsync(proved);

        var deleted = await run.AnswerAsync(new DomainDeleted(), typeof(SendNotice), typeof(RecordRegistrationView));
        Assert.Equal(NoticeKind.DeletedOnRequest, deleted.OfType<SendNotice>().Single().Kind);
        var state = await run.SettlesInAsync(RegistrationPhase.Deleted);
        Assert.Equal("req-1", state.DeletionRequestId);
    }

    /// <summary>UA-4.7, KZ-2.2: a proved contact e-mail change waits for operations; a refusal changes nothing, an approval
    /// moves notices to the new address and tells the old one.</summary>
    public static async Task ContactEmailChangeNeedsConsent(ScenarioRun run)
    {
        await run.RaiseAsync(Paid(Order("com.ua", handle: "H-1")), typeof(CreateDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new DomainCreated(DateTimeOffset.UtcNow.AddDays(200)), typeof(SendNotice), typeof(RecordRegistrationView));
        var change = new ContactEmailChangeRequest("new-owner@example.kz");

        await run.RaiseAsync(new CustomerRequestProved("proved:req-1", "req-1", change, RequestProof.SignedInSession), typeof(FlagForOperations));
        var refused = await run.RaiseAsync(new ContactEmailChangeReviewed("consent:req-1", "req-1", false, "ops-1", DateTimeOffset.UtcNow, "no"),
            typeof(SendNotice));
        Assert.Equal((NoticeKind.ContactEmailChangeRefused, "owner@example.kz"), (refused.OfType<SendNotice>().Single().Kind, refused.OfType<SendNotice>().Single().To));

        await run.RaiseAsync(new CustomerRequestProved("proved:req-2", "req-2", change, RequestProof.ContactEmail), typeof(FlagForOperations));
        var approved = await run.RaiseAsync(new ContactEmailChangeReviewed("consent:req-2", "req-2", true, "ops-1", DateTimeOffset.UtcNow, "called back"),
            typeof(SendNotice));
        var told = approved.OfType<SendNotice>().Single();
        Assert.Equal((NoticeKind.ContactEmailChanged, "owner@example.kz", "new-owner@example.kz"), (told.Kind, told.To, told.Facts!.ContactEmail));
        var state = await run.SettlesInAsync(RegistrationPhase.Registered, s => s.Order!.ContactEmail == "new-owner@example.kz");
        Assert.Null(state.ContactEmailChange);
    }

    /// <summary>KZ-App-9: the registry's ban, read when the request is carried out, refuses the code and the customer is told
    /// why; once the ban is gone a new request sets a fresh code at the registry and mails it, the code itself in no command.</summary>
    public static async Task TransferCodeRefusedWhileBannedThenIssued(ScenarioRun run)
    {
        var expiry = DateTimeOffset.UtcNow.AddDays(200);
        await run.RaiseAsync(Paid(Order("kz", handle: "H-1")), typeof(CreateDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new DomainCreated(expiry), typeof(SendNotice), typeof(RecordRegistrationView));

        await run.RaiseAsync(new CustomerRequestProved("proved:req-1", "req-1", new TransferCodeRequest(), RequestProof.SignedInSession), typeof(QueryDomain));
        var refused = await run.AnswerAsync(new DomainInfo(true, true, "H-1", expiry, ["serverTransferProhibited"]), typeof(SendNotice), typeof(RecordRegistrationView));
        var refusal = refused.OfType<SendNotice>().Single();
        Assert.Equal((NoticeKind.TransferCodeRefused, "KZ-App-9"), (refusal.Kind, refusal.Facts!.Rules!.Single()));

        await run.RaiseAsync(new CustomerRequestProved("proved:req-2", "req-2", new TransferCodeRequest(), RequestProof.ContactEmail), typeof(QueryDomain));
        var set = (await run.AnswerAsync(new DomainInfo(true, true, "H-1", expiry, ["ok"]), typeof(SetTransferCode), typeof(RecordRegistrationView))).OfType<SetTransferCode>().Single();
        var mailed = (await run.AnswerAsync(new TransferCodeSet(), typeof(SendNotice))).OfType<SendNotice>().Single();
        Assert.Equal((NoticeKind.TransferCode, "owner@example.kz", set.CommandId), (mailed.Kind, mailed.To, mailed.Facts!.TransferCodeOf));
        var state = await run.SettlesInAsync(RegistrationPhase.Registered, s => s.TransferCode is null);
        Assert.Null(state.AwaitedCommandId);
    }

    /// <summary>UA-1.5.8: a transfer code asked without access to the contact e-mail and proved on papers is set at the registry
    /// and kept for operations to hand over: the request's record keeps the command that set it, and no mail carries it.</summary>
    public static async Task TransferCodeProvedOnPapersIsHandedOverByOperations(ScenarioRun run)
    {
        var expiry = DateTimeOffset.UtcNow.AddDays(200);
        await run.RaiseAsync(Paid(Order("com.ua", handle: "H-1")), typeof(CreateDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new DomainCreated(expiry), typeof(SendNotice), typeof(RecordRegistrationView));

        await run.RaiseAsync(new CustomerRequestProved("proved:req-1", "req-1", new TransferCodeRequest(), RequestProof.IdentityDocuments), typeof(QueryDomain));
        var set = (await run.AnswerAsync(new DomainInfo(true, true, "H-1", expiry, ["ok"]), typeof(SetTransferCode), typeof(RecordRegistrationView))).OfType<SetTransferCode>().Single();
        var kept = await run.AnswerAsync(new TransferCodeSet(), typeof(KeepTransferCodeForHandOver), typeof(FlagForOperations));
        Assert.Equal(("req-1", set.CommandId), kept.OfType<KeepTransferCodeForHandOver>().Select(k => (k.RequestId, k.SetBy)).Single());
        var state = await run.SettlesInAsync(RegistrationPhase.Registered, s => s.TransferCode is null);
        Assert.Null(state.AwaitedCommandId);
    }

    /// <summary>The gaining registrar's request is reported by poll message and read back: while it is pending nothing
    /// changes; once the registry approved it the registration ends as transferred away and the customer is told.</summary>
    public static async Task TransferredAwayOnThePollMessage(ScenarioRun run)
    {
        var expiry = DateTimeOffset.UtcNow.AddDays(200);
        await run.RaiseAsync(Paid(Order("kz", handle: "H-1")), typeof(CreateDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new DomainCreated(expiry), typeof(SendNotice), typeof(RecordRegistrationView));

        await run.RaiseAsync(new RegistryReported("poll:kaznic:1", "trnData pending"), typeof(QueryDomain));
        await run.AnswerAsync(new DomainInfo(true, true, "H-1", expiry, ["pendingTransfer"]), typeof(RecordRegistrationView));
        await run.SettlesInAsync(RegistrationPhase.Registered, s => s.AwaitedCommandId is null);

        await run.RaiseAsync(new RegistryReported("poll:kaznic:2", "trnData serverApproved"), typeof(QueryDomain));
        var told = await run.AnswerAsync(new DomainInfo(true, false, "H-9", expiry.AddYears(1), ["ok"]), typeof(SendNotice), typeof(RecordRegistrationView));
        Assert.Equal(NoticeKind.TransferredAway, told.OfType<SendNotice>().Single().Kind);
        await run.SettlesInAsync(RegistrationPhase.TransferredAway);
    }

    /// <summary>UA-1.5.8, KZ-2.4, KZ-2.5: a session does not prove a registrant change; a proved one is invoiced as a new
    /// registration, and only its payment sends the new registrant to the registry; the expiry stays.</summary>
    public static async Task RegistrantChangePaidThenCarriedOut(ScenarioRun run)
    {
        var expiry = DateTimeOffset.UtcNow.AddDays(200);
        await run.RaiseAsync(Paid(Order("kz", handle: "H-1")), typeof(CreateDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new DomainCreated(expiry), typeof(SendNotice), typeof(RecordRegistrationView));
        var change = new RegistrantChangeRequest(Person with { FullName = "Петров Пётр" });

        await run.RaiseAsync(new CustomerRequestProved("proved:req-0", "req-0", change, RequestProof.SignedInSession), typeof(FlagForOperations));
        var invoice = (await run.RaiseAsync(new CustomerRequestProved("proved:req-1", "req-1", change, RequestProof.ContactEmail), typeof(IssueRenewalInvoice)))
            .OfType<IssueRenewalInvoice>().Single();
        Assert.Equal(Core.Tariffs.TariffOperation.RegistrantChange, invoice.Operation);
        await run.RaiseAsync(new RenewalInvoiceIssued("answer:" + invoice.CommandId, invoice.CommandId, "KZ-2611-00099-1",
            Core.Money.Money.Of(9000m, Core.Money.Currency.Kzt), invoice.DueAt), typeof(SendNotice));

        var carried = await run.RaiseAsync(new RenewalPaid("renewal-paid:KZ-2611-00099-1", "KZ-2611-00099-1", 1, DateTimeOffset.UtcNow), typeof(ChangeRegistrant));
        Assert.Equal(change.Registrant, carried.OfType<ChangeRegistrant>().Single().Registrant);
        var told = await run.AnswerAsync(new RegistrantChanged("RG-NEW"), typeof(SendNotice), typeof(RecordRegistrant));
        Assert.Equal((NoticeKind.RegistrantChanged, expiry), (told.OfType<SendNotice>().Single().Kind, told.OfType<SendNotice>().Single().Facts!.ExpiresAt));
        var state = await run.SettlesInAsync(RegistrationPhase.Registered, s => s.RegistrantHandle == "RG-NEW");
        Assert.Equal(expiry, state.ExpiresAt);
        Assert.Null(state.RegistrantChange);
    }
}
