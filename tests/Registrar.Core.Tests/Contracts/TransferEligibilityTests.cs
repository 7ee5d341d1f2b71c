using Registrar.Core.Contracts;
using static Registrar.Core.Tests.Contracts.Shipped;

namespace Registrar.Core.Tests.Contracts;

public sealed class TransferEligibilityTests
{
    private static readonly TransferSituation Clear = new(["ok"], [], UnpaidInvoices: 0, ForbiddingAgreement: null, AllServicesPaidInFull: true);

    private static IReadOnlyList<(TransferRefusalReason, string)> Refusals(string zone, TransferSituation situation) =>
        [.. Rules.Transfers(zone).Refusals(situation).Select(r => (r.Reason, r.Rule))];

    [Fact]
    public void A_domain_with_no_ban_and_nothing_unpaid_may_transfer_KZ_App_9_UA_3_5()
    {
        Assert.True(Rules.Transfers("kz").MayTransfer(Clear));
        Assert.True(Rules.Transfers("ua").MayTransfer(Clear));
    }

    [Theory]
    [InlineData("serverTransferProhibited")]
    [InlineData("serverRenewProhibited")]
    [InlineData("serverDeleteProhibited")]
    public void A_registry_ban_on_transfer_deletion_or_renewal_refuses_a_kz_transfer_code_KZ_App_9(string status)
    {
        Assert.Equal([(TransferRefusalReason.RegistryBan, "KZ-App-9")], Refusals("kz", Clear with { RegistryStatuses = ["ok", status] }));
    }

    [Fact]
    public void Only_a_registry_ban_on_transfer_itself_refuses_a_ua_transfer_which_the_registrys_protocol_refuses_not_an_offers_clause_RFC_5731()
    {
        Assert.Empty(Refusals("ua", Clear with { RegistryStatuses = ["serverRenewProhibited", "serverDeleteProhibited"] }));
        Assert.Equal([(TransferRefusalReason.RegistryBan, "RFC 5731 section 2.3")], Refusals("ua", Clear with { RegistryStatuses = ["serverTransferProhibited"] }));
        Assert.Equal([(TransferRefusalReason.RegistryBan, "RFC 5731 section 2.3")], Refusals("kiev.ua", Clear with { RegistryStatuses = ["serverTransferProhibited"] }));
    }

    [Fact]
    public void A_ua_dispute_decisions_ban_refuses_the_transfer_under_the_dispute_clause_UA_2_2_3()
    {
        var blocked = Clear with { RegistryStatuses = ["clientTransferProhibited"], StatusesSetForAuthority = ["clientTransferProhibited"] };

        Assert.Equal([(TransferRefusalReason.AuthorityBan, "UA-2.2.3")], Refusals("ua", blocked));
        Assert.Empty(Refusals("ua", blocked with { StatusesSetForAuthority = [] }));
    }

    [Fact]
    public void A_client_transfer_lock_set_for_an_authority_refuses_the_transfer_and_one_the_registrant_asked_for_does_not_KZ_App_9()
    {
        var locked = Clear with { RegistryStatuses = ["clientTransferProhibited"] };

        Assert.Empty(Refusals("kz", locked));
        Assert.Equal([(TransferRefusalReason.AuthorityBan, "KZ-App-9")], Refusals("kz", locked with { StatusesSetForAuthority = ["clientTransferProhibited"] }));
    }

    [Fact]
    public void Unpaid_invoices_for_services_rendered_refuse_a_ua_transfer_UA_3_5()
    {
        Assert.Equal([(TransferRefusalReason.UnpaidInvoices, "UA-3.5")], Refusals("ua", Clear with { UnpaidInvoices = 2 }));
    }

    [Fact]
    public void No_invoice_refuses_a_kz_transfer_code_as_no_credit_limit_is_extended_KZ_App_9_KZ_3_2()
    {
        Assert.Empty(Refusals("kz", Clear with { UnpaidInvoices = 1 }));
    }

    [Fact]
    public void Another_agreement_forbidding_the_transfer_refuses_a_kz_transfer_code_naming_it_KZ_App_9()
    {
        var forbidden = Clear with { ForbiddingAgreement = "Pledge agreement 12/2026" };

        Assert.Equal([(TransferRefusalReason.AgreementForbidsTransfer, "KZ-App-9")], Refusals("kz", forbidden));
        Assert.Contains("Pledge agreement 12/2026", Assert.Single(Rules.Transfers("kz").Refusals(forbidden)).Message);
        Assert.Empty(Refusals("kz", Clear));
    }

    [Fact]
    public void A_ua_domain_transfers_only_when_every_service_is_paid_in_full_UA_3_5()
    {
        Assert.Equal([(TransferRefusalReason.ServicesNotPaidInFull, "UA-3.5")], Refusals("ua", Clear with { AllServicesPaidInFull = false }));
    }

    [Fact]
    public void An_unpaid_invoice_for_a_service_rendered_is_one_reason_not_two_UA_3_5()
    {
        Assert.Equal([(TransferRefusalReason.UnpaidInvoices, "UA-3.5")], Refusals("ua", Clear with { UnpaidInvoices = 1, AllServicesPaidInFull = false }));
    }

    [Fact]
    public void Every_reason_is_named_not_only_the_first_KZ_App_9()
    {
        var situation = new TransferSituation(["serverTransferProhibited", "clientRenewProhibited"], ["clientRenewProhibited"], 3, "Pledge agreement 12/2026", false);

        Assert.Equal(
            [(TransferRefusalReason.RegistryBan, "KZ-App-9"), (TransferRefusalReason.AuthorityBan, "KZ-App-9"),
             (TransferRefusalReason.AgreementForbidsTransfer, "KZ-App-9")],
            Refusals("kz", situation));
        Assert.All(Rules.Transfers("kz").Refusals(situation), r => Assert.Contains("KZ-App-9", r.Message));
    }
}
