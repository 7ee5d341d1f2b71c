using Registrar.Core.Registrations;
using Registrar.Core.Requests;

namespace Registrar.Core.Tests.Registrations;

/// <summary>KZ-5.3: new control panel credentials are asked for from the contact e-mail only, and come back there as a link.</summary>
public sealed class CredentialResetDeciderTests
{
    private static readonly DateTimeOffset Expiry = new(2027, 6, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Expiry.AddMonths(-6);

    [Fact]
    public void An_unproved_credential_reset_mails_a_confirmation_naming_it_to_the_contact_email_KZ_5_3()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);

        var notice = Assert.IsType<SendNotice>(Assert.Single(domain.Raise(new CustomerRequestMade("request:r-1", "r-1", new CredentialResetRequest()), Now)));

        Assert.Equal((NoticeKind.RequestConfirmation, "owner@example.test", "credential-reset"), (notice.Kind, notice.To, notice.Facts!.RequestKind));
    }

    [Fact]
    public void A_credential_reset_proved_from_the_contact_email_mails_a_set_password_link_there_and_asks_the_registry_nothing_KZ_5_3()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);

        var notice = Assert.IsType<SendNotice>(Assert.Single(domain.Raise(Proved(RequestProof.ContactEmail), Now)));

        Assert.Equal((NoticeKind.CredentialReset, "owner@example.test"), (notice.Kind, notice.To));
        Assert.Equal(RegistrationPhase.Registered, domain.State.Phase);
    }

    [Theory]
    [InlineData(RequestProof.SignedInSession)]
    [InlineData(RequestProof.SignedContract)]
    [InlineData(RequestProof.IdentityDocuments)]
    public void A_session_or_papers_do_not_prove_a_credential_reset_and_nothing_is_mailed_KZ_5_3(RequestProof proof)
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);

        Assert.False(RequestProofs.Accepts(new CredentialResetRequest(), proof));
        Assert.IsType<FlagForOperations>(Assert.Single(domain.Raise(Proved(proof), Now)));
    }

    [Fact]
    public void A_credential_reset_concerns_the_account_so_a_registry_command_out_or_a_dispute_block_does_not_hold_it_back_KZ_5_3()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.Raise(new OperationsDecided("decision:1", new DisputeDecision(DisputeOutcome.Block, "Ruling 7", "KZ-App-2"), "ops", Now, "court"), Now);

        var sent = domain.Raise(Proved(RequestProof.ContactEmail), Now);

        Assert.Equal(NoticeKind.CredentialReset, Assert.Single(sent.OfType<SendNotice>()).Kind);
        Assert.NotNull(domain.State.HoldsCommandId);
    }

    [Fact]
    public void A_registration_that_ended_no_longer_mails_its_customer_KZ_5_3()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.Raise(new CustomerRequestProved("proved:del", "del", new EarlyDeletionRequest(), RequestProof.ContactEmail), Now);
        domain.Answer(new DomainDeleted(), Now);

        Assert.Empty(domain.Raise(Proved(RequestProof.ContactEmail), Now).OfType<SendNotice>());
    }

    private static CustomerRequestProved Proved(RequestProof proof) => new("proved:r-2", "r-2", new CredentialResetRequest(), proof, Now);
}
