using Registrar.Core.Money;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;
using Registrar.Core.Tariffs;
using static Registrar.Orchestration.Tests.Scenarios.LifecycleScenarios;

namespace Registrar.Orchestration.Tests.Scenarios;

/// <summary>KZ-2.7: the customer asks in advance for the renewal invoice; the registration issues it once and its schedule
/// issues no second one while it is open.</summary>
public static class RenewalInvoiceRequestScenarios
{
    /// <summary>Time enough for the steps before the 30-day reminder, which the host's own timer then brings.</summary>
    private static readonly TimeSpan UntilFirstReminder = TimeSpan.FromSeconds(15);

    public static async Task InvoiceIssuedOnRequestBeforeItsSchedule(ScenarioRun run)
    {
        await run.RaiseAsync(Paid(Order(handle: "H-1")), typeof(CreateDomain), typeof(RecordRegistrationView));
        var expiry = DateTimeOffset.UtcNow.AddDays(30) + UntilFirstReminder;
        await run.AnswerAsync(new DomainCreated(expiry), typeof(SendNotice), typeof(RecordRegistrationView));

        var asked = await run.RaiseAsync(Requested("rir-1"), typeof(IssueRenewalInvoice));
        var invoice = asked.OfType<IssueRenewalInvoice>().Single();
        Assert.Equal((1, TariffOperation.Renew), (invoice.Years, invoice.Operation));
        // A repeat while the invoice is on its way, and once it is open, issues nothing more.
        await run.RaiseAsync(Requested("rir-2"));
        var mailed = await run.RaiseAsync(InvoiceIssued(invoice, "INV-1"), typeof(SendNotice));
        Assert.Equal((NoticeKind.RenewalInvoice, "INV-1"), (mailed.OfType<SendNotice>().Single().Kind, mailed.OfType<SendNotice>().Single().Facts!.InvoiceNumber));
        await run.RaiseAsync(Requested("rir-3"));

        // KZ-2.6: the 30-day reminder falls due and carries the open invoice instead of issuing a second one.
        var reminder = await run.StepAsync(() => Task.CompletedTask, typeof(SendNotice));
        var notice = reminder.OfType<SendNotice>().Single();
        Assert.Equal((NoticeKind.RenewalReminder, "INV-1"), (notice.Kind, notice.Facts!.InvoiceNumber));
        var state = await run.SettlesInAsync(RegistrationPhase.Registered, s => s.Renewal.RemindersSent.Contains("before-expiry-30d"));
        Assert.Equal("INV-1", state.Renewal.InvoiceNumber);

        await run.RaiseAsync(new RenewalPaid("renewal-paid:INV-1", "INV-1", 1, DateTimeOffset.UtcNow), typeof(RenewDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new DomainRenewed(expiry.AddYears(1)), typeof(SendNotice), typeof(RecordRegistrationView));
        await run.SettlesInAsync(RegistrationPhase.Registered, s => s.ExpiresAt == expiry.AddYears(1));
    }

    /// <summary>UA-1.10: a .ua registrant asks the same way; UA-6.1: once a notice ends the contract, no renewal is invoiced on
    /// request, and operations answer the customer.</summary>
    public static async Task UaInvoiceOnRequestThenRefusedOnceTheContractEnds(ScenarioRun run)
    {
        await run.RaiseAsync(Paid(Order("com.ua", handle: "H-1")), typeof(CreateDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new DomainCreated(DateTimeOffset.UtcNow.AddDays(200)), typeof(SendNotice), typeof(RecordRegistrationView));

        var asked = await run.RaiseAsync(Requested("rir-1"), typeof(IssueRenewalInvoice));
        var invoice = asked.OfType<IssueRenewalInvoice>().Single();
        Assert.Equal(TariffOperation.Renew, invoice.Operation);
        await run.RaiseAsync(InvoiceIssued(invoice, "INV-2"), typeof(SendNotice));

        var ending = new TerminationRequest(DateTimeOffset.UtcNow.AddDays(20), "UA-6.1");
        // UA-6.1, UA-6.4: the notice stops the renewal the open invoice billed, so that invoice is cancelled with it.
        var proved = await run.RaiseAsync(new CustomerRequestProved("proved:req-1", "req-1", ending, RequestProof.ContactEmail, DateTimeOffset.UtcNow),
            typeof(CancelRenewalInvoice), typeof(SendNotice), typeof(RecordRegistrationView));
        Assert.Equal(("INV-2", "UA-6.1"), proved.OfType<CancelRenewalInvoice>().Select(c => (c.InvoiceNumber, c.EndingRule)).Single());
        var refused = await run.RaiseAsync(Requested("rir-2"), typeof(FlagForOperations));
        Assert.Contains("(UA-6.1): no renewal is invoiced", refused.OfType<FlagForOperations>().Single().Reason);
        await run.SettlesInAsync(RegistrationPhase.Registered, s => s.Ending is not null);
    }

    /// <summary>RFC 5731 section 3.2.3: ten years paid ahead, another year would pass the registry's maximum registration
    /// period; the request issues no invoice (the registry would refuse the paid renewal, 2306) and operations answer the customer.</summary>
    public static async Task RequestPastTheRegistryMaximumIssuesNoInvoice(ScenarioRun run)
    {
        await run.RaiseAsync(Paid(Order(handle: "H-1") with { TermYears = 10 }), typeof(CreateDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new DomainCreated(DateTimeOffset.UtcNow.AddYears(10)), typeof(SendNotice), typeof(RecordRegistrationView));

        var refused = await run.RaiseAsync(Requested("rir-1"), typeof(FlagForOperations));

        Assert.Contains("maximum registration period of 10 years (RFC 5731 section 3.2.3)", refused.OfType<FlagForOperations>().Single().Reason);
        await run.SettlesInAsync(RegistrationPhase.Registered, s => s.Renewal.InvoiceCommandId is null && s.Renewal.InvoiceNumber is null);
    }

    /// <summary>KZ-3.2: a renewal paid while a transfer away was pending is refused by the registry and stalls; once the registry
    /// shows the domain under another registrar, the registration ends transferred away, the customer is told and the money is
    /// held for operations to return.</summary>
    public static async Task RenewalRefusedWhileATransferAwayWasPendingEndsTransferredAway(ScenarioRun run)
    {
        var expiry = await RenewalStalledOnAsync(run, "pendingTransfer");

        var left = await run.RaiseAsync(new RegistryObserved("observed:1", new DomainInfo(true, false, "H-9", expiry.AddYears(1), ["ok"]), DateTimeOffset.UtcNow),
            typeof(SendNotice), typeof(HoldUnrenderedRenewalPayment), typeof(RecordRegistrationView));
        Assert.Equal(NoticeKind.TransferredAway, left.OfType<SendNotice>().Single().Kind);
        Assert.Equal("INV-1", left.OfType<HoldUnrenderedRenewalPayment>().Single().InvoiceNumber);
        await run.SettlesInAsync(RegistrationPhase.TransferredAway);
    }

    /// <summary>UA-3.5, UA-1.7: the registry renewed the domain by itself; the invoice of the earlier expiry bills a renewal no one
    /// owes now, and is cancelled, so a payment of it is held rather than taken for nothing.</summary>
    public static async Task InvoiceOfAnExpiryTheRegistryMovedOnIsCancelled(ScenarioRun run)
    {
        var expiry = DateTimeOffset.UtcNow.AddDays(200);
        await run.RaiseAsync(Paid(Order("com.ua", handle: "H-1")), typeof(CreateDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new DomainCreated(expiry), typeof(SendNotice), typeof(RecordRegistrationView));
        var asked = await run.RaiseAsync(Requested("rir-1"), typeof(IssueRenewalInvoice));
        await run.RaiseAsync(InvoiceIssued(asked.OfType<IssueRenewalInvoice>().Single(), "INV-1"), typeof(SendNotice));

        var moved = await run.RaiseAsync(new RegistryObserved("observed:1", new DomainInfo(true, true, "H-1", expiry.AddYears(1), ["ok"]), DateTimeOffset.UtcNow),
            typeof(CancelRenewalInvoice), typeof(FlagForOperations), typeof(RecordRegistrationView));
        Assert.Equal(("INV-1", InvoiceCancellation.RegistryRenewedRule), moved.OfType<CancelRenewalInvoice>().Select(c => (c.InvoiceNumber, c.EndingRule)).Single());
        await run.SettlesInAsync(RegistrationPhase.Registered, s => s.ExpiresAt == expiry.AddYears(1) && s.Renewal.InvoiceNumber is null);
    }

    /// <summary>UA-1.7: the registry renewed the domain by itself while an invoice of the earlier expiry was being issued; issued
    /// after that, it bills nothing and is cancelled, so no payment is taken for it.</summary>
    public static async Task InvoiceIssuedAfterTheRegistryRenewedIsCancelled(ScenarioRun run)
    {
        var expiry = DateTimeOffset.UtcNow.AddDays(200);
        await run.RaiseAsync(Paid(Order("kiev.ua", handle: "H-1")), typeof(CreateDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new DomainCreated(expiry), typeof(SendNotice), typeof(RecordRegistrationView));
        var asked = await run.RaiseAsync(Requested("rir-1"), typeof(IssueRenewalInvoice));
        await run.RaiseAsync(new RegistryObserved("observed:1", new DomainInfo(true, true, "H-1", expiry.AddYears(1), ["ok"]), DateTimeOffset.UtcNow),
            typeof(FlagForOperations), typeof(RecordRegistrationView));

        var issued = await run.RaiseAsync(InvoiceIssued(asked.OfType<IssueRenewalInvoice>().Single(), "INV-1"), typeof(CancelRenewalInvoice));

        Assert.Equal(("INV-1", InvoiceCancellation.RoundEndedRule), issued.OfType<CancelRenewalInvoice>().Select(c => (c.InvoiceNumber, c.EndingRule)).Single());
        await run.SettlesInAsync(RegistrationPhase.Registered, s => s.ExpiresAt == expiry.AddYears(1) && s.Renewal.InvoiceNumber is null);
    }

    /// <summary>KZ-3.2, RFC 5731 section 3.1.2: a paid renewal the registry refuses for its own ban stalls; once the registry no
    /// longer holds the domain, the registration ends, the customer is told and the money is held to return.</summary>
    public static async Task RenewalStalledOnARegistryBanEndsOnceTheRegistryDeletedTheDomain(ScenarioRun run)
    {
        await RenewalStalledOnAsync(run, "serverRenewProhibited");

        var gone = await run.RaiseAsync(new RegistryObserved("observed:1", new DomainInfo(false, false, null, null), DateTimeOffset.UtcNow),
            typeof(SendNotice), typeof(HoldUnrenderedRenewalPayment), typeof(FlagForOperations), typeof(RecordRegistrationView));

        Assert.Equal(NoticeKind.DeletedByRegistry, gone.OfType<SendNotice>().Single().Kind);
        Assert.Equal("INV-1", gone.OfType<HoldUnrenderedRenewalPayment>().Single().InvoiceNumber);
        await run.SettlesInAsync(RegistrationPhase.Deleted);
    }

    /// <summary>A .kz registration whose renewal, paid by INV-1, the registry refused for <paramref name="status"/>: stalled for
    /// operations. Returns the expiry.</summary>
    private static async Task<DateTimeOffset> RenewalStalledOnAsync(ScenarioRun run, string status)
    {
        var expiry = DateTimeOffset.UtcNow.AddDays(200);
        await run.RaiseAsync(Paid(Order(handle: "H-1")), typeof(CreateDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new DomainCreated(expiry), typeof(SendNotice), typeof(RecordRegistrationView));
        var asked = await run.RaiseAsync(Requested("rir-1"), typeof(IssueRenewalInvoice));
        await run.RaiseAsync(InvoiceIssued(asked.OfType<IssueRenewalInvoice>().Single(), "INV-1"), typeof(SendNotice));
        await run.RaiseAsync(new RenewalPaid("renewal-paid:INV-1", "INV-1", 1, DateTimeOffset.UtcNow), typeof(RenewDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new RegistryRefused(2304, $"example.kz has {status}"), typeof(QueryDomain));
        await run.AnswerAsync(new DomainInfo(true, true, "H-1", expiry, [status]), typeof(FlagForOperations), typeof(RecordRegistrationView));
        await run.SettlesInAsync(RegistrationPhase.Stalled);
        return expiry;
    }

    private static RenewalInvoiceRequested Requested(string requestId) =>
        new($"renewal-invoice-request:{requestId}", requestId, DateTimeOffset.UtcNow);

    private static RenewalInvoiceIssued InvoiceIssued(IssueRenewalInvoice invoice, string number) =>
        new("answer:" + invoice.CommandId, invoice.CommandId, number, Money.Of(9000m, Currency.Kzt), invoice.DueAt);
}
