using Registrar.Core.Registrations;

namespace Registrar.Core.Tests.Registrations;

/// <summary>Another registrar asked the registry for the domain with its code; the registry tells us by poll message, and
/// the registration follows what it then reads.</summary>
public sealed class TransferAwayDeciderTests
{
    private static readonly DateTimeOffset Expiry = new(2027, 6, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Expiry.AddMonths(-6);

    [Fact]
    public void A_poll_message_is_read_back_and_a_pending_transfer_changes_nothing_until_the_registry_completes_it()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);

        Assert.IsType<QueryDomain>(Assert.Single(domain.Raise(new RegistryReported("poll:1", "Transfer of example.kz requested by registrar2."), Now)));
        Assert.Empty(domain.Answer(new DomainInfo(true, true, "H-1", Expiry, ["pendingTransfer"]), Now));
        Assert.Equal(RegistrationPhase.Registered, domain.State.Phase);

        Assert.IsType<QueryDomain>(Assert.Single(domain.Raise(new RegistryReported("poll:2", "Transfer of example.kz serverApproved."), Now.AddDays(5))));
        var told = Assert.IsType<SendNotice>(Assert.Single(domain.Answer(new DomainInfo(true, false, "H-9", Expiry.AddYears(1), ["ok"]), Now.AddDays(5))));

        Assert.Equal((NoticeKind.TransferredAway, "owner@example.test"), (told.Kind, told.To));
        Assert.Equal(RegistrationPhase.TransferredAway, domain.State.Phase);
        Assert.True(domain.IsTerminal);
    }

    [Fact]
    public void A_domain_transferred_away_with_its_renewal_invoice_open_goes_to_operations_to_cancel_it()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        domain.LiveUntil(Expiry.AddDays(-30));
        var invoice = domain.State.Renewal.InvoiceNumber!;

        var sent = domain.Raise(new RegistryObserved("observed:1", new DomainInfo(true, false, "H-9", Expiry, ["ok"]), Expiry.AddDays(-29)), Expiry.AddDays(-29));

        Assert.Single(sent.OfType<SendNotice>(), n => n.Kind == NoticeKind.TransferredAway);
        Assert.Contains(invoice, Assert.Single(sent.OfType<FlagForOperations>()).Reason);
        Assert.Empty(domain.Raise(new RegistryObserved("observed:2", new DomainInfo(true, false, "H-9", Expiry, ["ok"]), Expiry.AddDays(-28)), Expiry.AddDays(-28)));
    }

    [Fact]
    public void A_renewal_paid_while_a_transfer_away_was_pending_is_refused_stalls_and_once_the_domain_left_ends_transferred_away_with_the_money_held_to_return_KZ_3_2()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.LiveUntil(Expiry.AddDays(-30));
        var invoice = domain.State.Renewal.InvoiceNumber!;
        domain.PayCurrentInvoice(Expiry.AddDays(-29), invoice);
        Assert.IsType<QueryDomain>(Assert.Single(domain.Answer(new RegistryRefused(2304, "example.kz has pendingTransfer"), Expiry.AddDays(-29))));
        domain.Answer(new DomainInfo(true, true, "H-1", Expiry, ["pendingTransfer"]), Expiry.AddDays(-29));
        Assert.Equal(RegistrationPhase.Stalled, domain.State.Phase);

        var sent = domain.Raise(new RegistryObserved("observed:1", new DomainInfo(true, false, "H-9", Expiry.AddYears(1), ["ok"]), Expiry.AddDays(-24)), Expiry.AddDays(-24));

        Assert.Equal(RegistrationPhase.TransferredAway, domain.State.Phase);
        Assert.Single(sent.OfType<SendNotice>(), n => n.Kind == NoticeKind.TransferredAway);
        Assert.Equal(invoice, Assert.Single(sent.OfType<HoldUnrenderedRenewalPayment>()).InvoiceNumber);
    }

    [Fact]
    public void A_stalled_registration_the_registry_still_shows_ours_stays_stalled_for_operations_to_decide()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.LiveUntil(Expiry.AddDays(-30));
        domain.PayCurrentInvoice(Expiry.AddDays(-29));
        domain.Answer(new RegistryRefused(2304, "example.kz has pendingTransfer"), Expiry.AddDays(-29));
        domain.Answer(new DomainInfo(true, true, "H-1", Expiry, ["pendingTransfer"]), Expiry.AddDays(-29));

        Assert.Empty(domain.Raise(new RegistryObserved("observed:1", new DomainInfo(true, true, "H-1", Expiry, ["pendingTransfer"]), Expiry.AddDays(-28)), Expiry.AddDays(-28)));
        Assert.Equal(RegistrationPhase.Stalled, domain.State.Phase);
    }

    [Fact]
    public void A_kz_domain_transferred_away_before_its_deletion_is_read_back_on_the_registrys_2201_and_ends_transferred_away_not_deleted_RFC5730_3()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.LiveUntil(Expiry);
        Assert.IsType<DeleteDomain>(domain.Sent.Last());

        // RFC 5730 section 3, 2201: the registry refuses the delete of a domain another registrar now sponsors.
        var asked = domain.Answer(new RegistryRefused(2201, "example.kz is sponsored by another registrar."), Expiry);

        Assert.IsType<QueryDomain>(Assert.Single(asked));
        var told = domain.Answer(new DomainInfo(true, false, "H-9", Expiry.AddYears(1), ["ok"]), Expiry);
        Assert.Equal(NoticeKind.TransferredAway, Assert.Single(told.OfType<SendNotice>()).Kind);
        Assert.Equal(RegistrationPhase.TransferredAway, domain.State.Phase);
        Assert.Empty(domain.Notices(NoticeKind.Deleted));
        Assert.True(domain.IsTerminal);
    }

    [Fact]
    public void A_domain_the_registry_still_shows_as_ours_after_refusing_its_delete_with_2201_stalls_for_operations_RFC5730_3()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.LiveUntil(Expiry);
        domain.Answer(new RegistryRefused(2201, "Authorization error"), Expiry);

        var flagged = domain.Answer(new DomainInfo(true, true, "H-1", Expiry, ["ok"]), Expiry);

        Assert.Single(flagged.OfType<FlagForOperations>());
        Assert.Equal(RegistrationPhase.Stalled, domain.State.Phase);
    }

    [Fact]
    public void A_domain_another_registrar_registered_after_our_accepted_delete_is_deleted_here_not_transferred_away_KZ_2_8()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.LiveUntil(Expiry);
        domain.Answer(new RegistryPending(), Expiry);

        domain.Raise(new RegistryReported("poll:1", "example.kz purged."), Expiry.AddDays(1));
        domain.Answer(new DomainInfo(true, false, "H-7", Expiry.AddYears(1).AddDays(1), ["ok"]), Expiry.AddDays(1));

        Assert.Equal(RegistrationPhase.Deleted, domain.State.Phase);
        Assert.Single(domain.Notices(NoticeKind.Deleted));
    }
}
