using Registrar.Api.Customers;
using Registrar.Core.Customers;
using Registrar.Core.Money;
using Registrar.Core.Orders;
using Registrar.Core.Privacy;
using Registrar.Core.Registrations;
using Registrar.Core.Tariffs;
using Registrar.Storage.Configuration;
using Registrar.Storage.Metering;
using Registrar.Storage.Stores;
using Registrar.Testing;

namespace Registrar.Api.Tests.Customers;

/// <summary>RFC 5731 section 3.2.4 on Azurite: a transfer in's code is read from its stored order line and, once the transfer
/// ended, erased there and nowhere else; erasing again changes nothing.</summary>
public sealed class OrderTransferCodesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Placed = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_erased_code_is_gone_from_its_line_which_still_reads_as_a_transfer_in_and_the_other_lines_keep_theirs()
    {
        var (orders, codes) = Stores();
        await orders.CreateAsync("cust-t", "O1", Order("O1", "Code-A", "Code-B"), "paid", default);

        await codes.EraseAsync("cust-t", RegistrationIds.For("O1", 0), default);

        var stored = (await orders.GetAsync("cust-t", "O1", default))!;
        Assert.Equal([ErasedPersonalData.Erased, "Code-B"], stored.Document.Lines.Select(l => l.TransferCode));
        Assert.Null(await codes.ForAsync("cust-t", RegistrationIds.For("O1", 0), default));
        Assert.Equal("Code-B", await codes.ForAsync("cust-t", RegistrationIds.For("O1", 1), default));
    }

    [Fact]
    public async Task Erasing_a_code_again_or_a_line_without_one_changes_nothing()
    {
        var (orders, codes) = Stores();
        await orders.CreateAsync("cust-t", "O2", Order("O2", "Code-A", null), "paid", default);
        await codes.EraseAsync("cust-t", RegistrationIds.For("O2", 0), default);
        var erased = (await orders.GetAsync("cust-t", "O2", default))!;

        await codes.EraseAsync("cust-t", RegistrationIds.For("O2", 0), default);
        await codes.EraseAsync("cust-t", RegistrationIds.For("O2", 1), default);
        await codes.EraseAsync("cust-t", RegistrationIds.For("O-missing", 0), default);

        Assert.Equal(erased.ETag, (await orders.GetAsync("cust-t", "O2", default))!.ETag);
    }

    private (OrderStore<Order> Orders, OrderTransferCodes Codes) Stores()
    {
        var storage = new StorageClients(new StorageOptions { ConnectionString = azurite.ConnectionString, NamePrefix = "t" + Guid.NewGuid().ToString("N")[..10] },
            new StorageMeter());
        var orders = new OrderStore<Order>(storage);
        return (orders, new OrderTransferCodes(orders));
    }

    private static Order Order(string orderId, params string?[] codes)
    {
        var price = Money.Of(9000m, Currency.Kzt);
        var lines = codes.Select((code, i) => new OrderLine($"moving-{i}.kz", $"moving-{i}.kz", "kz", 1,
            new PriceQuote("kz", TariffOperation.Renew, 1, price, price, Placed, Placed), false, null, code)).ToList();
        return new Order(orderId, "cust-t", Placed, lines, "owner@mail.example", "KZ-NIC-1", null, TechnicalContact.Registrant,
            new OfferAcceptance("v1", Placed, "cust-t", true), "INV-1");
    }
}
