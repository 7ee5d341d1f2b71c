using Registrar.Core.Customers;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;
using static Registrar.Orchestration.Tests.Scenarios.LifecycleScenarios;

namespace Registrar.Orchestration.Tests.Scenarios;

/// <summary>A paid transfer in (RFC 5731 section 3.2.4): the request, pending at the registry until its poll message is read back.</summary>
public static class TransferInScenarios
{
    /// <summary>Approved after the registry's period: registered with the registry's expiry, the customer told, the code the
    /// customer gave erased from the order.</summary>
    public static async Task TransferInApprovedOnThePollMessage(ScenarioRun run)
    {
        var expiry = DateTimeOffset.UtcNow.AddDays(400);
        await run.RaiseAsync(Paid(TransferOrder()), typeof(RequestTransferIn), typeof(RecordRegistrationView));
        await run.AnswerAsync(new RegistryPending());
        await run.SettlesInAsync(RegistrationPhase.TransferringIn, s => s.AwaitedCommandId is null);

        await run.RaiseAsync(new RegistryReported("poll:kaznic:1", "trnData serverApproved"), typeof(QueryDomain));
        // RFC 5731 section 2.6: the losing registrar's code is replaced by a fresh one, told to nobody.
        var told = await run.AnswerAsync(new DomainInfo(true, true, "OTHER-H1", expiry, ["ok"]),
            typeof(SendNotice), typeof(EraseIncomingTransferCode), typeof(RecordRegistrationView), typeof(SetTransferCode));
        Assert.Equal(NoticeKind.TransferredIn, told.OfType<SendNotice>().Single().Kind);
        Assert.Equal("cust-1", told.OfType<EraseIncomingTransferCode>().Single().CustomerId);
        await run.AnswerAsync(new TransferCodeSet());
        var state = await run.SettlesInAsync(RegistrationPhase.Registered, s => s.AwaitedCommandId is null);
        Assert.Equal(expiry, state.ExpiresAt);
    }

    /// <summary>Rejected by the sponsoring registrar: closed, the customer told, operations asked to settle the money, the
    /// code erased from the order.</summary>
    public static async Task TransferInRejectedOnThePollMessage(ScenarioRun run)
    {
        await run.RaiseAsync(Paid(TransferOrder()), typeof(RequestTransferIn), typeof(RecordRegistrationView));
        await run.AnswerAsync(new RegistryPending());
        await run.SettlesInAsync(RegistrationPhase.TransferringIn, s => s.AwaitedCommandId is null);

        await run.RaiseAsync(new RegistryReported("poll:kaznic:1", "trnData clientRejected"), typeof(QueryDomain));
        var told = await run.AnswerAsync(new DomainInfo(true, false, "OTHER-H1", DateTimeOffset.UtcNow.AddDays(100), ["ok"]),
            typeof(SendNotice), typeof(FlagForOperations), typeof(EraseIncomingTransferCode), typeof(RecordRegistrationView));
        Assert.Equal(NoticeKind.TransferInRefused, told.OfType<SendNotice>().Single().Kind);
        await run.SettlesInAsync(RegistrationPhase.Closed);
    }

    /// <summary>RFC 5731 section 2.3: the registry refuses the request for the domain's status (a ban set after the order was
    /// checked): closed, the customer told that status stopped it, not a wrong code, operations asked to settle the money.</summary>
    public static async Task TransferInTheDomainsStatusRefuses(ScenarioRun run)
    {
        await run.RaiseAsync(Paid(TransferOrder()), typeof(RequestTransferIn), typeof(RecordRegistrationView));

        var told = await run.AnswerAsync(new RegistryRefused(2304, "Object status prohibits operation"),
            typeof(SendNotice), typeof(FlagForOperations), typeof(EraseIncomingTransferCode), typeof(RecordRegistrationView));
        var notice = told.OfType<SendNotice>().Single();
        Assert.Equal(NoticeKind.TransferInRefused, notice.Kind);
        Assert.Equal([Core.Contracts.TransferRefusalReason.RegistryBan], notice.Facts!.TransferRefusals!);
        await run.SettlesInAsync(RegistrationPhase.Closed);
    }

    /// <summary>KZ-2.8: the registry deleted the domain while its transfer waited: closed, the customer told the name is free to
    /// register, operations asked to settle the money, the code erased from the order.</summary>
    public static async Task TransferInOfADomainTheRegistryDeleted(ScenarioRun run)
    {
        await run.RaiseAsync(Paid(TransferOrder()), typeof(RequestTransferIn), typeof(RecordRegistrationView));
        await run.AnswerAsync(new RegistryPending());
        await run.SettlesInAsync(RegistrationPhase.TransferringIn, s => s.AwaitedCommandId is null);

        await run.RaiseAsync(new RegistryReported("poll:kaznic:1", "trnData serverCancelled"), typeof(QueryDomain));
        var told = await run.AnswerAsync(new DomainInfo(false, false, null, null),
            typeof(SendNotice), typeof(FlagForOperations), typeof(EraseIncomingTransferCode), typeof(RecordRegistrationView));
        Assert.Equal(NoticeKind.TransferInDomainDeleted, told.OfType<SendNotice>().Single().Kind);
        await run.SettlesInAsync(RegistrationPhase.Closed);
    }

    /// <summary>Cancelled by operations while pending: withdrawn at the registry, then closed, the customer told, operations
    /// asked to settle the money, the code erased from the order.</summary>
    public static async Task TransferInCancelledByOperations(ScenarioRun run)
    {
        await run.RaiseAsync(Paid(TransferOrder()), typeof(RequestTransferIn), typeof(RecordRegistrationView));
        await run.AnswerAsync(new RegistryPending());
        await run.SettlesInAsync(RegistrationPhase.TransferringIn, s => s.AwaitedCommandId is null);

        await run.RaiseAsync(new OperationsDecided("decision:1", new CancelTransferIn(), "ops-1", DateTimeOffset.UtcNow, "withdrawn"),
            typeof(CancelTransferInRequest));
        var closed = await run.AnswerAsync(new DomainInfo(true, false, "OTHER-H1", DateTimeOffset.UtcNow.AddDays(100), ["ok"]),
            typeof(SendNotice), typeof(FlagForOperations), typeof(EraseIncomingTransferCode), typeof(RecordRegistrationView));
        Assert.Contains("operations cancelled it", closed.OfType<FlagForOperations>().Single().Reason);
        await run.SettlesInAsync(RegistrationPhase.Closed);
    }

    /// <summary>KZ-2.3, RFC 5731 section 3.2.4: the domain arrives with the losing registrar's registrant contact, which only that
    /// registrar may update; the customer's contact change makes a contact of ours holding the registrant with the new details,
    /// and the registration keeps its handle from then on.</summary>
    public static async Task ContactChangeAfterTransferInTakesTheContactOver(ScenarioRun run)
    {
        await run.RaiseAsync(Paid(Order("kz") with { TransferIn = true }), typeof(RequestTransferIn), typeof(RecordRegistrationView));
        await run.AnswerAsync(new RegistryPending());
        await run.SettlesInAsync(RegistrationPhase.TransferringIn, s => s.AwaitedCommandId is null);
        await run.RaiseAsync(new RegistryReported("poll:kaznic:1", "trnData serverApproved"), typeof(QueryDomain));
        await run.AnswerAsync(new DomainInfo(true, true, "OTHER-H1", DateTimeOffset.UtcNow.AddDays(400), ["ok"]),
            typeof(SendNotice), typeof(EraseIncomingTransferCode), typeof(RecordRegistrationView), typeof(SetTransferCode));
        await run.AnswerAsync(new TransferCodeSet());
        await run.SettlesInAsync(RegistrationPhase.Registered, s => s.AwaitedCommandId is null);

        var contact = new RegistrantContact(new PostalAddress("KZ", "010000", "Астана", "Астана", "Кенесары", "5"), "moved@example.kz", "+7.7172123456");
        var update = (await run.RaiseAsync(new CustomerRequestProved("proved:req-1", "req-1", new RegistrantContactChangeRequest(contact), RequestProof.SignedInSession),
            typeof(UpdateRegistrantContact))).OfType<UpdateRegistrantContact>().Single();
        Assert.Equal(("OTHER-H1", "moved@example.kz"), (update.Handle, update.Registrant!.Email));
        var told = await run.AnswerAsync(new RegistrantChanged("OURS-1"), typeof(SendNotice), typeof(RecordRegistrant));
        Assert.Equal(NoticeKind.RegistrantContactChanged, told.OfType<SendNotice>().Single().Kind);
        var state = await run.SettlesInAsync(RegistrationPhase.Registered, s => s.AwaitedCommandId is null);
        Assert.Equal("OURS-1", state.RegistrantHandle);
    }

    private static RegistrationOrder TransferOrder() => Order("kz", handle: "H-1") with { TransferIn = true };
}
