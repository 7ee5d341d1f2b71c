using Registrar.Core.Customers;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;
using Registrar.Core.Tests.Registrations;

namespace Registrar.Core.Tests.Customers;

/// <summary>KZ-2.2: one contact e-mail per customer, held by the account: every registration of the customer sends its
/// notices there, and only an approved change (UA-4.7) moves it.</summary>
public sealed class CustomerAccountTests
{
    private static readonly DateTimeOffset Expiry = new(2027, 6, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Expiry.AddMonths(-6);
    private static readonly CustomerAccount Account = CustomerAccount.Open("cust-1", "owner@example.test", Now.AddYears(-1));

    [Theory]
    [InlineData("owner@example.test", true)]
    [InlineData(" Owner@Example.TEST ", true)]
    [InlineData("other-owner@example.test", false)]
    [InlineData("owner@example.test.kz", false)]
    public void An_order_names_the_accounts_one_contact_email_only_by_its_address_case_and_blanks_aside_KZ_2_2(string ordered, bool same)
    {
        Assert.Equal(same, Account.HasContactEmail(ordered));
    }

    [Theory]
    [InlineData("\u00e1jna@example.test", "a\u0301jna@example.test")]
    [InlineData("owner@\u043f\u0440\u0438\u043c\u0435\u0440.\u049b\u0430\u0437", "owner@xn--e1afmkfd.xn--80ao21a")]
    [InlineData("owner@xn--e1afmkfd.xn--80ao21a", "Owner@\u041f\u0420\u0418\u041c\u0415\u0420.\u049a\u0410\u0417")]
    public void An_order_names_the_accounts_contact_email_in_another_unicode_form_or_with_its_domain_in_a_labels_KZ_2_2(string opened, string ordered)
    {
        // The same mailbox written in NFD (a keyboard's decomposed accent) or with its IDN domain as A-labels (RFC 5890) reaches
        // the same person: it is the account's one contact, not a second one refused as another.
        Assert.True(CustomerAccount.Open("cust-2", opened, Now).HasContactEmail(ordered));
    }

    [Fact]
    public void An_approved_change_sends_the_next_notice_of_every_registration_of_the_customer_to_the_new_address_KZ_2_2_UA_4_7()
    {
        var changedThrough = RegisteredDomain.Expiring("kz", Expiry);
        var another = RegisteredDomain.Expiring("com.ua", Expiry);
        changedThrough.Raise(Proved, Now);

        var account = Account.WithApprovedChange("r-1", "new-owner@example.test");
        var told = account.Address(Assert.IsType<SendNotice>(Assert.Single(changedThrough.Raise(Reviewed(approved: true), Now.AddHours(1)))));

        Assert.Equal((NoticeKind.ContactEmailChanged, "owner@example.test"), (told.Kind, told.To));
        Assert.Equal("new-owner@example.test", account.Address(NextNotice(changedThrough)).To);
        Assert.Equal("new-owner@example.test", account.Address(NextNotice(another)).To);
    }

    [Fact]
    public void The_old_address_is_the_one_the_change_replaced_even_when_a_registration_stored_an_older_one_KZ_2_2_UA_4_7()
    {
        var account = Account.WithApprovedChange("r-0", "second@example.test");
        var registration = RegisteredDomain.Expiring("kz", Expiry);
        registration.Raise(Proved, Now);

        var told = account.WithApprovedChange("r-1", "new-owner@example.test")
            .Address(Assert.IsType<SendNotice>(Assert.Single(registration.Raise(Reviewed(approved: true), Now.AddHours(1)))));

        Assert.Equal("second@example.test", told.To);
    }

    [Fact]
    public void The_same_approval_applied_twice_is_one_change_KZ_2_2()
    {
        var once = Account.WithApprovedChange("r-1", "new-owner@example.test");

        Assert.Equal(once, once.WithApprovedChange("r-1", "new-owner@example.test"));
        Assert.Equal("owner@example.test", once.PreviousContactEmail);
    }

    [Fact]
    public void A_change_without_consent_moves_no_registration_s_notices_KZ_2_2_UA_4_7()
    {
        var changedThrough = RegisteredDomain.Expiring("kz", Expiry);
        var another = RegisteredDomain.Expiring("com.ua", Expiry);
        changedThrough.Raise(Proved, Now);

        var refused = Account.Address(Assert.IsType<SendNotice>(Assert.Single(changedThrough.Raise(Reviewed(approved: false), Now.AddHours(1)))));

        Assert.Equal((NoticeKind.ContactEmailChangeRefused, "owner@example.test"), (refused.Kind, refused.To));
        Assert.Equal("owner@example.test", Account.Address(NextNotice(changedThrough)).To);
        Assert.Equal("owner@example.test", Account.Address(NextNotice(another)).To);
    }

    [Fact]
    public void Another_customer_s_registrations_keep_their_own_address_KZ_2_2()
    {
        var someoneElse = RegisteredDomain.Expiring("kz", Expiry, customerId: "cust-2", contactEmail: "other@example.test");

        var account = Account.WithApprovedChange("r-1", "new-owner@example.test");

        Assert.Equal("other@example.test", account.Address(NextNotice(someoneElse)).To);
    }

    private static CustomerRequestProved Proved => new("proved:r-1", "r-1", new ContactEmailChangeRequest("new-owner@example.test"),
        RequestProof.SignedInSession, Now);

    private static ContactEmailChangeReviewed Reviewed(bool approved) =>
        new("reviewed:r-1", "r-1", approved, "ops-1", Now.AddHours(1), approved ? "called the owner back" : "could not reach the owner");

    /// <summary>The registration's next notice: the confirmation link of a request the customer makes.</summary>
    private static SendNotice NextNotice(RegisteredDomain registration) =>
        Assert.IsType<SendNotice>(Assert.Single(registration.Raise(new CustomerRequestMade("request:r-9", "r-9", new EarlyDeletionRequest()), Now.AddHours(2))));
}
