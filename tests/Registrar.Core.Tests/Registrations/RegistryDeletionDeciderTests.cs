using Registrar.Core.Orders;
using Registrar.Core.Registrations;

namespace Registrar.Core.Tests.Registrations;

/// <summary>The registry is the authority for what it holds (RFC 5731 section 3.1.2): a domain it no longer holds, though this
/// registrar did not delete it, has ended; and money for a renewal that cannot be carried out is held to return (KZ-3.2, UA-1.5.3).</summary>
public sealed class RegistryDeletionDeciderTests
{
    private static readonly DateTimeOffset Expiry = new(2027, 12, 11, 16, 43, 0, TimeSpan.Zero);

    private static DomainInfo Gone => new(false, false, null, null);

    [Fact]
    public void A_domain_the_registry_deleted_unasked_ends_the_registration_tells_the_customer_and_cancels_its_open_renewal_invoice()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        domain.LiveUntil(Expiry.AddDays(-30));
        var invoice = domain.State.Renewal.InvoiceNumber!;

        var sent = domain.Raise(new RegistryObserved("observed:1", Gone, Expiry.AddDays(-29)), Expiry.AddDays(-29));

        Assert.Equal(RegistrationPhase.Deleted, domain.State.Phase);
        Assert.True(domain.IsTerminal);
        Assert.Single(sent.OfType<SendNotice>(), n => n.Kind == NoticeKind.DeletedByRegistry);
        var cancelled = Assert.Single(sent.OfType<CancelRenewalInvoice>());
        Assert.Equal((invoice, InvoiceCancellation.RegistryDeletedRule), (cancelled.InvoiceNumber, cancelled.EndingRule));
        Assert.Contains("did not delete it", Assert.Single(sent.OfType<FlagForOperations>()).Reason);
        Assert.Empty(sent.OfType<HoldUnrenderedRenewalPayment>());
    }

    [Fact]
    public void A_renewal_stalled_on_a_registry_ban_ends_once_the_registry_deleted_the_domain_with_the_money_held_to_return_KZ_3_2()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.LiveUntil(Expiry.AddDays(-30));
        var invoice = domain.State.Renewal.InvoiceNumber!;
        domain.PayCurrentInvoice(Expiry.AddDays(-29), invoice);
        Assert.IsType<QueryDomain>(Assert.Single(domain.Answer(new RegistryRefused(2304, "example.kz has serverRenewProhibited"), Expiry.AddDays(-29))));
        domain.Answer(new DomainInfo(true, true, "H-1", Expiry, ["serverRenewProhibited"]), Expiry.AddDays(-29));
        Assert.Equal(RegistrationPhase.Stalled, domain.State.Phase);

        var sent = domain.Raise(new RegistryObserved("observed:1", Gone, Expiry.AddDays(1)), Expiry.AddDays(1));

        Assert.Equal(RegistrationPhase.Deleted, domain.State.Phase);
        Assert.Single(sent.OfType<SendNotice>(), n => n.Kind == NoticeKind.DeletedByRegistry);
        Assert.Equal(invoice, Assert.Single(sent.OfType<HoldUnrenderedRenewalPayment>()).InvoiceNumber);
        Assert.Empty(sent.OfType<CancelRenewalInvoice>());
    }

    [Fact]
    public void A_renewal_invoice_issued_after_the_registry_renewed_the_domain_is_cancelled_so_no_payment_is_taken_for_it_UA_1_7()
    {
        var domain = RegisteredDomain.Expiring("kiev.ua", Expiry);
        domain.LiveUntil(Expiry.AddDays(-1));
        var asked = Assert.Single(domain.Raise(new RegistrationTimerDue("timer:expiry", domain.WakeAt!.Value), Expiry.AddMinutes(1)).OfType<IssueRenewalInvoice>());
        var renewedByRegistry = domain.Raise(new RegistryObserved("observed:1", new DomainInfo(true, true, "H-1", Expiry.AddYears(1), ["ok"]), Expiry.AddMinutes(2)),
            Expiry.AddMinutes(2));
        Assert.NotEmpty(renewedByRegistry.OfType<CancelRenewalInvoice>());

        var issuedLate = domain.IssueInvoice(asked, Expiry.AddMinutes(3));

        var cancelled = Assert.Single(issuedLate.OfType<CancelRenewalInvoice>());
        Assert.Equal(($"INV-{asked.CommandId}", InvoiceCancellation.RoundEndedRule), (cancelled.InvoiceNumber, cancelled.EndingRule));
        Assert.Empty(issuedLate.OfType<SendNotice>());
        Assert.Equal((RegistrationPhase.Registered, Expiry.AddYears(1)), (domain.State.Phase, domain.State.ExpiresAt));
    }
}
