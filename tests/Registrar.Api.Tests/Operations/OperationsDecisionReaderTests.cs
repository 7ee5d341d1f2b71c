using Microsoft.AspNetCore.Http.HttpResults;
using Registrar.Api.Operations;
using Registrar.Core.Calendars;
using Registrar.Core.Contracts;
using Registrar.Core.Customers;
using Registrar.Core.Deadlines;
using Registrar.Core.Registrations;
using Registrar.Core.Zones;

namespace Registrar.Api.Tests.Operations;

/// <summary>Which decisions each zone's offer has a clause for, and the instants the clause makes of a decision.</summary>
public sealed class OperationsDecisionReaderTests
{
    private static readonly ZoneCatalog Zones = ZoneCatalog.LoadEmbedded();
    private static readonly OperationsDecisionReader Reader = new(
        new ContractRules(Zones, BusinessCalendars.LoadEmbedded(), new ContractTermsCatalog(Zones)), new ContractTermsCatalog(Zones),
        new ZoneDeadlines(Zones, BusinessCalendars.LoadEmbedded()));

    // 14:00 in Kyiv and 17:00 in Almaty (UTC+5).
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_suspension_on_a_ground_of_the_ua_offer_is_read_UA_2_3_1()
    {
        var (decision, problem) = Reader.Read(Body("suspend") with { Ground = SuspensionGround.UnsolicitedMessages }, Registration("com.ua"), Now);

        Assert.Null(problem);
        Assert.Equal(new SuspendService(SuspensionGround.UnsolicitedMessages), decision);
    }

    [Fact]
    public void A_suspension_needs_one_of_the_grounds_UA_2_3_1()
    {
        Assert.IsType<ProblemHttpResult>(Reader.Read(Body("suspend"), Registration("ua"), Now).Problem);
        Assert.IsType<ProblemHttpResult>(Reader.Read(Body("suspend") with { Ground = (SuspensionGround)42 }, Registration("ua"), Now).Problem);
    }

    [Theory]
    [InlineData("suspend")]
    [InlineData("unsuspend")]
    public void The_kz_offer_has_no_suspension_clause_UA_2_3_1(string kind)
    {
        var problem = Reader.Read(Body(kind) with { Ground = SuspensionGround.Malware }, Registration("kz"), Now).Problem!;

        Assert.Equal(409, problem.StatusCode);
        Assert.Equal("UA-2.3.1", problem.ProblemDetails.Extensions["rule"]);
    }

    [Theory]
    [InlineData("kz", "KZ-App-2")]
    [InlineData("қаз", "KZ-App-2")]
    [InlineData("ua", "UA-2.2.3")]
    public void A_dispute_decision_carries_its_document_under_the_zones_dispute_clause_KZ_App_2_UA_2_2_3(string zone, string rule)
    {
        var (decision, _) = Reader.Read(Body("dispute") with { Outcome = DisputeOutcome.Delete, Document = " Court ruling 2-123/2026 " }, Registration(zone), Now);

        Assert.Equal(new DisputeDecision(DisputeOutcome.Delete, "Court ruling 2-123/2026", rule), decision);
    }

    [Theory]
    [InlineData("com.ua", DisputeOutcome.Block)]
    [InlineData("kiev.ua", DisputeOutcome.Delete)]
    [InlineData("kyiv.ua", DisputeOutcome.Redelegate)]
    public void The_ua_dispute_clause_binds_private_second_level_ua_names_only_so_no_dispute_decision_is_taken_for_a_third_level_name_UA_2_2_3(
        string zone, DisputeOutcome outcome)
    {
        var body = Body("dispute") with { Outcome = outcome, Document = "Court ruling 2-125/2026", Registrant = Claimant };

        var (decision, problem) = Reader.Read(body, Registration(zone), Now);

        Assert.Null(decision);
        Assert.Equal((409, "UA-2.2.3"), (problem!.StatusCode, problem.ProblemDetails.Extensions["rule"]));
        Assert.Contains("second-level", problem.ProblemDetails.Detail);
    }

    [Fact]
    public void A_block_a_third_level_ua_name_was_given_before_the_clause_was_checked_can_still_be_lifted_UA_2_2_3()
    {
        var (decision, problem) = Reader.Read(Body("dispute") with { Outcome = DisputeOutcome.Unblock, Document = "Court ruling 2-126/2026" }, Registration("com.ua"), Now);

        Assert.Null(problem);
        Assert.Equal(new DisputeDecision(DisputeOutcome.Unblock, "Court ruling 2-126/2026", "UA-2.2.3"), decision);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    [InlineData("line\nbreak")]
    public void A_dispute_decision_names_the_document_it_follows_KZ_App_2(string? document)
    {
        var problem = Reader.Read(Body("dispute") with { Outcome = DisputeOutcome.Block, Document = document }, Registration("kz"), Now).Problem!;

        Assert.Equal(400, problem.StatusCode);
    }

    [Fact]
    public void A_re_delegation_names_a_valid_registrant_to_give_the_domain_to_KZ_App_2()
    {
        var body = Body("dispute") with { Outcome = DisputeOutcome.Redelegate, Document = "Court ruling 2-124/2026" };

        Assert.Equal(400, Reader.Read(body, Registration("kz"), Now).Problem!.StatusCode);
        Assert.Equal(400, Reader.Read(body with { Registrant = Claimant with { Email = "not-an-address" } }, Registration("kz"), Now).Problem!.StatusCode);
        var (decision, _) = Reader.Read(body with { Registrant = Claimant }, Registration("kz"), Now);
        Assert.Equal(new DisputeDecision(DisputeOutcome.Redelegate, "Court ruling 2-124/2026", "KZ-App-2", Claimant), decision);
    }

    [Fact]
    public void A_breach_notice_gives_until_the_end_of_the_30th_day_in_Almaty_KZ_App_4()
    {
        var (decision, _) = Reader.Read(Body("breach-notice"), Registration("kz"), Now);

        // 1 December in Almaty + 30 days = 31 December, ending at midnight Almaty time (UTC+5).
        Assert.Equal(new BreachNotice(new DateTimeOffset(2026, 12, 31, 19, 0, 0, TimeSpan.Zero)), decision);
    }

    [Theory]
    [InlineData("breach-notice")]
    [InlineData("breach-cured")]
    public void The_ua_offer_has_no_breach_notice_with_time_to_cure_KZ_App_4(string kind)
    {
        var problem = Reader.Read(Body(kind), Registration("com.ua"), Now).Problem!;

        Assert.Equal("KZ-App-4", problem.ProblemDetails.Extensions["rule"]);
    }

    [Fact]
    public void The_registrars_termination_takes_effect_at_the_end_of_the_30th_day_after_the_notice_in_Kyiv_UA_1_3_4_1()
    {
        var (decision, _) = Reader.Read(Body("termination") with { Termination = TerminationGround.RegistrarNotice }, Registration("com.ua"), Now);

        // 1 December in Kyiv + 30 days = 31 December, ending at midnight Kyiv time (UTC+2 in winter).
        Assert.Equal(new TerminationNotice(TerminationGround.RegistrarNotice, new DateTimeOffset(2026, 12, 31, 22, 0, 0, TimeSpan.Zero), "UA-1.3.4.1"), decision);
    }

    [Fact]
    public void The_refund_for_the_registrars_termination_is_quoted_on_the_last_day_served_in_Kyiv_UA_6_3()
    {
        // The service ends at the midnight opening 1 January 2027 in Kyiv: 31 December is the last day served, and a term
        // whose months start on the 1st has January wholly unused (UA-6.3 keeps only the month the service ended in).
        var termination = (TerminationNotice)Reader.Read(Body("termination") with { Termination = TerminationGround.RegistrarNotice }, Registration("com.ua"), Now).Decision!;

        Assert.Equal("/api/ops/registrations/R-1/early-termination-refund?on=2026-12-31", Reader.RefundQuotePath("R-1", "com.ua", termination));
        Assert.Equal("/api/ops/registrations/R-1/early-termination-refund?on=2026-12-31",
            Reader.RefundQuotePath("R-1", "com.ua", termination with { EffectiveAt = termination.EffectiveAt.ToUniversalTime() }));
        Assert.Null(Reader.RefundQuotePath("R-1", "com.ua", termination with { Ground = TerminationGround.RegistrantBreach }));
    }

    [Theory]
    [InlineData(TerminationGround.RegistrantBreach, "UA-2.3.2")]
    [InlineData(TerminationGround.RegistryAgreementEnded, "UA-1.3.6")]
    public void A_termination_for_breach_or_with_the_registrys_agreement_takes_effect_when_decided_UA_2_3_2_UA_1_3_6(TerminationGround ground, string rule)
    {
        var (decision, _) = Reader.Read(Body("termination") with { Termination = ground }, Registration("ua"), Now);

        Assert.Equal(new TerminationNotice(ground, Now, rule), decision);
    }

    [Theory]
    [InlineData(TerminationGround.RegistrarNotice, "UA-1.3.4.1")]
    [InlineData(TerminationGround.RegistrantBreach, "UA-2.3.2")]
    [InlineData(TerminationGround.RegistryAgreementEnded, "UA-1.3.6")]
    public void The_kz_offer_has_none_of_the_ua_terminations_UA_1_3_4_1_UA_2_3_2_UA_1_3_6(TerminationGround ground, string rule)
    {
        var problem = Reader.Read(Body("termination") with { Termination = ground }, Registration("kz"), Now).Problem!;

        Assert.Equal((409, rule), (problem.StatusCode, problem.ProblemDetails.Extensions["rule"]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(TerminationGround.BreachUncured)]
    public void A_termination_names_a_ground_operations_may_give(TerminationGround? ground)
    {
        Assert.Equal(400, Reader.Read(Body("termination") with { Termination = ground }, Registration("ua"), Now).Problem!.StatusCode);
    }

    [Theory]
    [InlineData("kz")]
    [InlineData("қаз")]
    public void A_transfer_restriction_names_the_agreement_that_forbids_the_transfer_KZ_App_9(string zone)
    {
        var (decision, _) = Reader.Read(Body("transfer-restriction") with { Document = " Pledge agreement 12/2026 " }, Registration(zone), Now);

        Assert.Equal(new RestrictTransfer("Pledge agreement 12/2026", "KZ-App-9"), decision);
        Assert.Equal(new LiftTransferRestriction(), Reader.Read(Body("transfer-restriction-lifted"), Registration(zone), Now).Decision);
        Assert.Equal(400, Reader.Read(Body("transfer-restriction"), Registration(zone), Now).Problem!.StatusCode);
        Assert.Equal(400, Reader.Read(Body("transfer-restriction") with { Document = "line\nbreak" }, Registration(zone), Now).Problem!.StatusCode);
    }

    [Theory]
    [InlineData("transfer-restriction")]
    [InlineData("transfer-restriction-lifted")]
    public void The_ua_offer_has_no_clause_on_another_agreement_forbidding_a_transfer_KZ_App_9(string kind)
    {
        var problem = Reader.Read(Body(kind) with { Document = "Pledge agreement 12/2026" }, Registration("com.ua"), Now).Problem!;

        Assert.Equal((409, "KZ-App-9"), (problem.StatusCode, problem.ProblemDetails.Extensions["rule"]));
    }

    /// <summary>RFC 5731 section 3.2.4 is the registry's protocol, not an offer's clause: every zone may cancel a pending
    /// transfer in, and only a registration still TransferringIn is one.</summary>
    [Theory]
    [InlineData("kz")]
    [InlineData("com.ua")]
    public void A_transfer_in_cancel_is_read_in_every_zone_and_applies_only_while_the_transfer_is_pending(string zone)
    {
        var (decision, problem) = Reader.Read(Body("transfer-in-cancel"), Registration(zone), Now);

        Assert.Null(problem);
        Assert.True(decision!.AppliesTo(RegistrationPhase.TransferringIn, null));
        Assert.False(decision.AppliesTo(RegistrationPhase.Registered, Now.AddYears(1)));
        Assert.False(decision.AppliesTo(RegistrationPhase.Closed, null));
        Assert.False(new SuspendService(SuspensionGround.Malware).AppliesTo(RegistrationPhase.TransferringIn, null));
    }

    [Fact]
    public void An_unknown_kind_is_a_validation_problem()
    {
        Assert.Equal(400, Reader.Read(Body("delete-everything"), Registration("ua"), Now).Problem!.StatusCode);
    }

    public static TheoryData<OperationsDecisionBody, string> StrayFields() => new()
    {
        { Body("breach-notice") with { Ground = SuspensionGround.Malware }, "ground" },
        { Body("suspend") with { Ground = SuspensionGround.Malware, Document = "Court ruling 2-123/2026" }, "document" },
        { Body("termination") with { Termination = TerminationGround.RegistrarNotice, Outcome = DisputeOutcome.Block }, "outcome" },
        { Body("transfer-restriction") with { Document = "Pledge agreement 12/2026", Registrant = Claimant }, "registrant" },
        { Body("unsuspend") with { Termination = TerminationGround.RegistrantBreach }, "termination" },
    };

    [Theory]
    [MemberData(nameof(StrayFields))]
    public void A_field_of_another_kind_of_decision_is_a_400_naming_it_as_for_a_customer_request(OperationsDecisionBody body, string field)
    {
        var problem = OperationsDecisionReader.FieldsOfAnotherKind(body)!;

        Assert.Equal((400, "/problems/validation"), (problem.StatusCode, problem.ProblemDetails.Type));
        Assert.Equal([field], Assert.IsType<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>(problem.ProblemDetails).Errors.Keys);
    }

    [Fact]
    public void A_document_is_a_dispute_decisions_and_a_transfer_restrictions_field_and_an_unknown_kind_is_left_to_the_reader()
    {
        Assert.Null(OperationsDecisionReader.FieldsOfAnotherKind(Body("dispute") with { Outcome = DisputeOutcome.Redelegate, Document = "x", Registrant = Claimant }));
        Assert.Null(OperationsDecisionReader.FieldsOfAnotherKind(Body("transfer-restriction") with { Document = "Pledge agreement 12/2026" }));
        Assert.Null(OperationsDecisionReader.FieldsOfAnotherKind(Body("delete-everything") with { Ground = SuspensionGround.Malware }));
    }

    private static readonly RegistrantData Claimant = new(RegistrantKind.LegalEntity,
        new PostalAddress("KZ", "010000", "Астана", "Астана", "ул. Кенесары", "1"), "legal@claimant.example", "+7.7172000000", Organization: "ТОО Истец");

    private static OperationsDecisionBody Body(string kind) => new(kind, "because");

    [Fact]
    public void A_registrars_notice_on_an_unpaid_domain_takes_effect_at_its_deletion_when_that_comes_sooner_than_30_days_UA_1_3_4_1_UA_1_12()
    {
        // Expired ten days ago, unpaid: deleted 28 days after expiry (UA-1.12), before the notice's 30 days run out.
        var expired = Registration("com.ua") with { Phase = RegistrationPhase.Expired, ExpiresAt = Now.AddDays(-10) };

        var unpaid = (TerminationNotice)Reader.Read(Body("termination") with { Termination = TerminationGround.RegistrarNotice }, expired, Now).Decision!;
        var renewing = (TerminationNotice)Reader.Read(Body("termination") with { Termination = TerminationGround.RegistrarNotice },
            expired with { Phase = RegistrationPhase.Renewing }, Now).Decision!;

        Assert.Equal(Now.AddDays(18), unpaid.EffectiveAt);
        Assert.True(renewing.EffectiveAt > Now.AddDays(29));
    }

    private static RegistrationView Registration(string zone) =>
        new("O1-1", "cust-1", $"example.{zone}", $"example.{zone}", zone, RegistrationPhase.Registered, Now.AddYears(2));
}
