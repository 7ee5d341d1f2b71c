using Registrar.Core.Contracts;
using Registrar.Core.Money;
using static Registrar.Core.Tests.Contracts.Shipped;

namespace Registrar.Core.Tests.Contracts;

public sealed class RefundPolicyTests
{
    private readonly RefundPolicy _refunds = Rules.Refunds("ua")!;

    [Fact]
    public void A_refund_asked_for_a_registered_domain_without_a_court_decision_is_refused_UA_1_5_5()
    {
        var refusal = _refunds.Refusal(new RefundRequest(RefundGround.RegistrantRequest, DomainRegistered: true));

        Assert.Equal((RefundRefusalReason.NoCourtDecision, "UA-1.5.5"), (refusal!.Reason, refusal.Rule));
        Assert.NotNull(_refunds.Refusal(new RefundRequest(RefundGround.CourtDecision, true, CourtDecisionReference: " ")));
    }

    [Fact]
    public void A_refund_on_a_recorded_court_decision_is_allowed_UA_1_5_5()
    {
        Assert.Null(_refunds.Refusal(new RefundRequest(RefundGround.CourtDecision, true, "Pechersk District Court, case 757/1234/26, 2026-05-04")));
    }

    [Fact]
    public void The_registrar_ending_its_service_early_refunds_unused_months_without_a_court_decision_UA_1_5_5_UA_6_2()
    {
        Assert.Null(_refunds.Refusal(new RefundRequest(RefundGround.EarlyTerminationByRegistrar, true, EndedBy: ContractEndedBy.RegistrarNotice)));
    }

    [Fact]
    public void No_early_termination_is_refunded_for_a_contract_the_registrars_notice_did_not_end_UA_6_2_UA_1_5_5()
    {
        var running = _refunds.Refusal(new RefundRequest(RefundGround.EarlyTerminationByRegistrar, true));
        var registryEnded = _refunds.Refusal(new RefundRequest(RefundGround.EarlyTerminationByRegistrar, true, EndedBy: ContractEndedBy.Registry));

        Assert.Equal((RefundRefusalReason.RegistrarDidNotTerminate, "UA-1.5.5"), (running!.Reason, running.Rule));
        Assert.Equal((RefundRefusalReason.RegistryEndedAgreement, "UA-1.3.6"), (registryEnded!.Reason, registryEnded.Rule));
        Assert.Null(_refunds.Refusal(new RefundRequest(RefundGround.CourtDecision, true, "Pechersk District Court, case 757/1/26", ContractEndedBy.Registry)));
    }

    [Fact]
    public void Nothing_is_refunded_when_the_registry_ends_its_agreement_UA_1_3_6()
    {
        var refusal = _refunds.Refusal(new RefundRequest(RefundGround.RegistryEndedAgreement, true));
        var outcome = Rules.RegistryAgreementEnding("ua")!.OutcomeFor(Money.Money.Of(1200m, Currency.Uah));

        Assert.Equal((RefundRefusalReason.RegistryEndedAgreement, "UA-1.3.6"), (refusal!.Reason, refusal.Rule));
        Assert.True(outcome.DomainsMayBeDeleted);
        Assert.Equal(Money.Money.Zero(Currency.Uah), outcome.Refund);
    }

    [Fact]
    public void Money_for_a_domain_never_registered_is_not_held_back_by_UA_1_5_5()
    {
        Assert.Null(_refunds.Refusal(new RefundRequest(RefundGround.RegistrantRequest, DomainRegistered: false)));
    }

    [Fact]
    public void The_kz_offer_has_neither_refund_clause()
    {
        Assert.Null(Rules.Refunds("kz"));
        Assert.Null(Rules.RegistryAgreementEnding("kz"));
    }
}
