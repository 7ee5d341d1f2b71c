using Registrar.Core.Registrations;
using Registrar.Core.Requests;

namespace Registrar.Core.Tests.Registrations;

public sealed class NoticeResendDeciderTests
{
    private static readonly DateTimeOffset Expiry = new(2027, 6, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Expiry.AddMonths(-6);

    [Fact]
    public void A_notice_sent_again_is_a_new_notice_of_the_same_kind_and_facts_to_the_contact_email_as_it_is_now_KZ_2_6()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        var facts = new NoticeFacts(ExpiresAt: Expiry, InvoiceNumber: "KZ-2701-00001-1");
        domain.Raise(new CustomerRequestProved("proved:r-1", "r-1", new ContactEmailChangeRequest("new-owner@example.test"), RequestProof.ContactEmail, Now), Now);
        domain.Raise(new ContactEmailChangeReviewed("reviewed:r-1", "r-1", true, "ops-1", Now, "called back"), Now);

        var resent = Assert.IsType<SendNotice>(Assert.Single(domain.Raise(
            new NoticeResendRequested("resend:reg-1-3:1", "reg-1-3", NoticeKind.RenewalInvoice, facts, "ops-1"), Now.AddHours(1))));

        Assert.Equal((NoticeKind.RenewalInvoice, facts, "new-owner@example.test", "en"), (resent.Kind, resent.Facts, resent.To, resent.Language));
        Assert.NotEqual("reg-1-3", resent.CommandId);
        Assert.Equal(RegistrationPhase.Registered, domain.State.Phase);
    }
}
