using Registrar.Core.Customers;
using Registrar.Core.Registrations;

namespace Registrar.Orchestration.Tests.Scenarios;

/// <summary>The lifecycle scenarios every host must pass with the real decider: the same events in, the same
/// commands out, the same final state. Each new lifecycle flow is added here.</summary>
public static class LifecycleScenarios
{
    public static readonly RegistrantData Person = new(
        RegistrantKind.NaturalPerson, new PostalAddress("KZ", "050000", "Алматы", "Алматы", "Абая", "1", "2"),
        "owner@example.kz", "+7.7271234567", FullName: "Иванов Иван");

    public static IReadOnlyDictionary<string, Func<ScenarioRun, Task>> All { get; } = new Dictionary<string, Func<ScenarioRun, Task>>
    {
        ["A paid .kz domain gets its contact, then the domain, then the welcome mail, registered with the registry's expiry (UA-1.6)"] = PaidDomainIsRegistered,
        ["A name taken meanwhile holds the money until the customer chooses a refund (KZ-2.1)"] = NameTakenThenRefund,
        ["An unknown create outcome is reconciled with info, never sent twice"] = UnknownOutcomeReconciled,
        ["A registry that drops every create stalls the registration after five creates"] = EveryCreateDroppedStalls,
        ["A view kept in an earlier format is recorded again from the state"] = ViewRecordedAgain,
        ["A redelivered payment or answer changes nothing"] = DuplicatesChangeNothing,
        ["A refused create stalls for operations, whose retry registers it"] = RefusedThenRetried,
        ["A registry command that cannot be carried out stalls the registration until it is asked again, by itself or by operations (KZ-2.1)"] = FailedRegistryCommandStalls,
        ["A notice that cannot be mailed is kept and sent under its own id when operations retry"] = FailedNoticeIsKept,
        ["A registration past its business-day deadline is flagged once (KZ-2.1)"] = OverdueIsFlagged,
        ["A second-level .ua name waits for the trademark approval (UA-Pre-7)"] = TrademarkApprovalFirst,
        ["A name another registration here created first for the same nic-handle is taken, never a second owner (KZ-2.1, KZ-App-5)"] =
            SameNameCreatedFirstByAnotherRegistrationIsTaken,
        ["A name another registration here paid in the same bank file created first is taken by its authInfo (KZ-2.1, KZ-App-5)"] =
            SameNamePaidTogetherIsTakenByItsAuthInfo,
        ["An event for a registration that has no lifecycle creates none"] = StrayEventCreatesNothing,
        ["A reminder brings the renewal invoice whose payment renews from the previous expiry, once (KZ-2.6, KZ-2.7, UA-1.7)"] = RenewalScenarios.PaidRenewal,
        ["A renew repeated after a crash lost its answer is refused 2306, read back, and finished as renewed with the registry's expiry (UA-1.7)"] =
            RenewalScenarios.RenewRepeatedAfterACrashIsReadBack,
        ["An unpaid .kz domain past expiry is deleted, and a pending deletion waits for the registry (KZ-2.8)"] = RenewalScenarios.UnpaidKzDeleted,
        ["An expired .ua domain is restored and renewed at the redemption tariff (UA-1.11, UA-1.12, RFC 3915)"] = RenewalScenarios.ExpiredUaRestored,
        ["A .ua renewal paid before expiry and notified after the redemption invoice renews at the renewal price, the redemption invoice cancelled (UA-3.4, UA-1.11, UA-1.7)"] =
            RenewalScenarios.UaRenewalPaidInTimeNotifiedAfterExpiry,
        ["The registry is the authority for expiry and sponsor: the sweep's reading is followed"] = RenewalScenarios.RegistryIsFollowed,
        ["A missing calendar year holds the renewal invoice with a flag, checked hourly, the warnings going out without it (KZ-2.6), and it is issued when the year is loaded (KZ-2.7)"] =
            RenewalScenarios.MissingCalendarYearWaits,
        ["A renewal invoice asked for in advance is issued once, mailed, and carried by the reminder instead of a second one (KZ-2.7, KZ-2.6, UA-1.7)"] =
            RenewalInvoiceRequestScenarios.InvoiceIssuedOnRequestBeforeItsSchedule,
        ["A .ua renewal invoice is issued on request, cancelled when a notice ends the contract, and refused to operations after (KZ-2.7, UA-1.10, UA-6.1)"] =
            RenewalInvoiceRequestScenarios.UaInvoiceOnRequestThenRefusedOnceTheContractEnds,
        ["A renewal invoice that would take the expiry past the registry's maximum period is refused to operations (RFC 5731 section 3.2.3)"] =
            RenewalInvoiceRequestScenarios.RequestPastTheRegistryMaximumIssuesNoInvoice,
        ["Early deletion is mailed for confirmation, refused on a session alone, and carried out once confirmed (KZ-5.3, UA-4.7, UA-1.5.8, UA-1.5.6)"] =
            CustomerRequestScenarios.EarlyDeletionOnConfirmation,
        ["A .kz DNS change is applied at once, refused on papers, and a lost answer reconciled before the customer is told (KZ-2.3)"] =
            CustomerRequestScenarios.KzDnsChangeAppliedAtOnce,
        ["A .ua DNS change is carried out at once and flagged once past its business day (KZ-2.3)"] =
            CustomerRequestScenarios.UaDnsChangePastItsBusinessDayIsFlagged,
        ["A .ua DNS change the registry refuses goes to operations at once, with its business day to finish it (KZ-2.3)"] =
            CustomerRequestScenarios.UaDnsChangeRefusedGoesToOperationsAtOnce,
        ["A .ua DNS or contact change the registry left pending is finished by the poll message quoting its command (RFC 5731, RFC 5733, KZ-2.3)"] =
            CustomerRequestScenarios.UaChangesLeftPendingAreFinishedByThePollMessage,
        ["A .kz registrant contact change goes to the registry at once, a lost answer sent again, before the customer is told (KZ-2.3)"] =
            CustomerRequestScenarios.KzRegistrantContactChangeAppliedAtOnce,
        ["A .ua registrant contact change is carried out at once and flagged once past its business day (KZ-2.3)"] =
            CustomerRequestScenarios.UaRegistrantContactChangePastItsBusinessDayIsFlagged,
        ["A credential reset is confirmed from the contact e-mail only, then a set-password link goes there (KZ-5.3)"] =
            CustomerRequestScenarios.CredentialResetFromTheContactEmail,
        ["A contact e-mail change no contract asks consent to is carried out once proved, the old address told (KZ-2.2, KZ-2.6)"] =
            CustomerRequestScenarios.KzContactEmailChangeWithoutConsent,
        ["A contact e-mail change a contract asks consent to waits for operations: refused nothing changes, approved the old address is told (UA-4.7, KZ-2.2)"] =
            CustomerRequestScenarios.ContactEmailChangeNeedsConsent,
        ["A suspension holds the domain and asks for an explanation; a second one changes nothing; unsuspending lifts the hold (UA-2.3.1)"] =
            OperationsDecisionScenarios.SuspensionAndItsEnd,
        ["A dispute decision blocks the domain, another re-delegates it, a later one deletes it (KZ-App-2)"] = OperationsDecisionScenarios.DisputeBlocksThenDeletes,
        ["A breach not cured by its deadline cancels the registration (KZ-App-4)"] = OperationsDecisionScenarios.UncuredBreachCancels,
        ["The registrar's termination deletes the domain at its date and points to the refund (UA-1.3.4.1, UA-6.2)"] =
            OperationsDecisionScenarios.RegistrarTerminationAtItsDate,
        ["The registrar's termination counts its 30 days from the letter, not from the decision (UA-1.3.4.1)"] =
            OperationsDecisionScenarios.RegistrarTerminationCountsFromTheLetter,
        ["A termination for breach deletes the domain when its notice is sent (UA-2.3.2)"] = OperationsDecisionScenarios.BreachTerminationAtOnce,
        ["The registrant's notice ends the contract at its date (UA-6.1)"] = OperationsDecisionScenarios.RegistrantNoticeEndsTheContract,
        ["An erasure request ends the contract from the reply's date (UA-Pre-6)"] = OperationsDecisionScenarios.ErasureRequestEndsTheContractFromTheReply,
        ["A transfer code is refused naming the registry's ban, then set at the registry and mailed once the ban is gone (KZ-App-9)"] =
            CustomerRequestScenarios.TransferCodeRefusedWhileBannedThenIssued,
        ["A transfer code proved on papers is set at the registry and kept for operations to hand over, never mailed (UA-1.5.8)"] =
            CustomerRequestScenarios.TransferCodeProvedOnPapersIsHandedOverByOperations,
        ["A transfer code is refused naming the agreement that forbids it until operations lift the restriction (KZ-App-9)"] =
            OperationsDecisionScenarios.TransferRestrictedByAnotherAgreementThenLifted,
        ["A transfer away the registry holds pending while an agreement forbids it is rejected once, and the customer told why (KZ-App-9, UA-3.5)"] =
            OperationsDecisionScenarios.TransferAwayRejectedWhileAnAgreementForbidsIt,
        ["A transfer restriction recorded while a transfer away is pending rejects it first, then holds the domain (KZ-App-9)"] =
            OperationsDecisionScenarios.TransferRestrictedWhileATransferAwayIsPending,
        ["A transfer the registry reports by poll message ends the registration as transferred away, and the customer is told"] =
            CustomerRequestScenarios.TransferredAwayOnThePollMessage,
        ["A renewal the registry refuses while a transfer away is pending stalls, then ends transferred away once the domain left, the money held to return (KZ-3.2)"] =
            RenewalInvoiceRequestScenarios.RenewalRefusedWhileATransferAwayWasPendingEndsTransferredAway,
        ["An invoice of an expiry the registry moved on by itself is cancelled, so no one owes it (UA-3.5, UA-1.7)"] =
            RenewalInvoiceRequestScenarios.InvoiceOfAnExpiryTheRegistryMovedOnIsCancelled,
        ["An invoice issued after the registry renewed the domain by itself is cancelled, so no payment is taken for it (UA-1.7)"] =
            RenewalInvoiceRequestScenarios.InvoiceIssuedAfterTheRegistryRenewedIsCancelled,
        ["A renewal stalled on a registry ban ends once the registry deleted the domain, the customer told and the money held to return (KZ-3.2)"] =
            RenewalInvoiceRequestScenarios.RenewalStalledOnARegistryBanEndsOnceTheRegistryDeletedTheDomain,
        ["A registrant change is refused on a session alone, invoiced as a registration, and once paid carried out keeping the expiry (UA-1.5.8, KZ-2.4, KZ-2.5)"] =
            CustomerRequestScenarios.RegistrantChangePaidThenCarriedOut,
        ["A transfer in waits pending at the registry and is registered with its expiry once the poll message says approved, the losing registrar's code replaced (RFC 5731 section 2.6)"] =
            TransferInScenarios.TransferInApprovedOnThePollMessage,
        ["A transfer in the sponsor rejects is closed, the customer told and operations asked to settle the money"] =
            TransferInScenarios.TransferInRejectedOnThePollMessage,
        ["A transfer in the registry refuses for the domain's status is closed, the customer told that status stopped it (RFC 5731 section 2.3)"] =
            TransferInScenarios.TransferInTheDomainsStatusRefuses,
        ["A transfer in of a domain the registry deleted meanwhile is closed, the customer told the name is free (KZ-2.8)"] =
            TransferInScenarios.TransferInOfADomainTheRegistryDeleted,
        ["A pending transfer in operations cancel is withdrawn at the registry, then closed, the customer told and the money settled (RFC 5731 section 3.2.4)"] =
            TransferInScenarios.TransferInCancelledByOperations,
        ["A contact change after a transfer in takes the losing registrar's registrant contact over with one of ours, the registrant the same (KZ-2.3, RFC 5731 section 3.2.4)"] =
            TransferInScenarios.ContactChangeAfterTransferInTakesTheContactOver,
    };

    public static RegistrationOrder Order(string zone = "kz", string? handle = null, bool trademark = false) => new(
        "order-1", "cust-1", $"example.{zone}", $"example.{zone}", zone, 1, "owner@example.kz",
        handle, handle is null ? Person : null, TechnicalContact.Registrant, trademark, trademark ? "UA-123456" : null);

    public static RegistrationPaid Paid(RegistrationOrder order, DateTimeOffset? at = null) =>
        new("paid:bank-1:tx-1", order, at ?? DateTimeOffset.UtcNow);

    private static DateTimeOffset Expiry => new(DateTimeOffset.UtcNow.Year + 1, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static async Task PaidDomainIsRegistered(ScenarioRun run)
    {
        await run.RaiseAsync(Paid(Order()), typeof(CreateRegistryContact), typeof(RecordRegistrationView));
        await run.AnswerAsync(new ContactCreated("C-1"), typeof(CreateDomain), typeof(RecordRegistrationView));
        var last = await run.AnswerAsync(new DomainCreated(Expiry), typeof(SendNotice), typeof(RecordRegistrationView));

        var state = await run.SettlesInAsync(RegistrationPhase.Registered);
        Assert.Equal(Expiry, state.ExpiresAt);
        Assert.Equal(NoticeKind.Registered, last.OfType<SendNotice>().Single().Kind);
    }

    private static async Task NameTakenThenRefund(ScenarioRun run)
    {
        await run.RaiseAsync(Paid(Order(handle: "H-1")), typeof(CreateDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new NameTaken(), typeof(SendNotice), typeof(FlagForOperations), typeof(RecordRegistrationView));
        await run.SettlesInAsync(RegistrationPhase.NameTaken);

        await run.RaiseAsync(new CustomerChoseAfterNameTaken("choice:1", CustomerChoice.Refund), typeof(FlagForOperations), typeof(RecordRegistrationView));
        await run.SettlesInAsync(RegistrationPhase.Closed);
    }

    /// <summary>KZ-2.1, KZ-App-5: another registration here of the same name for the same nic-handle was created first; this
    /// one's create is answered "exists" and its read-back shows a domain the registry created before this one was paid.</summary>
    private static async Task SameNameCreatedFirstByAnotherRegistrationIsTaken(ScenarioRun run)
    {
        var paidAt = DateTimeOffset.UtcNow;
        await run.RaiseAsync(Paid(Order(handle: "H-1"), paidAt), typeof(CreateDomain), typeof(RecordRegistrationView));
        var theOthers = new DomainInfo(true, true, "H-1", Expiry, ["ok"], CreatedAt: paidAt.AddMinutes(-2));
        await run.AnswerAsync(theOthers, typeof(SendNotice), typeof(FlagForOperations), typeof(RecordRegistrationView));

        var state = await run.SettlesInAsync(RegistrationPhase.NameTaken);
        Assert.Null(state.ExpiresAt);
    }

    /// <summary>KZ-2.1, KZ-App-5: both registrations were paid before either create went out, so the other's create date
    /// follows this one's payment; the authInfo the other's create set is not this one's.</summary>
    private static async Task SameNamePaidTogetherIsTakenByItsAuthInfo(ScenarioRun run)
    {
        var paidAt = DateTimeOffset.UtcNow;
        await run.RaiseAsync(Paid(Order(handle: "H-1"), paidAt), typeof(CreateDomain), typeof(RecordRegistrationView));
        var theOthers = new DomainInfo(true, true, "H-1", Expiry, ["ok"], CreatedAt: paidAt.AddSeconds(5), CreatedByThisRegistration: false);
        await run.AnswerAsync(theOthers, typeof(SendNotice), typeof(FlagForOperations), typeof(RecordRegistrationView));

        var state = await run.SettlesInAsync(RegistrationPhase.NameTaken);
        Assert.Null(state.ExpiresAt);
    }

    private static async Task UnknownOutcomeReconciled(ScenarioRun run)
    {
        await run.RaiseAsync(Paid(Order(handle: "H-1")), typeof(CreateDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new OutcomeUnknown(), typeof(QueryDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new DomainInfo(true, true, "H-1", Expiry, CreatedAt: DateTimeOffset.UtcNow, CreatedByThisRegistration: true),
            typeof(SendNotice), typeof(RecordRegistrationView));

        var state = await run.SettlesInAsync(RegistrationPhase.Registered);
        Assert.Single(run.Host.Commands.For(run.RegistrationId).OfType<CreateDomain>());
        Assert.Equal(Expiry, state.ExpiresAt);
    }

    private static async Task EveryCreateDroppedStalls(ScenarioRun run)
    {
        await run.RaiseAsync(Paid(Order(handle: "H-1")), typeof(CreateDomain), typeof(RecordRegistrationView));
        for (var i = 1; i < RegistrationDecider.MaxUnknownOutcomes; i++)
        {
            await run.AnswerAsync(new OutcomeUnknown(), typeof(QueryDomain), typeof(RecordRegistrationView));
            await run.AnswerAsync(new DomainInfo(false, false, null, null), typeof(CreateDomain), typeof(RecordRegistrationView));
        }
        await run.AnswerAsync(new OutcomeUnknown(), typeof(FlagForOperations), typeof(RecordRegistrationView));

        await run.SettlesInAsync(RegistrationPhase.Stalled);
        Assert.Equal(RegistrationDecider.MaxUnknownOutcomes, run.Host.Commands.For(run.RegistrationId).OfType<CreateDomain>().Count());
    }

    private static async Task ViewRecordedAgain(ScenarioRun run)
    {
        await run.RaiseAsync(Paid(Order(handle: "H-1")), typeof(CreateDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new DomainCreated(Expiry), typeof(SendNotice), typeof(RecordRegistrationView));
        await run.SettlesInAsync(RegistrationPhase.Registered);

        var again = await run.RaiseAsync(new ViewRecordAgainRequested("view-format:1:r"), typeof(RecordRegistrationView));

        Assert.Equal(Expiry, again.OfType<RecordRegistrationView>().Single().View.ExpiresAt);
        await run.SettlesInAsync(RegistrationPhase.Registered);
    }

    private static async Task DuplicatesChangeNothing(ScenarioRun run)
    {
        var paid = Paid(Order(handle: "H-1"));
        var create = (await run.RaiseAsync(paid, typeof(CreateDomain), typeof(RecordRegistrationView))).OfType<CreateDomain>().Single();
        var answer = new RegistryAnswered("answer:" + create.CommandId, create.CommandId, new DomainCreated(Expiry));
        await run.RaiseAsync(paid);
        await run.RaiseAsync(answer, typeof(SendNotice), typeof(RecordRegistrationView));
        await run.RaiseAsync(answer);
        await run.RaiseAsync(paid);

        await run.SettlesInAsync(RegistrationPhase.Registered);
        Assert.Single(run.Host.Commands.For(run.RegistrationId).OfType<SendNotice>());
    }

    private static async Task RefusedThenRetried(ScenarioRun run)
    {
        await run.RaiseAsync(Paid(Order(handle: "H-1")), typeof(CreateDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new RegistryRefused(2306, "Parameter value policy error"), typeof(FlagForOperations), typeof(RecordRegistrationView));
        await run.SettlesInAsync(RegistrationPhase.Stalled);

        await run.RaiseAsync(new OperationsRetried("retry:1", "ops-1"), typeof(CreateDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new DomainCreated(Expiry), typeof(SendNotice), typeof(RecordRegistrationView));
        await run.SettlesInAsync(RegistrationPhase.Registered);
    }

    private static async Task FailedRegistryCommandStalls(ScenarioRun run)
    {
        run.Host.Commands.FailWhile(run.RegistrationId, c => c is CreateDomain);
        // The view of the creation is superseded by the stall's, decided when the create failed for the last time.
        Type[] stalled = run.Host.SkipsSupersededCommands
            ? [typeof(RecordRegistrationView)]
            : [typeof(RecordRegistrationView), typeof(RecordRegistrationView)];
        await run.RaiseAsync(Paid(Order(handle: "H-1")), stalled);
        await run.SettlesInAsync(RegistrationPhase.Stalled);
        // KZ-2.1: the host wakes the registration to ask the registry again by itself; no one is asked yet.
        var askAgainIn = await run.Host.WakeAtAsync(run.RegistrationId) - DateTimeOffset.UtcNow;
        Assert.InRange(askAgainIn!.Value, TimeSpan.Zero, RegistryOutageRetries.Delays[0]);

        run.Host.Commands.Recover(run.RegistrationId);
        await run.RaiseAsync(new OperationsRetried("retry:1", "ops-1"), typeof(CreateDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new DomainCreated(Expiry), typeof(SendNotice), typeof(RecordRegistrationView));
        await run.SettlesInAsync(RegistrationPhase.Registered);
    }

    private static async Task FailedNoticeIsKept(ScenarioRun run)
    {
        await run.RaiseAsync(Paid(Order(handle: "H-1")), typeof(CreateDomain), typeof(RecordRegistrationView));
        run.Host.Commands.FailWhile(run.RegistrationId, c => c is SendNotice);
        await run.AnswerAsync(new DomainCreated(Expiry), typeof(RecordRegistrationView), typeof(FlagForOperations));
        var waiting = await run.SettlesInAsync(RegistrationPhase.Registered, s => s.FailedCommands.Count > 0);
        var failed = Assert.IsType<SendNotice>(Assert.Single(waiting.FailedCommands));

        run.Host.Commands.Recover(run.RegistrationId);
        var sent = await run.RaiseAsync(new OperationsRetried("retry:1", "ops-1"), typeof(SendNotice));
        Assert.Equal(failed.CommandId, sent.Single().CommandId);
        await run.SettlesInAsync(RegistrationPhase.Registered, s => s.FailedCommands.Count == 0);
    }

    private static async Task OverdueIsFlagged(ScenarioRun run)
    {
        var longAgo = DateTimeOffset.UtcNow.AddDays(-14);
        await run.RaiseAsync(Paid(Order(handle: "H-1"), longAgo), typeof(CreateDomain), typeof(RecordRegistrationView), typeof(FlagForOperations));

        // The flag comes from the timer episode after the payment's: wait for the state that episode wrote.
        var state = await run.SettlesInAsync(RegistrationPhase.CreatingDomain, s => s.OverdueFlagged);
        Assert.True(state.DueBy < DateTimeOffset.UtcNow, "flagged only once past the business-day deadline");
    }

    private static async Task TrademarkApprovalFirst(ScenarioRun run)
    {
        await run.RaiseAsync(Paid(Order("ua", handle: "H-1", trademark: true)), typeof(FlagForOperations), typeof(RecordRegistrationView));
        await run.SettlesInAsync(RegistrationPhase.AwaitingTrademarkReview);

        await run.RaiseAsync(new TrademarkReviewed("trademark:1", true, "ops-1", null), typeof(CreateDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new DomainCreated(Expiry), typeof(SendNotice), typeof(RecordRegistrationView));
        await run.SettlesInAsync(RegistrationPhase.Registered);
    }

    private static async Task StrayEventCreatesNothing(ScenarioRun run)
    {
        await run.RaiseAsync(new OperationsRetried("retry:1", "ops-1"));
        await Task.Delay(1000);

        Assert.Null(await run.Host.StateAsync(run.RegistrationId));
        Assert.Empty(run.Host.Commands.For(run.RegistrationId));
    }
}
