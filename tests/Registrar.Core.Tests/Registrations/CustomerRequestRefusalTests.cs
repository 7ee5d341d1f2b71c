using Registrar.Core.Registrations;
using Registrar.Core.Requests;

namespace Registrar.Core.Tests.Registrations;

/// <summary>What the customer's view shows decides whether the storefront takes a request at all; the lifecycle records it.</summary>
public sealed class CustomerRequestRefusalTests
{
    private static readonly DateTimeOffset Expiry = new(2027, 6, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Expiry.AddMonths(-6);

    [Fact]
    public void A_proved_notice_of_termination_shows_the_contract_end_in_the_customers_view_UA_6_1()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        var endsAt = Now.AddDays(20);

        domain.Raise(new CustomerRequestProved("proved:r-1", "r-1", new TerminationRequest(endsAt, "UA-6.1"), RequestProof.ContactEmail, Now), Now);

        Assert.Equal(new ContractEnd("UA-6.1", endsAt, TerminationGround.RegistrantNotice), domain.Views[^1].ContractEnd);
    }

    [Fact]
    public void A_dispute_block_shows_in_the_customers_view_until_it_is_lifted_UA_2_2_3()
    {
        var domain = RegisteredDomain.Expiring("ua", Expiry);

        domain.Raise(Decided(DisputeOutcome.Block, "1"), Now);
        Assert.Equal(Now, domain.Views[^1].DisputeBlockedSince);

        domain.Raise(Decided(DisputeOutcome.Unblock, "2"), Now.AddDays(3));
        Assert.Null(domain.Views[^1].DisputeBlockedSince);
    }

    [Fact]
    public void No_request_is_taken_once_the_contract_end_is_fixed_UA_6_1()
    {
        var ending = new ContractEnd("UA-6.1", Now.AddDays(15));

        Assert.Contains("UA-6.1", CustomerRequestRefusals.Of(new TerminationRequest(Now.AddDays(40), "UA-6.1"), RegistrationPhase.Registered, ending, null, false)!.Detail);
        Assert.Contains("UA-6.1", CustomerRequestRefusals.Of(new EarlyDeletionRequest(), RegistrationPhase.Registered, ending, null, false)!.Detail);
        Assert.Null(CustomerRequestRefusals.Of(new TerminationRequest(Now.AddDays(40), "UA-6.1"), RegistrationPhase.Registered, null, null, false));
    }

    [Fact]
    public void Until_the_end_the_registrants_own_notice_fixed_the_contract_runs_and_takes_its_changes_an_early_deletion_a_transfer_code_and_a_sooner_end_UA_6_4()
    {
        var notice = new ContractEnd("UA-6.4", Expiry, TerminationGround.RegistrantNotice);

        Assert.Null(Of(new DnsChangeRequest(["ns1.example.net", "ns2.example.net"]), notice));
        Assert.Null(Of(new RegistrantContactChangeRequest(null!), notice));
        Assert.Null(Of(new ContactEmailChangeRequest("new@example.test"), notice));
        Assert.Null(Of(new TransferCodeRequest(), notice));
        Assert.Null(Of(new EarlyDeletionRequest(), notice));
        Assert.Null(Of(new TerminationRequest(Now.AddDays(20), "UA-6.1"), notice));
        Assert.Equal(RequestRefusalReason.ContractEnds, Of(new TerminationRequest(Expiry, "UA-6.4"), notice)!.Reason);
        Assert.Equal(RequestRefusalReason.ContractEnds, Of(new RegistrantChangeRequest(null!), notice)!.Reason);
    }

    [Fact]
    public void An_end_the_registrar_decided_takes_no_change_before_it_UA_1_3_4_1()
    {
        var decided = new ContractEnd("UA-1.3.4.1", Expiry, TerminationGround.RegistrarNotice);

        Assert.Equal(RequestRefusalReason.ContractEnds, Of(new DnsChangeRequest(["ns1.example.net", "ns2.example.net"]), decided)!.Reason);
        Assert.Equal(RequestRefusalReason.ContractEnds, Of(new TransferCodeRequest(), decided)!.Reason);
    }

    private static RequestRefusal? Of(CustomerRequest request, ContractEnd end) =>
        CustomerRequestRefusals.Of(request, RegistrationPhase.Registered, end, null, false);

    [Fact]
    public void A_dispute_block_refuses_every_request_but_a_transfer_code_which_is_refused_naming_the_ban_UA_2_2_3_KZ_App_9()
    {
        Assert.Contains("UA-2.2.3", CustomerRequestRefusals.Of(new EarlyDeletionRequest(), RegistrationPhase.Registered, null, "UA-2.2.3", false)!.Detail);
        Assert.Null(CustomerRequestRefusals.Of(new TransferCodeRequest(), RegistrationPhase.Registered, null, "UA-2.2.3", false));
        Assert.Null(CustomerRequestRefusals.Of(new EarlyDeletionRequest(), RegistrationPhase.Registered, null, null, false));
    }

    [Theory]
    [InlineData("kz", "KZ-App-2", "UA-2.2.3")]
    [InlineData("ua", "UA-2.2.3", "KZ-App-2")]
    public void A_dispute_block_refuses_a_request_naming_the_clause_of_the_domains_own_offer_only_KZ_App_2_UA_2_2_3(string zone, string rule, string otherOffers)
    {
        var domain = RegisteredDomain.Expiring(zone, Expiry);

        domain.Raise(new OperationsDecided("decision:1", new DisputeDecision(DisputeOutcome.Block, "Ruling 1", rule), "ops", Now, "court"), Now);

        var refusal = CustomerRequestRefusals.Of(new EarlyDeletionRequest(), domain.Views[^1], RegisteredDomain.Schedule)!;
        Assert.Equal((RequestRefusalReason.DisputeBlock, rule), (refusal.Reason, refusal.Rule));
        Assert.DoesNotContain(otherOffers, refusal.Detail);
        Assert.Null(CustomerRequestRefusals.Of(new EarlyDeletionRequest(), domain.Views[^1] with { DisputeBlockedSince = null }, RegisteredDomain.Schedule));
    }

    [Fact]
    public void Requests_apply_to_a_domain_held_at_the_registry_and_a_credential_reset_to_an_account_whose_registration_has_not_ended_KZ_5_3()
    {
        Assert.Contains("Deleting", CustomerRequestRefusals.Of(new TransferCodeRequest(), RegistrationPhase.Deleting, null, null, false)!.Detail);
        Assert.Null(CustomerRequestRefusals.Of(new TransferCodeRequest(), RegistrationPhase.Expired, null, null, false));
        Assert.Null(CustomerRequestRefusals.Of(new CredentialResetRequest(), RegistrationPhase.Deleting, new ContractEnd("UA-6.1", Now), "UA-2.2.3", false));
        Assert.Contains("Deleted", CustomerRequestRefusals.Of(new CredentialResetRequest(), RegistrationPhase.Deleted, null, null, false)!.Detail);
    }

    [Fact]
    public void A_suspension_refuses_a_transfer_code_and_a_registrant_change_but_not_what_it_asks_of_the_registrant_and_shows_in_the_view_UA_2_3_1()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);

        domain.Raise(new OperationsDecided("decision:s", new SuspendService(Registrar.Core.Contracts.SuspensionGround.Malware), "ops", Now, "malware found"), Now);

        Assert.Equal(Now, domain.Views[^1].SuspendedSince);
        var refusal = CustomerRequestRefusals.Of(new TransferCodeRequest(), domain.Views[^1], RegisteredDomain.Schedule);
        Assert.Equal((RequestRefusalReason.Suspended, true), (refusal!.Reason, refusal.Detail.Contains("UA-2.3.1")));
        Assert.NotNull(CustomerRequestRefusals.Of(new RegistrantChangeRequest(null!), domain.Views[^1], RegisteredDomain.Schedule));
        Assert.Null(CustomerRequestRefusals.Of(new RegistrantContactChangeRequest(null!), domain.Views[^1], RegisteredDomain.Schedule));
        Assert.Null(CustomerRequestRefusals.Of(new TerminationRequest(Now.AddDays(20), "UA-6.1"), domain.Views[^1], RegisteredDomain.Schedule));
        Assert.Null(CustomerRequestRefusals.Of(new CredentialResetRequest(), domain.Views[^1], RegisteredDomain.Schedule));
        Assert.Null(CustomerRequestRefusals.Of(new TransferCodeRequest(), domain.Views[^1] with { SuspendedSince = null }, RegisteredDomain.Schedule));
    }

    private static OperationsDecided Decided(DisputeOutcome outcome, string id) =>
        new($"decision:{id}", new DisputeDecision(outcome, $"Ruling {id}", "UA-2.2.3"), "ops", Now, "court");
}
