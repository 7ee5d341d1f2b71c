using Registrar.Core.Customers;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;
using Registrar.Core.Tariffs;

namespace Registrar.Core.Tests.Registrations;

public sealed class RegistrantChangeDeciderTests
{
    private static readonly DateTimeOffset Expiry = new(2027, 6, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Expiry.AddMonths(-6);

    private static readonly RegistrantData NewOwner = new(RegistrantKind.NaturalPerson,
        new PostalAddress("KZ", "010000", "Астана", "Астана", "Кенесары", "5"), "new-owner@example.test", "+7.7172123456", FullName: "Петров Пётр");

    [Fact]
    public void A_registrant_change_is_invoiced_as_a_new_registration_and_nothing_reaches_the_registry_before_it_is_paid_KZ_2_4()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);

        var invoice = Assert.IsType<IssueRenewalInvoice>(Assert.Single(domain.Raise(Proved(RequestProof.ContactEmail), Now)));
        var notice = Assert.IsType<SendNotice>(Assert.Single(domain.IssueInvoice(invoice, Now)));

        Assert.Equal((TariffOperation.RegistrantChange, 1, "example.kz"), (invoice.Operation, invoice.Years, invoice.DomainName));
        Assert.Equal((NoticeKind.RegistrantChangeInvoice, $"INV-{invoice.CommandId}"), (notice.Kind, notice.Facts!.InvoiceNumber));
        Assert.Empty(domain.Sent.OfType<ChangeRegistrant>());
        Assert.Null(domain.State.AwaitedCommandId);
        // The registrant change's invoice is not the renewal's: no renewal reminder counts it as paid or open.
        Assert.Null(domain.State.Renewal.InvoiceNumber);
    }

    [Fact]
    public void The_paid_change_creates_the_new_registrant_and_never_moves_the_expiry_KZ_2_4_KZ_2_5()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        var invoice = (IssueRenewalInvoice)domain.Raise(Proved(RequestProof.IdentityDocuments), Now).Single();
        domain.IssueInvoice(invoice, Now);

        var change = Assert.IsType<ChangeRegistrant>(Assert.Single(domain.Raise(new RenewalPaid("renewal-paid:1", $"INV-{invoice.CommandId}", 1, Now), Now)));
        var answered = domain.Answer(new RegistrantChanged("RG-NEW"), Now);
        var told = Assert.Single(answered.OfType<SendNotice>());
        var published = Assert.Single(answered.OfType<RecordRegistrant>());

        Assert.Equal(("r-1", NewOwner), (change.RequestId, change.Registrant));
        Assert.Equal((NoticeKind.RegistrantChanged, Expiry), (told.Kind, told.Facts!.ExpiresAt));
        // KZ-App-10.3: WHOIS publishes the new registrant from now on, not the one the order gave.
        Assert.Equal((NewOwner, answered.Count), (published.Registrant, 2));
        Assert.Equal((Expiry, "RG-NEW", NewOwner), (domain.State.ExpiresAt, domain.State.RegistrantHandle, domain.State.Order!.Registrant));
        Assert.Null(domain.State.RegistrantChange);
        Assert.Empty(domain.Sent.OfType<RenewDomain>());
        Assert.Equal(RegistrationPhase.Registered, domain.State.Phase);
    }

    [Fact]
    public void A_session_alone_does_not_change_the_registrant_UA_1_5_8()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);

        Assert.IsType<FlagForOperations>(Assert.Single(domain.Raise(Proved(RequestProof.SignedInSession), Now)));
        Assert.False(RequestProofs.Accepts(new RegistrantChangeRequest(NewOwner), RequestProof.SignedInSession));
        Assert.True(RequestProofs.Accepts(new RegistrantChangeRequest(NewOwner), RequestProof.SignedContract));
        Assert.Null(domain.State.RegistrantChange);
    }

    [Fact]
    public void A_payment_of_another_invoice_changes_no_registrant_and_a_lost_answer_is_asked_again_KZ_2_4()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        var invoice = (IssueRenewalInvoice)domain.Raise(Proved(RequestProof.ContactEmail), Now).Single();
        domain.IssueInvoice(invoice, Now);

        Assert.IsType<FlagForOperations>(Assert.Single(domain.Raise(new RenewalPaid("renewal-paid:x", "INV-OTHER", 1, Now), Now)));
        var first = (ChangeRegistrant)domain.Raise(new RenewalPaid("renewal-paid:1", $"INV-{invoice.CommandId}", 1, Now), Now).Single();
        var again = Assert.IsType<ChangeRegistrant>(Assert.Single(domain.Answer(new OutcomeUnknown(), Now)));
        Assert.Empty(domain.Raise(new RenewalPaid("renewal-paid:2", $"INV-{invoice.CommandId}", 1, Now), Now).OfType<ChangeRegistrant>());

        Assert.Equal((first.RequestId, first.Registrant), (again.RequestId, again.Registrant));
        var flag = Assert.IsType<FlagForOperations>(Assert.Single(domain.Answer(new RegistryRefused(2304, "serverUpdateProhibited"), Now)));
        Assert.Contains("KZ-2.4", flag.Reason);
        Assert.Equal("H-1", domain.State.RegistrantHandle);
    }

    [Fact]
    public void A_registrant_change_whose_invoice_would_fall_due_in_a_calendar_year_not_loaded_is_not_invoiced_and_operations_are_told_KZ_3_3()
    {
        var provedAt = new DateTimeOffset(2031, 1, 10, 10, 0, 0, TimeSpan.FromHours(5));
        var domain = RegisteredDomain.Expiring("kz", provedAt.AddYears(1));

        var sent = domain.Raise(Proved(RequestProof.ContactEmail), provedAt);

        var flag = Assert.IsType<FlagForOperations>(Assert.Single(sent));
        Assert.Contains("calendar year 2031 for KZ", flag.Reason);
        Assert.Null(domain.State.RegistrantChange);
    }

    [Fact]
    public void A_second_registrant_change_while_the_first_waits_for_payment_is_refused_and_the_first_stays_payable_KZ_2_4()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        var invoice = (IssueRenewalInvoice)domain.Raise(Proved(RequestProof.ContactEmail), Now).Single();
        domain.IssueInvoice(invoice, Now);
        var second = new RegistrantChangeRequest(NewOwner with { FullName = "Сидоров Сидор" });

        var made = domain.Raise(new CustomerRequestMade("made:r-2", "r-2", second), Now.AddDays(1));
        var proved = domain.Raise(new CustomerRequestProved("proved:r-2", "r-2", second, RequestProof.ContactEmail), Now.AddDays(1));

        // No confirmation link and no second invoice: the customer is told, naming the invoice that waits.
        var refused = Assert.IsType<SendNotice>(Assert.Single(made));
        Assert.Equal((NoticeKind.RequestRefused, RequestRefusalReason.RegistrantChangeAwaitsPayment, $"INV-{invoice.CommandId}", "r-2"),
            (refused.Kind, refused.Facts!.Refusal, refused.Facts.InvoiceNumber, refused.Facts.RequestId));
        Assert.NotNull(refused.Facts.PayBy);
        Assert.Equal(RequestRefusalReason.RegistrantChangeAwaitsPayment, Assert.IsType<SendNotice>(Assert.Single(proved)).Facts!.Refusal);
        Assert.Equal(("r-1", NewOwner), (domain.State.RegistrantChange!.RequestId, domain.State.RegistrantChange.Registrant));
        Assert.IsType<ChangeRegistrant>(Assert.Single(domain.Raise(new RenewalPaid("renewal-paid:1", $"INV-{invoice.CommandId}", 1, Now), Now.AddDays(2))));
    }

    [Fact]
    public void Once_the_first_changes_invoice_lapsed_unpaid_a_new_registrant_change_is_invoiced_KZ_2_4_KZ_3_3()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        var invoice = (IssueRenewalInvoice)domain.Raise(Proved(RequestProof.ContactEmail), Now).Single();
        domain.IssueInvoice(invoice, Now);
        var second = new RegistrantChangeRequest(NewOwner with { FullName = "Сидоров Сидор" });

        var sent = domain.Raise(new CustomerRequestProved("proved:r-2", "r-2", second, RequestProof.ContactEmail), invoice.DueAt.AddSeconds(1));

        Assert.IsType<IssueRenewalInvoice>(Assert.Single(sent));
        Assert.Equal("r-2", domain.State.RegistrantChange!.RequestId);
    }

    private static CustomerRequestProved Proved(RequestProof proof) => new("proved:r-1", "r-1", new RegistrantChangeRequest(NewOwner), proof);
}
