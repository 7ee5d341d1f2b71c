using Registrar.Core.Contracts;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;
using static Registrar.Orchestration.Tests.Scenarios.LifecycleScenarios;

namespace Registrar.Orchestration.Tests.Scenarios;

/// <summary>Decisions operations take about a registered domain, carried out by its lifecycle (UA-2.3.1, KZ-App-2,
/// KZ-App-4, UA-1.3.4.1, UA-2.3.2). Deadlines a few seconds ahead are met by the host's own timer.</summary>
public static class OperationsDecisionScenarios
{
    /// <summary>UA-2.3.1: suspended on a ground, the domain is put on hold and the registrant asked to explain; a second
    /// suspension goes back to operations; unsuspended, the hold is lifted.</summary>
    public static async Task SuspensionAndItsEnd(ScenarioRun run)
    {
        await RegisteredAsync(run, "com.ua");

        var suspended = await run.RaiseAsync(Decided("1", new SuspendService(SuspensionGround.InaccurateContactData)), typeof(SetDomainHolds), typeof(SendNotice),
            typeof(RecordRegistrationView));
        Assert.NotNull(suspended.OfType<RecordRegistrationView>().Single().View.SuspendedSince);
        Assert.Equal(["clientHold"], suspended.OfType<SetDomainHolds>().Single().Holds);
        Assert.Equal((NoticeKind.Suspended, "2.3.1.2"), (suspended.OfType<SendNotice>().Single().Kind, suspended.OfType<SendNotice>().Single().Facts!.Clause));
        await run.AnswerAsync(new HoldsUpdated(["clientHold"]), typeof(RecordRegistrationView));
        await run.RaiseAsync(Decided("2", new SuspendService(SuspensionGround.Malware)), typeof(FlagForOperations));

        var lifted = await run.RaiseAsync(Decided("3", new ResumeService()), typeof(SetDomainHolds), typeof(SendNotice), typeof(RecordRegistrationView));
        Assert.Empty(lifted.OfType<SetDomainHolds>().Single().Holds);
        await run.AnswerAsync(new HoldsUpdated([]), typeof(RecordRegistrationView));
        await run.SettlesInAsync(RegistrationPhase.Registered, s => s.Suspension is null && s.HoldsCommandId is null);
    }

    /// <summary>KZ-App-2: a dispute decision blocks the domain (held and not transferable), another re-delegates it to the
    /// registrant it names, a later one deletes it.</summary>
    public static async Task DisputeBlocksThenDeletes(ScenarioRun run)
    {
        await RegisteredAsync(run, "kz");

        var blocked = await run.RaiseAsync(Decided("1", new DisputeDecision(DisputeOutcome.Block, "Court ruling 2-123/2026", "KZ-App-2")),
            typeof(SetDomainHolds), typeof(SendNotice), typeof(RecordRegistrationView));
        Assert.NotNull(blocked.OfType<RecordRegistrationView>().Single().View.DisputeBlockedSince);
        Assert.Equal(SetDomainHolds.ManagedHolds, blocked.OfType<SetDomainHolds>().Single().Holds);
        await run.AnswerAsync(new HoldsUpdated(SetDomainHolds.ManagedHolds), typeof(RecordRegistrationView));

        var redelegated = await run.RaiseAsync(Decided("3", new DisputeDecision(DisputeOutcome.Redelegate, "Court ruling 2-124/2026", "KZ-App-2", Person)),
            typeof(ChangeRegistrant), typeof(FlagForOperations));
        Assert.Equal(Person, redelegated.OfType<ChangeRegistrant>().Single().Registrant);
        await run.AnswerAsync(new RegistrantChanged("C-claimant"), typeof(SendNotice), typeof(RecordRegistrant));

        await run.RaiseAsync(Decided("2", new DisputeDecision(DisputeOutcome.Delete, "Appeal ruling 2-9/2026", "KZ-App-2")),
            typeof(DeleteDomain), typeof(RecordRegistrationView));
        var ended = await run.AnswerAsync(new DomainDeleted(), typeof(SendNotice), typeof(RecordRegistrationView));
        Assert.Equal(NoticeKind.ServiceEnded, ended.OfType<SendNotice>().Single().Kind);
        var state = await run.SettlesInAsync(RegistrationPhase.Deleted);
        Assert.Equal("KZ-App-2", state.Ending!.Rule);
    }

    /// <summary>KZ-App-4: a breach not cured by its deadline cancels the registration when the host's timer reaches it.</summary>
    public static async Task UncuredBreachCancels(ScenarioRun run)
    {
        await RegisteredAsync(run, "kz");
        var deadline = DateTimeOffset.UtcNow.AddSeconds(2);

        var noticed = await run.RaiseAsync(Decided("1", new BreachNotice(deadline)), typeof(SendNotice), typeof(RecordRegistrationView));
        Assert.Equal(deadline, noticed.OfType<RecordRegistrationView>().Single().View.BreachCureDeadline);
        Assert.Equal(NoticeKind.BreachNoticed, noticed.OfType<SendNotice>().Single().Kind);

        await run.StepAsync(() => Task.CompletedTask, typeof(DeleteDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new DomainDeleted(), typeof(SendNotice), typeof(RecordRegistrationView));
        var state = await run.SettlesInAsync(RegistrationPhase.Deleted);
        Assert.Equal(new ServiceEnding(BreachCure.Rule, deadline, TerminationGround.BreachUncured, CarriedOut: true), state.Ending);
    }

    /// <summary>UA-1.3.4.1: the registrar's termination deletes the domain when its notice period ends and points operations at
    /// the refund of whole unused months (UA-6.2); a second notice while one runs, which would end the contract later, changes nothing.</summary>
    public static async Task RegistrarTerminationAtItsDate(ScenarioRun run)
    {
        await RegisteredAsync(run, "com.ua");
        var effective = DateTimeOffset.UtcNow.AddSeconds(2);

        var noticed = await run.RaiseAsync(Decided("1", new TerminationNotice(TerminationGround.RegistrarNotice, effective, "UA-1.3.4.1")),
            typeof(SendNotice), typeof(RecordRegistrationView));
        Assert.Equal(new ContractEnd("UA-1.3.4.1", effective, TerminationGround.RegistrarNotice), noticed.OfType<RecordRegistrationView>().Single().View.ContractEnd);
        Assert.Equal(effective, noticed.OfType<SendNotice>().Single().Facts!.DeletionAt);
        await run.RaiseAsync(Decided("2", new TerminationNotice(TerminationGround.RegistrarNotice, effective.AddDays(30), "UA-1.3.4.1")), typeof(FlagForOperations));

        var deleting = await run.StepAsync(() => Task.CompletedTask, typeof(DeleteDomain), typeof(FlagForOperations), typeof(RecordRegistrationView));
        Assert.Contains("UA-6.2", deleting.OfType<FlagForOperations>().Single().Reason);
        await run.AnswerAsync(new DomainDeleted(), typeof(SendNotice), typeof(RecordRegistrationView));
        await run.SettlesInAsync(RegistrationPhase.Deleted);
    }

    /// <summary>UA-1.3.4.1: the notice's 30 days run from the letter: a letter that left days after its decision moves the end,
    /// the customer gets the letter again with it, and operations are told.</summary>
    public static async Task RegistrarTerminationCountsFromTheLetter(ScenarioRun run)
    {
        await RegisteredAsync(run, "com.ua");
        var decidedEnd = DateTimeOffset.UtcNow.AddDays(10);
        var notice = (await run.RaiseAsync(Decided("1", new TerminationNotice(TerminationGround.RegistrarNotice, decidedEnd, "UA-1.3.4.1")),
            typeof(SendNotice), typeof(RecordRegistrationView))).OfType<SendNotice>().Single();

        var flagged = await run.RaiseAsync(new NoticeSent(NoticePeriods.EventId(notice.CommandId), notice.CommandId, notice.Kind,
            DateTimeOffset.UtcNow.AddDays(5)), typeof(SendNotice), typeof(FlagForOperations), typeof(RecordRegistrationView));

        Assert.Contains("UA-1.3.4.1", flagged.OfType<FlagForOperations>().Single().Reason);
        Assert.Equal(NoticeKind.TerminationNoticed, flagged.OfType<SendNotice>().Single().Kind);
        var state = await run.SettlesInAsync(RegistrationPhase.Registered, s => s.Ending?.EffectiveAt > decidedEnd);
        Assert.InRange(state.Ending!.EffectiveAt - decidedEnd, TimeSpan.FromDays(24), TimeSpan.FromDays(27));
    }

    /// <summary>UA-2.3.2: a termination for the registrant's breach takes effect when its notice is sent.</summary>
    public static async Task BreachTerminationAtOnce(ScenarioRun run)
    {
        await RegisteredAsync(run, "kyiv.ua");

        await run.RaiseAsync(Decided("1", new TerminationNotice(TerminationGround.RegistrantBreach, DateTimeOffset.UtcNow, "UA-2.3.2")),
            typeof(SendNotice), typeof(DeleteDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new DomainDeleted(), typeof(SendNotice), typeof(RecordRegistrationView));
        await run.SettlesInAsync(RegistrationPhase.Deleted);
    }

    /// <summary>UA-6.1: the registrant's proved notice confirms the contract's end; the host's timer deletes the domain then.</summary>
    public static async Task RegistrantNoticeEndsTheContract(ScenarioRun run)
    {
        await RegisteredAsync(run, "com.ua");
        var endsAt = DateTimeOffset.UtcNow.AddSeconds(2);

        var confirmed = await run.RaiseAsync(new CustomerRequestProved("proved:req-1", "req-1", new TerminationRequest(endsAt, "UA-6.1"),
            RequestProof.ContactEmail), typeof(SendNotice), typeof(RecordRegistrationView));
        Assert.Equal((NoticeKind.TerminationConfirmed, endsAt), (confirmed.OfType<SendNotice>().Single().Kind, confirmed.OfType<SendNotice>().Single().Facts!.DeletionAt));

        await run.StepAsync(() => Task.CompletedTask, typeof(DeleteDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new DomainDeleted(), typeof(SendNotice), typeof(RecordRegistrationView));
        var state = await run.SettlesInAsync(RegistrationPhase.Deleted);
        Assert.Equal("UA-6.1", state.Ending!.Rule);
    }

    /// <summary>UA-Pre-6: a written erasure request ends the contract from the date of the registrar's reply, sooner than the
    /// registrant's notice already running; the end is confirmed to the registrant and the domain deleted at once.</summary>
    public static async Task ErasureRequestEndsTheContractFromTheReply(ScenarioRun run)
    {
        await RegisteredAsync(run, "com.ua");
        await run.RaiseAsync(new CustomerRequestProved("proved:req-1", "req-1", new TerminationRequest(DateTimeOffset.UtcNow.AddDays(60), "UA-6.1"),
            RequestProof.ContactEmail), typeof(SendNotice), typeof(RecordRegistrationView));
        var repliedOn = DateTimeOffset.UtcNow.AddDays(-1);

        var confirmed = await run.RaiseAsync(Decided("1", new TerminationNotice(TerminationGround.ErasureRequest, repliedOn, "UA-Pre-6")),
            typeof(SendNotice), typeof(DeleteDomain), typeof(RecordRegistrationView));
        Assert.Equal(NoticeKind.TerminationConfirmed, confirmed.OfType<SendNotice>().Single().Kind);
        await run.AnswerAsync(new DomainDeleted(), typeof(SendNotice), typeof(RecordRegistrationView));
        var state = await run.SettlesInAsync(RegistrationPhase.Deleted);
        Assert.Equal(("UA-Pre-6", repliedOn), (state.Ending!.Rule, state.Ending.EffectiveAt));
    }

    /// <summary>KZ-App-9: while another agreement forbids the transfer, the domain carries clientTransferProhibited, a proved
    /// transfer code request is refused naming it and the customer's view carries the agreement; once operations lift the
    /// restriction the ban goes and a new request sets the code.</summary>
    public static async Task TransferRestrictedByAnotherAgreementThenLifted(ScenarioRun run)
    {
        await RegisteredAsync(run, "kz");
        var expiry = DateTimeOffset.UtcNow.AddDays(200);

        var restricted = await run.RaiseAsync(Decided("1", new RestrictTransfer("Pledge agreement 12/2026", "KZ-App-9")),
            typeof(SetDomainHolds), typeof(RecordRegistrationView));
        Assert.Equal("Pledge agreement 12/2026", restricted.OfType<RecordRegistrationView>().Single().View.TransferRestriction);
        Assert.Equal(["clientTransferProhibited"], restricted.OfType<SetDomainHolds>().Single().Holds);
        await run.AnswerAsync(new HoldsUpdated(["clientTransferProhibited"]), typeof(RecordRegistrationView));
        await run.RaiseAsync(new CustomerRequestProved("proved:req-1", "req-1", new TransferCodeRequest(), RequestProof.SignedInSession), typeof(QueryDomain));
        var refused = (await run.AnswerAsync(new DomainInfo(true, true, "H-1", expiry, ["ok"]), typeof(SendNotice), typeof(RecordRegistrationView))).OfType<SendNotice>().Single();
        Assert.Equal((NoticeKind.TransferCodeRefused, TransferRefusalReason.AgreementForbidsTransfer), (refused.Kind, refused.Facts!.TransferRefusals!.Single()));

        await run.RaiseAsync(Decided("2", new LiftTransferRestriction()), typeof(SetDomainHolds), typeof(RecordRegistrationView));
        await run.AnswerAsync(new HoldsUpdated([]));
        await run.RaiseAsync(new CustomerRequestProved("proved:req-2", "req-2", new TransferCodeRequest(), RequestProof.SignedInSession), typeof(QueryDomain));
        await run.AnswerAsync(new DomainInfo(true, true, "H-1", expiry, ["ok"]), typeof(SetTransferCode));
        await run.AnswerAsync(new TransferCodeSet(), typeof(SendNotice));
        await run.SettlesInAsync(RegistrationPhase.Registered, s => s.TransferRestriction is null && s.TransferCode is null);
    }

    /// <summary>KZ-App-9: another registrar's transfer, held pending at the registry while an agreement recorded here forbids it,
    /// is rejected there once and the customer told why; read back no longer pending, the registration goes on as it was.</summary>
    public static async Task TransferAwayRejectedWhileAnAgreementForbidsIt(ScenarioRun run)
    {
        await RegisteredAsync(run, "kz");
        DateTimeOffset? expiry = null; // the registry's answers leave the expiry the registration holds as it is
        await run.RaiseAsync(Decided("1", new RestrictTransfer("Pledge agreement 12/2026", "KZ-App-9")), typeof(SetDomainHolds), typeof(RecordRegistrationView));
        await run.AnswerAsync(new HoldsUpdated(["clientTransferProhibited"]), typeof(RecordRegistrationView));

        await run.RaiseAsync(new RegistryReported("poll:kaznic:1", "trnData pending"), typeof(QueryDomain));
        var rejected = await run.AnswerAsync(new DomainInfo(true, true, "H-1", expiry, ["pendingTransfer"]), typeof(RejectTransferAway), typeof(SendNotice), typeof(RecordRegistrationView));
        Assert.Equal(["KZ-App-9"], rejected.OfType<SendNotice>().Single().Facts!.Rules!);

        await run.AnswerAsync(new DomainInfo(true, true, "H-1", expiry, ["clientTransferProhibited"]), typeof(RecordRegistrationView));
        await run.SettlesInAsync(RegistrationPhase.Registered, s => s.AwaitedCommandId is null && s.TransferAwayRejectionCommandId is null);
    }

    /// <summary>KZ-App-9: a restriction recorded while another registrar's transfer is pending rejects it first, as a registry
    /// refuses clientTransferProhibited beside pendingTransfer, and holds the domain once the rejection's answer shows it gone.</summary>
    public static async Task TransferRestrictedWhileATransferAwayIsPending(ScenarioRun run)
    {
        await RegisteredAsync(run, "kz");
        DateTimeOffset? expiry = null;
        await run.RaiseAsync(new RegistryReported("poll:kaznic:1", "trnData pending"), typeof(QueryDomain));
        await run.AnswerAsync(new DomainInfo(true, true, "H-1", expiry, ["pendingTransfer"]), typeof(RecordRegistrationView));

        var rejected = await run.RaiseAsync(Decided("1", new RestrictTransfer("Pledge agreement 12/2026", "KZ-App-9")),
            typeof(RejectTransferAway), typeof(SendNotice), typeof(RecordRegistrationView));
        Assert.Equal(["KZ-App-9"], rejected.OfType<SendNotice>().Single().Facts!.Rules!);
        var held = await run.AnswerAsync(new DomainInfo(true, true, "H-1", expiry, ["ok"]), typeof(SetDomainHolds), typeof(RecordRegistrationView));
        Assert.Equal(["clientTransferProhibited"], held.OfType<SetDomainHolds>().Single().Holds);
        await run.AnswerAsync(new HoldsUpdated(["clientTransferProhibited"]), typeof(RecordRegistrationView));
        await run.SettlesInAsync(RegistrationPhase.Registered, s => s.HoldsCommandId is null && s.TransferAwayRejectionCommandId is null);
    }

    private static async Task RegisteredAsync(ScenarioRun run, string zone)
    {
        await run.RaiseAsync(Paid(Order(zone, handle: "H-1")), typeof(CreateDomain), typeof(RecordRegistrationView));
        await run.AnswerAsync(new DomainCreated(DateTimeOffset.UtcNow.AddDays(200)), typeof(SendNotice), typeof(RecordRegistrationView));
    }

    private static OperationsDecided Decided(string id, OperationsDecision decision) =>
        new($"decision:{id}", decision, "ops (Dana)", DateTimeOffset.UtcNow, "because");
}
