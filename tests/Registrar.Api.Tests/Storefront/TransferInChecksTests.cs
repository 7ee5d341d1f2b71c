using Moq;
using Registrar.Api.Storefront;
using Registrar.Core.Money;
using Registrar.Core.Orders;
using Registrar.Core.Registry;
using Registrar.Core.Tariffs;

namespace Registrar.Api.Tests.Storefront;

/// <summary>RFC 5731 sections 3.1.2 and 3.2.4, KZ-3.2: a transfer in the registry would refuse is refused before it is invoiced.</summary>
public sealed class TransferInChecksTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);
    private readonly Mock<IRegistryTransferPreview> _registry = new(MockBehavior.Strict);

    [Fact]
    public async Task A_code_the_registry_does_not_accept_refuses_the_transfer_naming_the_code_RFC_5731_3_1_2_KZ_3_2()
    {
        Preview("shop.kz", "Wrong-1", new TransferPreview(CodeAccepted: false, []));

        var errors = await Checks().RefusalsAsync([(Line("shop.kz", "kz", "Wrong-1"), 2)], default);

        Assert.Contains("2202", Assert.Single(errors["items[2].transferCode"]));
        Assert.DoesNotContain("Wrong-1", errors["items[2].transferCode"][0]);
    }

    [Theory]
    [InlineData("serverTransferProhibited", "registry lifts")]
    [InlineData("clientTransferProhibited", "transfer lock")]
    [InlineData("pendingTransfer", "already pending")]
    [InlineData("pendingDelete", "being deleted")]
    public async Task A_status_under_which_the_registry_refuses_a_transfer_refuses_the_order_naming_it_RFC_5731_2_3(string status, string advice)
    {
        Preview("shop.com.ua", "Right-1", new TransferPreview(CodeAccepted: true, ["ok", status]));

        var errors = await Checks().RefusalsAsync([(Line("shop.com.ua", "com.ua", "Right-1"), 0)], default);

        var refusal = Assert.Single(errors["items[0].name"]);
        Assert.Contains(status, refusal);
        Assert.Contains(advice, refusal);
    }

    [Fact]
    public async Task A_transfer_the_registry_would_take_a_domain_it_no_longer_holds_and_a_registry_that_cannot_be_asked_refuse_nothing()
    {
        Preview("free.kz", "Code-1", new TransferPreview(CodeAccepted: true, ["clientDeleteProhibited", "serverRenewProhibited"]));
        Preview("gone.kz", "Code-2", null);
        _registry.Setup(r => r.PreviewAsync("ua", "down.ua", "Code-3", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RegistryUnavailableException("hostmaster", new IOException("refused")));

        var errors = await Checks().RefusalsAsync(
            [(Line("free.kz", "kz", "Code-1"), 0), (Line("gone.kz", "kz", "Code-2"), 1), (Line("down.ua", "ua", "Code-3"), 2)], default);

        Assert.Empty(errors);
    }

    private TransferInChecks Checks() => new(_registry.Object);

    private void Preview(string name, string code, TransferPreview? preview) =>
        _registry.Setup(r => r.PreviewAsync(It.IsAny<string>(), name, code, It.IsAny<CancellationToken>())).ReturnsAsync(preview);

    private static OrderLine Line(string name, string zone, string code) =>
        new(name, name, zone, 1, new PriceQuote(zone, TariffOperation.Renew, 1, Money.Of(6000m, Currency.Kzt), Money.Of(6000m, Currency.Kzt), Now, Now),
            false, null, code);
}
