using Registrar.Core.Contracts;
using Registrar.Core.Customers;
using Registrar.Core.Registrations;

namespace Registrar.Core.Tests.Registrations;

/// <summary>A paid transfer in (RFC 5731 section 3.2.4): the request with the customer's code, the registry's approval after
/// its period or the sponsor's rejection, told by poll message and read back; never a contact or a domain created.</summary>
public sealed class TransferInDeciderTests
{
    private static readonly DateTimeOffset PaidAt = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset RegistryExpiry = new(2028, 3, 10, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("kz")]
    [InlineData("com.ua")]
    public void A_paid_transfer_in_asks_the_registry_for_the_transfer_and_nothing_is_created(string zone)
    {
        var registration = RegisteredDomain.Paid(TransferOrder(zone), PaidAt);

        var request = Assert.IsType<RequestTransferIn>(Assert.Single(registration.Sent));
        Assert.Equal(($"moving.{zone}", 1, "cust-1"), (request.DomainName, request.Years, request.CustomerId));
        Assert.Equal(RegistrationPhase.TransferringIn, registration.State.Phase);
    }

    [Fact]
    public void Pending_at_the_registry_it_waits_for_the_poll_message_and_tells_nobody_yet()
    {
        var registration = Pending();

        Assert.Empty(registration.Sent);
        Assert.Equal(RegistrationPhase.TransferringIn, registration.State.Phase);
        Assert.Null(registration.State.AwaitedCommandId);
    }

    [Fact]
    public void Approved_by_the_registry_it_is_registered_with_the_registry_s_expiry_and_the_customer_is_told()
    {
        var registration = Pending();

        Assert.IsType<QueryDomain>(Assert.Single(registration.Raise(new RegistryReported("poll:1", "trnData: serverApproved"), PaidAt.AddDays(5))));
        var effects = registration.Answer(new DomainInfo(true, true, "OTHER-H1", RegistryExpiry, ["ok"]), PaidAt.AddDays(5));

        var told = Assert.Single(effects.OfType<SendNotice>());
        Assert.Equal((NoticeKind.TransferredIn, RegistryExpiry), (told.Kind, told.Facts!.ExpiresAt));
        Assert.Equal((RegistrationPhase.Registered, RegistryExpiry), (registration.State.Phase, registration.State.ExpiresAt));
        Assert.Equal("OTHER-H1", registration.State.RegistrantHandle);
    }

    [Fact]
    public void Arrived_it_publishes_the_statuses_and_name_servers_the_registry_shows_RFC_5731_2_3()
    {
        var registration = Pending();
        registration.Raise(new RegistryReported("poll:1", "trnData: serverApproved"), PaidAt.AddDays(5));

        registration.Answer(new DomainInfo(true, true, "OTHER-H1", RegistryExpiry, ["inactive"], NameServers: ["ns1.example.net"]), PaidAt.AddDays(5));

        Assert.Equal(["inactive"], registration.State.RegistryStatuses);
        Assert.Equal(["inactive"], registration.Views[^1].RegistryStatuses);
        Assert.Equal(["ns1.example.net"], registration.State.NameServers);
    }

    [Fact]
    public void Arrived_it_replaces_the_losing_registrars_code_with_a_fresh_one_told_to_nobody_RFC_5731_2_6()
    {
        var registration = Pending();
        registration.Raise(new RegistryReported("poll:1", "trnData: serverApproved"), PaidAt.AddDays(5));

        var effects = registration.Answer(new DomainInfo(true, true, "OTHER-H1", RegistryExpiry, ["ok"]), PaidAt.AddDays(5));
        var fresh = Assert.Single(effects.OfType<SetTransferCode>());
        Assert.Equal(fresh.CommandId, registration.State.AwaitedCommandId);

        var answered = registration.Answer(new TransferCodeSet(), PaidAt.AddDays(5));

        Assert.DoesNotContain(answered, c => c is SendNotice or FlagForOperations);
        Assert.Equal((RegistrationPhase.Registered, null), (registration.State.Phase, registration.State.AwaitedCommandId));
    }

    [Fact]
    public void A_poll_message_while_the_transfer_is_still_pending_changes_nothing()
    {
        var registration = Pending();
        registration.Raise(new RegistryReported("poll:1", "trnData: pending"), PaidAt);

        Assert.Empty(registration.Answer(new DomainInfo(true, false, "OTHER-H1", RegistryExpiry, ["pendingTransfer"]), PaidAt));
        Assert.Equal(RegistrationPhase.TransferringIn, registration.State.Phase);
    }

    [Fact]
    public void Rejected_or_cancelled_by_the_sponsor_the_customer_is_told_and_operations_settle_the_money()
    {
        var registration = Pending();
        registration.Raise(new RegistryReported("poll:1", "trnData: clientRejected"), PaidAt.AddDays(1));

        var effects = registration.Answer(new DomainInfo(true, false, "OTHER-H1", RegistryExpiry.AddYears(-1), ["ok"]), PaidAt.AddDays(1));

        Assert.Equal(NoticeKind.TransferInRefused, Assert.Single(effects.OfType<SendNotice>()).Kind);
        Assert.Contains("refund", Assert.Single(effects.OfType<FlagForOperations>()).Reason);
        Assert.Equal(RegistrationPhase.Closed, registration.State.Phase);
    }

    [Fact]
    public void Once_the_domain_moved_here_the_code_the_customer_gave_is_erased_from_the_order()
    {
        var registration = Pending();
        registration.Raise(new RegistryReported("poll:1", "trnData: serverApproved"), PaidAt.AddDays(5));

        var effects = registration.Answer(new DomainInfo(true, true, "OTHER-H1", RegistryExpiry, ["ok"]), PaidAt.AddDays(5));

        var erase = Assert.Single(effects.OfType<EraseIncomingTransferCode>());
        Assert.Equal(("reg-1", "cust-1"), (erase.RegistrationId, erase.CustomerId));
        Assert.Equal(CommandRoute.Record, erase.Route);
    }

    [Fact]
    public void Once_the_sponsor_rejected_the_transfer_the_code_is_erased_from_the_order()
    {
        var registration = Pending();
        registration.Raise(new RegistryReported("poll:1", "trnData: clientRejected"), PaidAt.AddDays(1));

        var effects = registration.Answer(new DomainInfo(true, false, "OTHER-H1", RegistryExpiry.AddYears(-1), ["ok"]), PaidAt.AddDays(1));

        Assert.Single(effects.OfType<EraseIncomingTransferCode>());
    }

    [Fact]
    public void Once_the_registry_refused_the_code_it_is_erased_from_the_order()
    {
        var registration = RegisteredDomain.Paid(TransferOrder("kz"), PaidAt);

        Assert.Single(registration.Answer(new RegistryRefused(2202, "Invalid authorization information"), PaidAt).OfType<EraseIncomingTransferCode>());
    }

    [Fact]
    public void The_code_is_kept_while_the_transfer_is_pending_its_outcome_unknown_or_it_stalled_since_a_retry_needs_it()
    {
        var registration = RegisteredDomain.Paid(TransferOrder("kz"), PaidAt);

        Assert.Empty(registration.Answer(new OutcomeUnknown(), PaidAt).OfType<EraseIncomingTransferCode>());
        Assert.Empty(registration.Answer(new RegistryPending(), PaidAt).OfType<EraseIncomingTransferCode>());
        registration.Raise(new RegistryReported("poll:1", "trnData: pending"), PaidAt);
        Assert.Empty(registration.Answer(new DomainInfo(true, false, "OTHER-H1", RegistryExpiry, ["pendingTransfer"]), PaidAt));
        registration.Raise(new RegistryReported("poll:2", "trnData: ?"), PaidAt);
        Assert.Empty(registration.Answer(new DomainCreated(RegistryExpiry), PaidAt).OfType<EraseIncomingTransferCode>());
        Assert.Equal(RegistrationPhase.Stalled, registration.State.Phase);
    }

    [Fact]
    public void A_domain_the_registry_deleted_while_its_transfer_waited_closes_it_telling_the_customer_the_name_is_free_KZ_2_8()
    {
        var registration = Pending();
        registration.Raise(new RegistryReported("poll:1", "trnData: serverCancelled"), PaidAt.AddDays(4));

        var effects = registration.Answer(new DomainInfo(false, false, null, null), PaidAt.AddDays(4));

        Assert.Equal(NoticeKind.TransferInDomainDeleted, Assert.Single(effects.OfType<SendNotice>()).Kind);
        Assert.Contains("free to register", Assert.Single(effects.OfType<FlagForOperations>()).Reason);
        Assert.Single(effects.OfType<EraseIncomingTransferCode>());
        Assert.Equal(RegistrationPhase.Closed, registration.State.Phase);
    }

    [Fact]
    public void A_wrong_code_refused_by_the_registry_closes_it_the_same_way()
    {
        var registration = RegisteredDomain.Paid(TransferOrder("kz"), PaidAt);

        var effects = registration.Answer(new RegistryRefused(2202, "Invalid authorization information"), PaidAt);

        var told = Assert.Single(effects.OfType<SendNotice>());
        Assert.Equal((NoticeKind.TransferInRefused, null), (told.Kind, told.Facts?.TransferRefusals));
        Assert.Contains("2202", Assert.Single(effects.OfType<FlagForOperations>()).Reason);
        Assert.Equal(RegistrationPhase.Closed, registration.State.Phase);
    }

    [Fact]
    public void A_transfer_the_domains_status_refuses_closes_it_and_tells_the_customer_that_status_not_a_wrong_code_RFC_5731_2_3()
    {
        var registration = RegisteredDomain.Paid(TransferOrder("com.ua"), PaidAt);

        var effects = registration.Answer(new RegistryRefused(2304, "Object status prohibits operation"), PaidAt);

        var told = Assert.Single(effects.OfType<SendNotice>());
        Assert.Equal(NoticeKind.TransferInRefused, told.Kind);
        Assert.Equal([TransferRefusalReason.RegistryBan], told.Facts!.TransferRefusals!);
        Assert.Equal(RegistrationPhase.Closed, registration.State.Phase);
    }

    [Fact]
    public void An_unknown_outcome_asks_again_and_the_registry_s_pending_transfer_answer_means_it_arrived()
    {
        var registration = RegisteredDomain.Paid(TransferOrder("kz"), PaidAt);

        Assert.IsType<RequestTransferIn>(Assert.Single(registration.Answer(new OutcomeUnknown(), PaidAt)));
        Assert.Empty(registration.Answer(new RegistryRefused(2300, "Object pending transfer"), PaidAt));
        Assert.Equal(RegistrationPhase.TransferringIn, registration.State.Phase);
    }

    [Fact]
    public void Operations_cancel_a_pending_transfer_in_at_the_registry_and_nothing_else_happens_until_it_answers()
    {
        var registration = Pending();

        var cancel = Assert.IsType<CancelTransferInRequest>(Assert.Single(registration.Raise(Cancelled(), PaidAt.AddDays(1))));

        Assert.Equal(("moving.kz", "kz"), (cancel.DomainName, cancel.Zone));
        Assert.Equal((RegistrationPhase.TransferringIn, cancel.CommandId), (registration.State.Phase, registration.State.AwaitedCommandId));
    }

    [Fact]
    public void Cancelled_at_the_registry_it_is_closed_the_customer_told_operations_flagged_to_refund_and_the_code_erased()
    {
        var registration = Pending();
        registration.Raise(Cancelled(), PaidAt.AddDays(1));

        var effects = registration.Answer(new DomainInfo(true, false, "OTHER-H1", RegistryExpiry.AddYears(-1), ["ok"]), PaidAt.AddDays(1));

        Assert.Equal(NoticeKind.TransferInRefused, Assert.Single(effects.OfType<SendNotice>()).Kind);
        var flag = Assert.Single(effects.OfType<FlagForOperations>()).Reason;
        Assert.Contains("operations cancelled it", flag);
        Assert.Contains("refund", flag);
        Assert.Single(effects.OfType<EraseIncomingTransferCode>());
        Assert.Equal((RegistrationPhase.Closed, null), (registration.State.Phase, registration.State.TransferInCancelCommandId));
    }

    [Fact]
    public void A_transfer_the_registry_approved_before_the_cancel_arrived_is_ours_all_the_same()
    {
        var registration = Pending();
        registration.Raise(Cancelled(), PaidAt.AddDays(5));

        var effects = registration.Answer(new DomainInfo(true, true, "OTHER-H1", RegistryExpiry, ["ok"]), PaidAt.AddDays(5));

        Assert.Equal(NoticeKind.TransferredIn, Assert.Single(effects.OfType<SendNotice>()).Kind);
        Assert.Equal((RegistrationPhase.Registered, RegistryExpiry), (registration.State.Phase, registration.State.ExpiresAt));
    }

    [Fact]
    public void An_unknown_outcome_of_the_cancel_cancels_again_and_never_asks_for_the_transfer_again()
    {
        var registration = Pending();
        registration.Raise(Cancelled(), PaidAt.AddDays(1));

        Assert.IsType<CancelTransferInRequest>(Assert.Single(registration.Answer(new OutcomeUnknown(), PaidAt.AddDays(1))));
    }

    [Fact]
    public void A_cancel_the_registry_refuses_leaves_the_transfer_pending_and_goes_back_to_operations()
    {
        var registration = Pending();
        registration.Raise(Cancelled(), PaidAt.AddDays(1));

        var flag = Assert.IsType<FlagForOperations>(Assert.Single(registration.Answer(new RegistryRefused(2201, "Authorization error"), PaidAt.AddDays(1))));

        Assert.Contains("2201", flag.Reason);
        Assert.Equal((RegistrationPhase.TransferringIn, null, null),
            (registration.State.Phase, registration.State.AwaitedCommandId, registration.State.TransferInCancelCommandId));
    }

    [Fact]
    public void A_cancel_decided_while_a_read_back_is_out_waits_for_its_answer_and_is_sent_when_the_transfer_is_still_pending()
    {
        var registration = Pending();
        registration.Raise(new RegistryReported("poll:1", "moving.kz"), PaidAt.AddDays(1));

        Assert.Empty(registration.Raise(Cancelled(), PaidAt.AddDays(1)));
        var cancel = Assert.IsType<CancelTransferInRequest>(Assert.Single(
            registration.Answer(new DomainInfo(true, false, "OTHER-H1", RegistryExpiry.AddYears(-1), ["pendingTransfer"]), PaidAt.AddDays(1))));

        Assert.Equal((cancel.CommandId, false), (registration.State.TransferInCancelCommandId, registration.State.TransferInCancelWaiting));
    }

    [Fact]
    public void A_cancel_decided_before_the_request_was_answered_is_sent_after_the_registry_answers_it_pending()
    {
        var asked = RegisteredDomain.Paid(TransferOrder("kz"), PaidAt);

        Assert.Empty(asked.Raise(Cancelled(), PaidAt));
        Assert.Contains("already on its way", Assert.IsType<FlagForOperations>(Assert.Single(asked.Raise(Cancelled() with { EventId = "decision:again" }, PaidAt))).Reason);

        Assert.IsType<CancelTransferInRequest>(Assert.Single(asked.Answer(new RegistryPending(), PaidAt)));
    }

    [Fact]
    public void A_transfer_approved_while_its_cancel_waited_is_ours_and_operations_are_told_the_cancel_came_too_late()
    {
        var registration = Pending();
        registration.Raise(new RegistryReported("poll:1", "moving.kz"), PaidAt.AddDays(5));
        registration.Raise(Cancelled(), PaidAt.AddDays(5));

        var effects = registration.Answer(new DomainInfo(true, true, "OTHER-H1", RegistryExpiry, ["ok"]), PaidAt.AddDays(5));

        Assert.Equal(RegistrationPhase.Registered, registration.State.Phase);
        Assert.Contains("before operations' cancel", Assert.Single(effects.OfType<FlagForOperations>()).Reason);
        Assert.Empty(effects.OfType<CancelTransferInRequest>());
    }

    [Fact]
    public void A_cancel_once_registered_changes_nothing_and_goes_back_to_operations()
    {
        var registered = RegisteredDomain.Expiring("kz", RegistryExpiry);
        Assert.Contains("only a transfer in still pending", Assert.IsType<FlagForOperations>(Assert.Single(registered.Raise(Cancelled(), PaidAt))).Reason);
        Assert.Equal(RegistrationPhase.Registered, registered.State.Phase);
    }

    private static OperationsDecided Cancelled() => new("decision:cancel", new CancelTransferIn(), "ops-1", PaidAt, "the customer withdrew the order");

    private static RegisteredDomain Pending()
    {
        var registration = RegisteredDomain.Paid(TransferOrder("kz"), PaidAt);
        registration.Answer(new RegistryPending(), PaidAt);
        registration.Sent.Clear();
        return registration;
    }

    private static RegistrationOrder TransferOrder(string zone) => new("order-1", "cust-1", $"moving.{zone}", $"moving.{zone}", zone, 1,
        "owner@example.test", "H-1", null, TechnicalContact.Registrant, false, null, "en", TransferIn: true);
}
