using Registrar.Core.Contracts;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;

namespace Registrar.Core.Tests.Registrations;

/// <summary>UA-Pre-6: a written erasure request ends the contract from the date of the registrar's reply.</summary>
public sealed class ErasureRequestDeciderTests
{
    private static readonly DateTimeOffset Expiry = new(2027, 6, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Expiry.AddMonths(-6);
    private static readonly DateTimeOffset RepliedOn = new(2026, 12, 14, 0, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public void An_erasure_request_deletes_the_domain_from_the_replys_date_and_confirms_the_end_to_the_registrant_UA_Pre_6()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);

        var commands = domain.Raise(ErasureRequested(RepliedOn), Now);

        var notice = Assert.Single(commands.OfType<SendNotice>());
        Assert.Equal((NoticeKind.TerminationConfirmed, RepliedOn), (notice.Kind, notice.Facts!.DeletionAt));
        Assert.Null(notice.Facts.Clause); // a preamble item, not the offer's section 6
        Assert.Single(commands.OfType<DeleteDomain>());
        Assert.Empty(commands.OfType<FlagForOperations>()); // the registrant asked: no refund (UA-1.5.5)
        Assert.Equal((RegistrationPhase.Deleting, TerminationGround.ErasureRequest), (domain.State.Phase, domain.State.Ending!.Ground));
    }

    [Fact]
    public void An_erasure_request_ends_the_contract_sooner_than_the_registrants_notice_already_running_UA_Pre_6_UA_6_1()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        domain.Raise(new CustomerRequestProved("proved:1", "R-1", new TerminationRequest(Now.AddDays(60), "UA-6.1"), RequestProof.ContactEmail, Now), Now);

        var commands = domain.Raise(ErasureRequested(Now.AddDays(-1)), Now);

        Assert.Single(commands.OfType<DeleteDomain>());
        Assert.Equal((Now.AddDays(-1), "UA-Pre-6"), (domain.State.Ending!.EffectiveAt, domain.State.Ending.Rule));
    }

    [Fact]
    public void An_erasure_request_after_an_earlier_end_was_set_changes_nothing_and_goes_back_to_operations_UA_Pre_6()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        domain.Raise(new CustomerRequestProved("proved:1", "R-1", new TerminationRequest(Now.AddDays(20), "UA-6.1"), RequestProof.ContactEmail, Now), Now);

        var flag = Assert.IsType<FlagForOperations>(Assert.Single(domain.Raise(ErasureRequested(Now.AddDays(30)), Now)));

        Assert.Contains("already ends", flag.Reason);
        Assert.Equal(Now.AddDays(20), domain.State.Ending!.EffectiveAt);
    }

    [Fact]
    public void Only_the_ua_offer_makes_an_erasure_request_end_the_contract_UA_Pre_6()
    {
        Assert.Equal("UA-Pre-6", ContractTermsCatalog.Ukraine.ErasureRequestRule);
        Assert.Null(ContractTermsCatalog.Kazakhstan.ErasureRequestRule);
    }

    private static OperationsDecided ErasureRequested(DateTimeOffset endsAt) =>
        new("decision:erasure", new TerminationNotice(TerminationGround.ErasureRequest, endsAt, "UA-Pre-6"), "ops (Олена)", Now,
            "UA-Pre-6: written erasure request вх. 20/26");
}
