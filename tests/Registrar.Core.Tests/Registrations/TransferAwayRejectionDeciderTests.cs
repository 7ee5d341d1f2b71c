using Registrar.Core.Contracts;
using Registrar.Core.Registrations;

namespace Registrar.Core.Tests.Registrations;

/// <summary>UA-3.5, KZ-App-9: another registrar's transfer of a domain we sponsor, held pending at the registry for our answer.</summary>
public sealed class TransferAwayRejectionDeciderTests
{
    private static readonly DateTimeOffset Expiry = new(2027, 6, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Expiry.AddDays(2);

    [Fact]
    public void A_transfer_away_pending_while_the_redemption_renewal_is_unpaid_is_rejected_at_the_registry_and_the_customer_told_why_UA_3_5()
    {
        var domain = WithUnpaidRedemption("com.ua");

        var commands = domain.Raise(Observed(Ours("pendingTransfer")), Now);

        var reject = Assert.IsType<RejectTransferAway>(Assert.Single(commands.OfType<RejectTransferAway>()));
        Assert.Equal(("example.com.ua", reject.CommandId), (reject.DomainName, domain.State.AwaitedCommandId));
        var told = Assert.Single(commands.OfType<SendNotice>());
        Assert.Equal((NoticeKind.TransferAwayRejected, "owner@example.test"), (told.Kind, told.To));
        Assert.Contains(TransferRefusalReason.UnpaidInvoices, told.Facts!.TransferRefusals!);
        Assert.Equal(["UA-3.5"], told.Facts.Rules!);
        Assert.Empty(commands.OfType<FlagForOperations>());
    }

    [Theory]
    [InlineData("kz")]
    [InlineData("com.ua")]
    public void A_transfer_away_pending_while_a_renewal_invoice_for_the_next_term_is_open_is_left_for_the_registry_to_approve_KZ_App_9_UA_3_5(string zone)
    {
        // KZ-3.2, UA-1.5.3: an invoice issued before expiry is a prepayment for a term not yet begun, not a debt.
        var domain = RegisteredDomain.Expiring(zone, Expiry);
        domain.LiveUntil(Expiry.AddDays(-30));
        Assert.True(domain.State.Renewal.HasOpenInvoice(Expiry.AddDays(-29)));

        Assert.Empty(domain.Raise(Observed(Ours("pendingTransfer")), Expiry.AddDays(-29)));
        Assert.Null(domain.State.AwaitedCommandId);
    }

    [Fact]
    public void A_transfer_away_pending_with_everything_paid_is_left_for_the_registry_to_approve_UA_3_5()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);

        Assert.Empty(domain.Raise(Observed(Ours("pendingTransfer")), Expiry.AddDays(-200)));
        Assert.Null(domain.State.AwaitedCommandId);
    }

    [Fact]
    public void A_pending_transfer_is_rejected_once_and_judged_again_only_when_another_one_comes_UA_3_5()
    {
        var domain = WithUnpaidRedemption("com.ua");
        domain.Raise(Observed(Ours("pendingTransfer")), Now);

        // The registry kept it pending (it answered 1001, say): the sweep's reads do not reject it again.
        Assert.Empty(domain.Answer(Ours("pendingTransfer"), Now).OfType<RejectTransferAway>());
        Assert.Empty(domain.Raise(Observed(Ours("pendingTransfer"), "2"), Now.AddHours(1)).OfType<RejectTransferAway>());

        domain.Raise(Observed(Ours("ok"), "3"), Now.AddHours(2));
        Assert.Null(domain.State.TransferAwayRejectionCommandId);
        Assert.Single(domain.Raise(Observed(Ours("pendingTransfer"), "4"), Now.AddHours(3)).OfType<RejectTransferAway>());
    }

    [Fact]
    public void A_transfer_the_registry_approved_before_the_reject_arrived_ends_the_registration_here_UA_3_5()
    {
        var domain = WithUnpaidRedemption("com.ua");
        domain.Raise(Observed(Ours("pendingTransfer")), Now);

        domain.Answer(new DomainInfo(true, false, "H-9", Expiry.AddYears(1), ["ok"]), Now);

        Assert.Equal(RegistrationPhase.TransferredAway, domain.State.Phase);
    }

    [Fact]
    public void A_reject_the_registry_refuses_goes_to_operations_to_reject_by_hand_and_is_not_sent_again_UA_3_5()
    {
        var domain = WithUnpaidRedemption("com.ua");
        domain.Raise(Observed(Ours("pendingTransfer")), Now);

        var flag = Assert.IsType<FlagForOperations>(Assert.Single(domain.Answer(new RegistryRefused(2304, "Object status prohibits operation"), Now)));

        Assert.Contains("by hand", flag.Reason);
        Assert.Empty(domain.Raise(Observed(Ours("pendingTransfer"), "2"), Now.AddHours(1)).OfType<RejectTransferAway>());
    }

    [Fact]
    public void A_transfer_restriction_recorded_while_a_transfer_away_is_pending_rejects_it_first_then_holds_the_domain_KZ_App_9()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        var before = Expiry.AddDays(-100);
        domain.Raise(new RegistryObserved("observed:1", Ours("pendingTransfer"), before), before);

        var decided = domain.Raise(new OperationsDecided("decision:r", new RestrictTransfer("Agreement 13/2026", "KZ-App-9"), "ops", before, "pledge"), before);

        // A registry refuses clientTransferProhibited beside pendingTransfer: the hold waits for the rejection's answer.
        Assert.Single(decided.OfType<RejectTransferAway>());
        Assert.Empty(decided.OfType<SetDomainHolds>());
        var held = Assert.Single(domain.Answer(Ours("ok"), before).OfType<SetDomainHolds>());
        Assert.Equal(["clientTransferProhibited"], held.Holds);
    }

    /// <summary>UA-1.11: expired two days ago, with the redemption renewal invoiced and not paid.</summary>
    private static RegisteredDomain WithUnpaidRedemption(string zone)
    {
        var domain = RegisteredDomain.Expiring(zone, Expiry);
        domain.LiveUntil(Now.AddDays(-1));
        Assert.Equal(RegistrationPhase.Expired, domain.State.Phase);
        Assert.True(domain.State.Renewal.HasOpenInvoice(Now));
        return domain;
    }

    private static RegistryObserved Observed(DomainInfo info, string id = "1") => new($"observed:{id}", info, Now);

    private static DomainInfo Ours(params string[] statuses) => new(true, true, "H-1", Expiry, statuses);
}
