using Registrar.Core.Calendars;
using Registrar.Core.Contracts;
using Registrar.Core.Customers;
using Registrar.Core.Deadlines;
using Registrar.Core.Lifecycle;
using Registrar.Core.Registrations;
using Registrar.Core.Tests.Customers;
using Registrar.Core.Zones;

namespace Registrar.Core.Tests.Registrations;

public sealed class RegistrationDeciderTests
{
    private static readonly DateTimeOffset PaidAt = new(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(5));
    private static readonly DateTimeOffset DueBy = PaidAt.AddDays(1);
    private readonly RegistrationDecider _decider = new(new FixedSchedule(DueBy));

    private static RegistrationOrder Order(string? handle = null, bool trademark = false) => new(
        "order-1", "cust-1", "xn--e1afmkfd.xn--80ao21a", "пример.қаз", "қаз", 1, "owner@example.kz",
        handle, handle is null ? RegistrantDataRulesTests.CompletePerson() : null, TechnicalContact.Registrant, trademark,
        trademark ? "UA-123456" : null);

    private RegistrationState Paid(RegistrationOrder order, out IReadOnlyList<RegistrationCommand> commands)
    {
        var decision = _decider.Decide(_decider.InitialState("reg-1"), new RegistrationPaid("e1", order, PaidAt), PaidAt);
        commands = Effects(decision);
        return decision.State;
    }

    private RegistrationState Answer(RegistrationState state, RegistryOutcome outcome, out IReadOnlyList<RegistrationCommand> commands)
    {
        var decision = _decider.Decide(state, new RegistryAnswered($"answer-{state.CommandsIssued}", state.AwaitedCommandId!, outcome), PaidAt.AddHours(1));
        commands = Effects(decision);
        return decision.State;
    }

    /// <summary>What the decision asks the world to do, without the customer-view bookkeeping (tested on its own).</summary>
    private static IReadOnlyList<RegistrationCommand> Effects(Decision<RegistrationState, RegistrationCommand> decision) =>
        decision.Commands.Where(c => c is not RecordRegistrationView).ToList();

    [Fact]
    public void Nothing_is_sent_to_the_registry_before_the_invoice_is_paid_KZ_3_2_UA_1_5_3()
    {
        var unpaid = _decider.InitialState("reg-1");
        RegistrationEvent[] everythingButThePayment =
        [
            new TrademarkReviewed("e1", true, "ops-1", null),
            new OperationsRetried("e2", "ops-1"),
            new RegistryAnswered("e3", "reg-1-1", new DomainInfo(false, false, null, null)),
            new RegistrationTimerDue("e4", PaidAt),
            new CustomerChoseAfterNameTaken("e5", CustomerChoice.AnotherName),
        ];

        foreach (var @event in everythingButThePayment)
        {
            var decision = _decider.Decide(unpaid, @event, PaidAt);
            Assert.Equal(RegistrationPhase.AwaitingPayment, decision.State.Phase);
            Assert.DoesNotContain(decision.Commands, c => c.Route == CommandRoute.Registry);
        }
        var paid = _decider.Decide(unpaid, new RegistrationPaid("e6", Order(), PaidAt), PaidAt);
        Assert.Contains(paid.Commands, c => c.Route == CommandRoute.Registry);
    }

    [Fact]
    public void After_payment_the_contact_is_created_then_the_domain_and_the_deadline_timer_is_set_KZ_2_1()
    {
        var state = Paid(Order(), out var commands);

        var createContact = Assert.IsType<CreateRegistryContact>(Assert.Single(commands));
        Assert.Equal(RegistrationPhase.CreatingContact, state.Phase);
        Assert.Equal(DueBy, _decider.Decide(state, new RegistrationTimerDue("t0", PaidAt), PaidAt).WakeAt);

        state = Answer(state, new ContactCreated("C-REG-1"), out commands);

        var create = Assert.IsType<CreateDomain>(Assert.Single(commands));
        Assert.Equal(("xn--e1afmkfd.xn--80ao21a", "C-REG-1", 1), (create.DomainName, create.RegistrantHandle, create.TermYears));
        Assert.NotEqual(createContact.CommandId, create.CommandId);
        Assert.Equal(create.CommandId, state.AwaitedCommandId);
    }

    [Fact]
    public void A_domain_just_created_without_name_servers_is_shown_inactive_until_the_registry_is_read_RFC5731_2_3()
    {
        var state = Paid(Order(handle: "H-1"), out _);

        var created = _decider.Decide(state, new RegistryAnswered("e2", state.AwaitedCommandId!, new DomainCreated(PaidAt.AddYears(1))), PaidAt);

        Assert.Equal(["inactive"], created.State.RegistryStatuses);
        Assert.Equal(["inactive"], Assert.IsType<RecordRegistrationView>(created.Commands.Last()).View.RegistryStatuses);
    }

    [Fact]
    public void An_existing_nic_handle_is_used_and_no_contact_is_created_UA_1_13()
    {
        Paid(Order(handle: "UA-NIC-7"), out var commands);

        Assert.Equal("UA-NIC-7", Assert.IsType<CreateDomain>(Assert.Single(commands)).RegistrantHandle);
    }

    [Fact]
    public void The_domain_counts_as_registered_with_the_registry_expiry_and_the_owner_gets_the_welcome_mail_telling_it_UA_1_6_UA_2_1_2()
    {
        var state = Paid(Order(handle: "H-1"), out _);
        var expiry = new DateTimeOffset(2027, 11, 24, 4, 0, 0, TimeSpan.Zero);

        state = Answer(state, new DomainCreated(expiry), out var commands);

        Assert.Equal((RegistrationPhase.Registered, expiry), (state.Phase, state.ExpiresAt));
        var notice = Assert.IsType<SendNotice>(Assert.Single(commands));
        Assert.Equal((NoticeKind.Registered, "owner@example.kz", expiry), (notice.Kind, notice.To, notice.Facts?.ExpiresAt));
    }

    [Fact]
    public void A_name_taken_meanwhile_holds_the_money_until_the_customer_chooses_KZ_2_1_KZ_App_5()
    {
        var state = Paid(Order(handle: "H-1"), out _);

        state = Answer(state, new NameTaken(), out var commands);

        Assert.Equal(RegistrationPhase.NameTaken, state.Phase);
        Assert.Contains(commands, c => c is SendNotice { Kind: NoticeKind.NameTaken });
        Assert.Contains(commands, c => c is FlagForOperations);
        Assert.DoesNotContain(commands, c => c is CreateDomain);

        var refund = _decider.Decide(state, new CustomerChoseAfterNameTaken("e9", CustomerChoice.Refund), PaidAt.AddDays(2));
        Assert.Equal(RegistrationPhase.Closed, refund.State.Phase);
        Assert.Contains("refund", Assert.IsType<FlagForOperations>(Assert.Single(Effects(refund))).Reason);
        Assert.True(_decider.IsTerminal(refund.State));
    }

    [Fact]
    public void UA_Pre_6_a_registration_that_ends_keeps_when_it_ended_in_its_state_and_its_view()
    {
        var taken = Answer(Paid(Order(handle: "H-1"), out _), new NameTaken(), out _);
        Assert.Null(taken.EndedAt);

        var closedAt = PaidAt.AddDays(2);
        var closed = _decider.Decide(taken, new CustomerChoseAfterNameTaken("e9", CustomerChoice.Refund), closedAt);

        Assert.Equal(closedAt, closed.State.EndedAt);
        var view = Assert.IsType<RecordRegistrationView>(Assert.Single(closed.Commands, c => c is RecordRegistrationView)).View;
        Assert.Equal((RegistrationPhase.Closed, closedAt), (view.Phase, view.EndedAt));
        Assert.Equal(closedAt, _decider.Decide(closed.State, new OperationsRetried("e10", "ops-1"), closedAt.AddDays(1)).State.EndedAt);
    }

    [Fact]
    public void An_unknown_create_outcome_is_reconciled_with_info_and_never_created_twice()
    {
        var state = Paid(Order(handle: "H-1"), out _);

        state = Answer(state, new OutcomeUnknown(), out var commands);
        Assert.Equal(RegistrationPhase.Reconciling, state.Phase);
        Assert.IsType<QueryDomain>(Assert.Single(commands));

        var expiry = PaidAt.AddYears(1);
        var registered = Answer(state, new DomainInfo(true, true, "H-1", expiry, CreatedAt: PaidAt.AddMinutes(1)), out commands);
        Assert.Equal((RegistrationPhase.Registered, expiry), (registered.Phase, registered.ExpiresAt));

        var notThere = Answer(state, new DomainInfo(false, false, null, null), out commands);
        Assert.Equal(RegistrationPhase.CreatingDomain, notThere.Phase);
        Assert.IsType<CreateDomain>(Assert.Single(commands));
    }

    [Fact]
    public void A_redelivered_create_answered_exists_counts_as_registered_only_when_it_is_our_own_registration()
    {
        var state = Paid(Order(handle: "H-1"), out _);

        Assert.Equal(RegistrationPhase.Registered, Answer(state, new DomainInfo(true, true, "H-1", PaidAt.AddYears(1), CreatedAt: PaidAt.AddMinutes(1)), out _).Phase);
        Assert.Equal(RegistrationPhase.NameTaken, Answer(state, new DomainInfo(true, true, "OTHER", PaidAt.AddYears(1)), out _).Phase);
        Assert.Equal(RegistrationPhase.NameTaken, Answer(state, new DomainInfo(true, false, "H-1", PaidAt.AddYears(1)), out _).Phase);
    }

    [Fact]
    public void A_name_another_registration_here_created_first_for_the_same_nic_handle_is_taken_not_a_second_owner_KZ_2_1()
    {
        // Two unpaid orders for one name with the same nic-handle (KZ-App-5): the other was paid and created first, so this
        // create is answered "exists" and the read-back shows our sponsorship and the same registrant, but a domain the
        // registry created before this registration asked for its own.
        var state = Paid(Order(handle: "H-1"), out _);
        var theOthers = new DomainInfo(true, true, "H-1", PaidAt.AddYears(1), ["ok"], CreatedAt: PaidAt.AddMinutes(-5));

        var taken = Answer(state, theOthers, out var commands);

        Assert.Equal((RegistrationPhase.NameTaken, (DateTimeOffset?)null), (taken.Phase, taken.ExpiresAt));
        Assert.Contains(commands, c => c is SendNotice { Kind: NoticeKind.NameTaken });
        Assert.Contains(commands, c => c is FlagForOperations flag && flag.Reason.Contains("KZ-2.1"));
    }

    [Fact]
    public void A_name_created_by_another_registration_here_paid_in_the_same_bank_file_is_taken_by_its_authInfo_KZ_2_1()
    {
        // Both paid before either create went out, so the other's create date follows this one's payment too.
        var state = Paid(Order(handle: "H-1"), out _);
        var theOthers = new DomainInfo(true, true, "H-1", PaidAt.AddYears(1), ["ok"], CreatedAt: PaidAt.AddMinutes(2), CreatedByThisRegistration: false);

        Assert.Equal(RegistrationPhase.NameTaken, Answer(state, theOthers, out _).Phase);
    }

    [Fact]
    public void A_read_back_with_the_authInfo_this_registrations_create_set_is_ours_KZ_2_1()
    {
        var state = Paid(Order(handle: "H-1"), out _);
        var ours = new DomainInfo(true, true, "H-1", PaidAt.AddYears(1), ["ok"], CreatedAt: PaidAt.AddMinutes(2), CreatedByThisRegistration: true);

        Assert.Equal(RegistrationPhase.Registered, Answer(state, ours, out _).Phase);
    }

    [Fact]
    public void Answers_that_cannot_be_read_are_read_back_four_times_and_the_fifth_in_a_row_stalls_the_registration_for_operations()
    {
        var state = Paid(Order(handle: "H-1"), out _);
        for (var i = 1; i < RegistrationDecider.MaxUnknownOutcomes; i++)
        {
            state = Answer(state, new OutcomeUnknown(), out var asked);
            Assert.Equal((RegistrationPhase.Reconciling, i), (state.Phase, state.UnknownOutcomes));
            Assert.IsType<QueryDomain>(Assert.Single(asked));
        }

        var stalled = Answer(state, new OutcomeUnknown(), out var commands);

        Assert.Equal((RegistrationPhase.Stalled, (string?)null), (stalled.Phase, stalled.AwaitedCommandId));
        Assert.Contains(commands, c => c is FlagForOperations flag && flag.Reason.Contains("could not be read 5 times in a row"));
        Assert.DoesNotContain(commands, c => c is QueryDomain or CreateDomain);
    }

    [Fact]
    public void An_answer_to_the_command_itself_between_unreadable_ones_starts_their_count_again()
    {
        var state = Paid(Order(), out _);
        for (var i = 1; i < RegistrationDecider.MaxUnknownOutcomes; i++) state = Answer(state, new OutcomeUnknown(), out _);
        Assert.Equal((RegistrationPhase.CreatingContact, RegistrationDecider.MaxUnknownOutcomes - 1), (state.Phase, state.UnknownOutcomes));

        state = Answer(state, new ContactCreated("H-1"), out _);
        var again = Answer(state, new OutcomeUnknown(), out _);

        Assert.Equal((RegistrationPhase.Reconciling, 1), (again.Phase, again.UnknownOutcomes));
    }

    [Fact]
    public void A_view_asked_for_again_is_recorded_from_the_state_and_nothing_else_changes()
    {
        var domain = RegisteredDomain.Expiring("kz", PaidAt.AddYears(1));
        var before = domain.State;
        var viewsBefore = domain.Views.Count;

        Assert.Empty(domain.Raise(new ViewRecordAgainRequested("view-format:1:r"), PaidAt));

        var view = Assert.Single(domain.Views.Skip(viewsBefore));
        Assert.Equal((RegistrationPhase.Registered, before.ExpiresAt), (view.Phase, view.ExpiresAt));
        Assert.Equal(before with { CommandsIssued = domain.State.CommandsIssued }, domain.State);
    }

    [Fact]
    public void A_read_back_that_finds_the_create_done_leaves_no_count_for_the_next_command()
    {
        var state = Answer(Paid(Order(handle: "H-1"), out _), new OutcomeUnknown(), out _);

        var registered = Answer(state, new DomainInfo(true, true, "H-1", PaidAt.AddYears(1), ["ok"], CreatedAt: PaidAt.AddMinutes(2), CreatedByThisRegistration: true), out _);

        Assert.Equal((RegistrationPhase.Registered, 0), (registered.Phase, registered.UnknownOutcomes));
    }

    [Fact]
    public void A_registry_that_drops_every_create_stalls_the_registration_after_five_creates_not_a_flood_of_them()
    {
        // The read-back between two creates is answered ("not there"), but it reads back the create whose answer was lost:
        // it does not start the count again, or create, info, create… would go on without end.
        var state = Paid(Order(handle: "H-1"), out _);
        var creates = 1;
        while (state.Phase != RegistrationPhase.Stalled)
        {
            state = Answer(state, new OutcomeUnknown(), out var readBack);
            if (state.Phase == RegistrationPhase.Stalled) break;
            Assert.IsType<QueryDomain>(Assert.Single(readBack));
            state = Answer(state, new DomainInfo(false, false, null, null), out var asked);
            creates += asked.Count(c => c is CreateDomain);
            Assert.True(creates <= RegistrationDecider.MaxUnknownOutcomes, $"{creates} creates sent");
        }

        Assert.Equal(RegistrationDecider.MaxUnknownOutcomes, creates);
        Assert.Null(state.AwaitedCommandId);
    }

    [Fact]
    public void Our_own_domain_read_back_without_an_expiry_is_registered_for_the_term_from_its_create_date_and_flagged_not_taken_UA_1_6()
    {
        // RFC 5731: exDate is optional in creData and infData; the read-back still proves the domain ours.
        var state = Paid(Order(handle: "H-1"), out _);
        var created = PaidAt.AddMinutes(2);

        var registered = Answer(state, new DomainInfo(true, true, "H-1", null, ["ok"], CreatedAt: created, CreatedByThisRegistration: true), out var commands);

        Assert.Equal((RegistrationPhase.Registered, (DateTimeOffset?)created.AddYears(1)), (registered.Phase, registered.ExpiresAt));
        Assert.Contains(commands, c => c is FlagForOperations flag && flag.Reason.Contains("states no expiry"));
        Assert.DoesNotContain(commands, c => c is SendNotice { Kind: NoticeKind.NameTaken });
    }

    [Fact]
    public void Another_registrations_domain_read_back_without_an_expiry_is_still_taken_KZ_2_1()
    {
        var state = Paid(Order(handle: "H-1"), out _);

        var theOthers = new DomainInfo(true, true, "H-1", null, ["ok"], CreatedAt: PaidAt.AddMinutes(2), CreatedByThisRegistration: false);

        Assert.Equal(RegistrationPhase.NameTaken, Answer(state, theOthers, out _).Phase);
    }

    [Fact]
    public void A_create_dated_seconds_before_the_payment_by_a_registry_clock_behind_the_banks_is_still_ours_KZ_2_1()
    {
        var state = Paid(Order(handle: "H-1"), out _);

        var ours = Answer(state, new DomainInfo(true, true, "H-1", PaidAt.AddYears(1), ["ok"], CreatedAt: PaidAt.AddSeconds(-20)), out _);

        Assert.Equal(RegistrationPhase.Registered, ours.Phase);
    }

    [Fact]
    public void A_read_back_without_the_registrys_create_date_proves_nothing_and_is_taken_KZ_2_1()
    {
        var state = Paid(Order(handle: "H-1"), out _);

        Assert.Equal(RegistrationPhase.NameTaken, Answer(state, new DomainInfo(true, true, "H-1", PaidAt.AddYears(1)), out _).Phase);
    }

    [Fact]
    public void A_second_level_ua_name_waits_for_the_trademark_approval_before_the_registry_is_asked_UA_Pre_7()
    {
        var state = Paid(Order(handle: "H-1", trademark: true), out var commands);

        Assert.Equal(RegistrationPhase.AwaitingTrademarkReview, state.Phase);
        // Its review item has an id the review resolves, so it does not stay open once operations decided.
        Assert.Equal(TrademarkReviewed.ReviewItemFor(state.RegistrationId), Assert.IsType<FlagForOperations>(Assert.Single(commands)).ReviewItemId);

        var approved = _decider.Decide(state, new TrademarkReviewed("e2", true, "ops-anna", null), PaidAt.AddHours(2));
        Assert.Equal("UA-123456", Assert.IsType<CreateDomain>(Assert.Single(Effects(approved))).TrademarkLicence);

        var refused = _decider.Decide(state, new TrademarkReviewed("e2", false, "ops-anna", "word mark differs"), PaidAt.AddHours(2));
        Assert.Equal(RegistrationPhase.Closed, refused.State.Phase);
        Assert.DoesNotContain(Effects(refused), c => c is CreateDomain or CreateRegistryContact);
        Assert.Contains(Effects(refused), c => c is SendNotice { Kind: NoticeKind.TrademarkRejected, Facts.Reason: "word mark differs" });
    }

    [Fact]
    public void A_registration_not_done_by_its_deadline_is_flagged_once_for_operations_KZ_2_1()
    {
        var state = Paid(Order(handle: "H-1"), out _);

        var early = _decider.Decide(state, new RegistrationTimerDue("t1", DueBy.AddMinutes(-1)), DueBy.AddMinutes(-1));
        Assert.Empty(Effects(early));

        var due = _decider.Decide(state, new RegistrationTimerDue("t2", DueBy), DueBy);
        Assert.Contains("KZ-2.1", Assert.IsType<FlagForOperations>(Assert.Single(Effects(due))).Reason);
        Assert.Null(due.WakeAt);

        Assert.Empty(Effects(_decider.Decide(due.State, new RegistrationTimerDue("t3", DueBy.AddHours(1)), DueBy.AddHours(1))));
    }

    [Fact]
    public void A_registry_refusal_stalls_the_registration_for_operations_who_can_have_it_tried_again()
    {
        var state = Paid(Order(handle: "H-1"), out _);

        state = Answer(state, new RegistryRefused(2306, "Parameter value policy error"), out var commands);
        Assert.Equal(RegistrationPhase.Stalled, state.Phase);
        Assert.Contains("2306", Assert.IsType<FlagForOperations>(Assert.Single(commands)).Reason);

        var retried = _decider.Decide(state, new OperationsRetried("r1", "ops-anna"), PaidAt.AddHours(3));
        Assert.Equal(RegistrationPhase.CreatingDomain, retried.State.Phase);
        Assert.IsType<CreateDomain>(Assert.Single(Effects(retried)));
        Assert.Empty(Effects(_decider.Decide(retried.State, new OperationsRetried("r2", "ops-anna"), PaidAt.AddHours(3))));
    }

    [Fact]
    public void Every_change_of_phase_or_expiry_records_the_customers_view_with_a_growing_sequence()
    {
        var paid = _decider.Decide(_decider.InitialState("reg-1"), new RegistrationPaid("e1", Order(handle: "H-1"), PaidAt), PaidAt);
        var first = Assert.IsType<RecordRegistrationView>(paid.Commands.Last());
        Assert.Equal((RegistrationPhase.CreatingDomain, "cust-1"), (first.View.Phase, first.View.CustomerId));

        var expiry = PaidAt.AddYears(1);
        var registered = _decider.Decide(paid.State, new RegistryAnswered("e2", paid.State.AwaitedCommandId!, new DomainCreated(expiry)), PaidAt);
        var second = Assert.IsType<RecordRegistrationView>(registered.Commands.Last());
        Assert.Equal((RegistrationPhase.Registered, expiry), (second.View.Phase, second.View.ExpiresAt));
        Assert.True(second.Sequence > first.Sequence);
        // While the domain is being created its view rows are most likely not written yet; once registered they are.
        Assert.Equal((true, true), (first.LikelyNew, second.LikelyNew));

        var unchanged = _decider.Decide(registered.State, new RegistrationTimerDue("t", PaidAt.AddDays(2)), PaidAt.AddDays(2));
        Assert.DoesNotContain(unchanged.Commands, c => c is RecordRegistrationView);
    }

    [Fact]
    public void A_view_recorded_later_makes_an_earlier_view_of_the_same_registration_needless_and_nothing_else()
    {
        var paid = _decider.Decide(_decider.InitialState("reg-1"), new RegistrationPaid("e1", Order(handle: "H-1"), PaidAt), PaidAt);
        var registered = _decider.Decide(paid.State, new RegistryAnswered("e2", paid.State.AwaitedCommandId!, new DomainCreated(PaidAt.AddYears(1))), PaidAt);
        var creatingView = paid.Commands.OfType<RecordRegistrationView>().Single();
        var registeredView = registered.Commands.OfType<RecordRegistrationView>().Single();
        var otherRegistrations = registeredView with { RegistrationId = "reg-2", View = registeredView.View with { RegistrationId = "reg-2" } };

        Assert.True(_decider.Supersedes(registeredView, creatingView));
        Assert.False(_decider.Supersedes(creatingView, registeredView));
        Assert.False(_decider.Supersedes(otherRegistrations, creatingView));
        Assert.All(registered.Commands.Where(c => c is not RecordRegistrationView), later => Assert.False(_decider.Supersedes(later, creatingView)));
        Assert.All(Effects(paid), earlier => Assert.False(_decider.Supersedes(registeredView, earlier)));
    }

    [Fact]
    public void An_answer_to_a_command_no_longer_awaited_changes_nothing()
    {
        var state = Paid(Order(handle: "H-1"), out _);

        var stale = _decider.Decide(state, new RegistryAnswered("e5", "reg-1-99", new DomainCreated(PaidAt)), PaidAt);

        Assert.Equal(state, stale.State);
        Assert.Empty(Effects(stale));
    }

    [Fact]
    public void The_same_state_and_event_always_give_the_same_decision()
    {
        var state = Paid(Order(), out _);
        var @event = new RegistryAnswered("e7", state.AwaitedCommandId!, new ContactCreated("C-1"));

        var first = _decider.Decide(state, @event, PaidAt);
        var second = _decider.Decide(state, @event, PaidAt);

        Assert.Equal(first.State, second.State);
        Assert.Equal(Effects(first), Effects(second));
        Assert.Equal(first.WakeAt, second.WakeAt);
    }

    [Fact]
    public void Only_a_payment_starts_a_registrations_lifecycle()
    {
        Assert.True(_decider.StartsInstance(new RegistrationPaid("e1", Order(), PaidAt)));
        Assert.False(_decider.StartsInstance(new OperationsRetried("e2", "ops")));
        Assert.False(_decider.StartsInstance(new RegistryAnswered("e3", "reg-1-1", new DomainCreated(PaidAt))));
    }

    [Fact]
    public void A_registry_command_the_host_gave_up_on_stalls_the_registration_until_its_wait_is_over_or_operations_retry()
    {
        var state = Paid(Order(handle: "H-1"), out var commands);
        var create = Assert.IsType<CreateDomain>(Assert.Single(commands));

        var failed = _decider.Decide(state, _decider.CommandFailed(create, "queue poisoned"), PaidAt.AddHours(1));
        var retried = _decider.Decide(failed.State, new OperationsRetried("e9", "ops-1"), PaidAt.AddHours(1).AddMinutes(1));

        Assert.Equal(RegistrationPhase.Stalled, failed.State.Phase);
        Assert.Empty(Effects(failed));
        Assert.Equal(PaidAt.AddHours(1) + RegistryOutageRetries.Delays[0], failed.WakeAt);
        Assert.Equal(RegistrationPhase.CreatingDomain, retried.State.Phase);
        Assert.NotEqual(create.CommandId, Assert.IsType<CreateDomain>(Assert.Single(Effects(retried))).CommandId);
        Assert.Null(retried.State.RetryRegistryAt);
    }

    [Fact]
    public void A_notice_the_host_gave_up_on_is_kept_and_sent_again_under_its_own_id_an_hour_later()
    {
        var state = Answer(Paid(Order(handle: "H-1"), out _), new DomainCreated(PaidAt.AddYears(1)), out var commands);
        var notice = Assert.IsType<SendNotice>(Assert.Single(commands));
        var failedAt = PaidAt.AddHours(2);

        var kept = _decider.Decide(state, _decider.CommandFailed(notice, "smtp down"), failedAt);
        var early = _decider.Decide(kept.State, _decider.TimerDue(failedAt.AddMinutes(30)), failedAt.AddMinutes(30));
        var due = _decider.Decide(kept.State, _decider.TimerDue(kept.WakeAt!.Value), kept.WakeAt.Value);

        Assert.Equal(failedAt + RegistrationDecider.FailedCommandRetryDelay, kept.WakeAt);
        Assert.Equal([notice], kept.State.FailedCommands);
        Assert.Empty(Effects(early).OfType<SendNotice>());
        Assert.Equal([notice], Effects(due));
        Assert.Empty(due.State.FailedCommands);
        Assert.Equal(RegistrationPhase.Registered, due.State.Phase);
    }

    [Fact]
    public void A_closed_registration_with_a_notice_still_to_send_is_not_ended_until_it_is_sent()
    {
        var closed = new RegistrationState("reg-1", RegistrationPhase.Closed);
        var notice = new SendNotice("reg-1-5", "reg-1", NoticeKind.TrademarkRejected, "cust-1", "owner@example.kz", "ua", "example.ua");

        var waiting = _decider.Decide(closed, _decider.CommandFailed(notice, "smtp down"), PaidAt);

        Assert.True(_decider.IsTerminal(closed));
        Assert.False(_decider.IsTerminal(waiting.State));
        Assert.NotNull(waiting.WakeAt);
    }

    [Fact]
    public void A_pending_create_waits_for_the_registry_and_is_never_read_as_registered_until_it_is()
    {
        var creating = Paid(Order(handle: "H-1"), out _);

        var waiting = Answer(creating, new RegistryPending(), out var none);
        Assert.Empty(none);
        Assert.Equal((RegistrationPhase.CreatingDomain, (string?)null), (waiting.Phase, waiting.AwaitedCommandId));

        var asked = _decider.Decide(waiting, new RegistryReported("poll:1", "created"), PaidAt.AddHours(2));
        Assert.IsType<QueryDomain>(Assert.Single(asked.Commands, c => c is not RecordRegistrationView));
        var stillPending = Answer(asked.State, new DomainInfo(true, true, "H-1", PaidAt.AddYears(1), ["pendingCreate"]), out _);
        Assert.Equal(RegistrationPhase.CreatingDomain, stillPending.Phase);

        var observed = _decider.Decide(stillPending, new RegistryObserved("observed:1", new DomainInfo(true, true, "H-1", PaidAt.AddYears(1), ["ok"], PaidAt.AddHours(2)), PaidAt), PaidAt.AddHours(3));
        Assert.Equal(RegistrationPhase.Registered, observed.State.Phase);
        Assert.Equal(PaidAt.AddYears(1), observed.State.ExpiresAt);
    }

    [Fact]
    public void A_pending_create_the_registry_refuses_by_poll_message_is_not_sent_again_but_stalled_for_operations_KZ_2_1()
    {
        var waiting = Answer(Paid(Order(handle: "H-1"), out _), new RegistryPending(), out _);

        var refused = _decider.Decide(waiting, new RegistryReported("poll:2", "create rejected", new PendingActionResult("order-1-1-3", Succeeded: false)),
            PaidAt.AddHours(2));

        Assert.Equal(RegistrationPhase.Stalled, refused.State.Phase);
        var commands = refused.Commands.Where(c => c is not RecordRegistrationView).ToList();
        Assert.DoesNotContain(commands, c => c is CreateDomain or QueryDomain);
        Assert.Contains(commands, c => c is FlagForOperations flag && flag.Reason.Contains("paResult 0") && flag.Reason.Contains("KZ-2.1"));
    }

    private sealed class FixedSchedule(DateTimeOffset dueBy) : IRegistrationSchedule
    {
        private readonly ZoneDeadlines _zones = new(ZoneCatalog.LoadEmbedded(), BusinessCalendars.LoadEmbedded());

        public DateTimeOffset RegistrationDueBy(string zone, DateTimeOffset paidAt) => dueBy;

        public DateTimeOffset InvoiceDueAt(string zone, DateTimeOffset issuedAt) => _zones.InvoiceDueAt(zone, issuedAt);

        public DateTimeOffset? ChangeRequestDueBy(string zone, DateTimeOffset provedAt) => _zones.ChangeRequestDueBy(zone, provedAt);

        public RenewalTimeline RenewalTimeline(string zone, DateTimeOffset expiry) => _zones.RenewalTimeline(zone, expiry);

        public DateTimeOffset? RenewalTimelineWaitsUntil(string zone, DateTimeOffset expiry) => _zones.RenewalTimelineWaitsUntil(zone, expiry);

        public TransferEligibility TransferRules(string zone) => _zones.TransferRules(zone);

        public string DisputeRule(string zone) => _zones.DisputeRule(zone);

        public IReadOnlyList<ScheduledReminder> WarningsInCalendarDays(string zone, DateTimeOffset expiry) => _zones.WarningsInCalendarDays(zone, expiry);

        public RegistrationTerm Term(string zone) => _zones.Term(zone);

        public DateTimeOffset? RegistrarNoticeEndsAt(string zone, DateTimeOffset sentAt) => _zones.RegistrarNoticeEndsAt(zone, sentAt);

        public DateTimeOffset? BreachCureEndsAt(string zone, DateTimeOffset sentAt) => _zones.BreachCureEndsAt(zone, sentAt);

        public DateOnly LocalDate(string zone, DateTimeOffset instant) => _zones.LocalDate(zone, instant);
    }
}
