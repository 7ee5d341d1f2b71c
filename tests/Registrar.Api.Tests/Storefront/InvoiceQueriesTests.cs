using Registrar.Api.Storefront;
using Registrar.Api.Tests.Banks;
using Registrar.Api.Tests.Retries;
using Registrar.Core.Money;
using Registrar.Core.Orders;
using Registrar.Testing;

namespace Registrar.Api.Tests.Storefront;

/// <summary>GET /api/invoices on Azurite: what the customer can pay, as the bank's payment of it would be judged.</summary>
public sealed class InvoiceQueriesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task An_invoice_whose_order_was_never_stored_is_listed_cancelled_not_payable_once_its_placing_time_is_over_KZ_3_2()
    {
        var bank = new BankHarness(azurite);
        var placed = await bank.OrderAsync(501);
        var orphan = BankHarness.InvoiceNumberFor(502);
        await bank.Invoices.CreateAsync(orphan, "cust-b", new Invoice(orphan, "O0000000000000502", "cust-b", Money.Of(6000m, Currency.Kzt),
            bank.Clock.GetUtcNow(), bank.Clock.GetUtcNow().AddDays(3), InvoiceStatus.Open), "Open", default);

        var whilePlacing = await ListAsync(bank);
        bank.Clock.Advance(InvoiceQueries.PlacingTime + TimeSpan.FromSeconds(1));
        var after = await ListAsync(bank);

        Assert.Equal("Open", whilePlacing[orphan]);
        Assert.Equal(("Cancelled", "Open"), (after[orphan], after[placed.InvoiceNumber]));
    }

    private static async Task<Dictionary<string, string>> ListAsync(BankHarness bank)
    {
        var queries = new InvoiceQueries(RetryHarness.Authenticator(), bank.Invoices, bank.Orders, bank.Clock);
        var (status, body) = await RetryHarness.ReadAsync(await queries.ListAsync(
            RetryHarness.Post("/api/invoices", new { }, null, RetryHarness.StorefrontKey, "cust-b"), default));
        Assert.Equal(200, status);
        return body.EnumerateArray().ToDictionary(i => i.GetProperty("number").GetString()!, i => i.GetProperty("status").GetString()!);
    }
}
