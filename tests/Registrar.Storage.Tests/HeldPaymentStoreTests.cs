using Registrar.Core.Operations;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;
using Registrar.Testing;

namespace Registrar.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class HeldPaymentStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static HeldPayment Held(string reference, string invoice) =>
        new(new HeldCredit(reference, 1000m, "KZT", Now), "Partial", "Invoice is for 6000.00 KZT.", invoice, Now);

    [Fact]
    public async Task Of_two_concurrent_actions_on_one_held_payment_only_the_first_is_kept()
    {
        var store = new HeldPaymentStore(TestStorage.Clients(azurite));
        await store.AddAsync(Held("halyk:TX1", "KZ-1"), default);
        var (first, second) = ((await store.GetAsync("halyk:TX1", default))!, (await store.GetAsync("halyk:TX1", default))!);

        await store.ResolveAsync(first, new HeldPaymentResolution(HeldPaymentAction.Applied, "ops-a", Now, "top-up", "KZ-1"), default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.ResolveAsync(second,
            new HeldPaymentResolution(HeldPaymentAction.Refunded, "ops-b", Now, "refund", Refund: new HeldPaymentRefund(1000m, "KZT", "OUT-1")), default));
        Assert.Equal(("ops-a", HeldPaymentAction.Applied), ((await store.GetAsync("halyk:TX1", default))!.Document.Resolution!.By,
            (await store.GetAsync("halyk:TX1", default))!.Document.Resolution!.Action));
    }

    [Fact]
    public async Task A_held_payment_leaves_the_held_list_when_resolved_and_counts_toward_the_invoice_it_was_moved_to()
    {
        var store = new HeldPaymentStore(TestStorage.Clients(azurite));
        await store.AddAsync(Held("halyk:TX1", "KZ-1"), default);
        await store.AddAsync(Held("halyk:TX2", "KZ-1"), default);
        await store.AddAsync(Held("halyk:TX2", "KZ-9") with { Reason = "again" }, default);

        await store.ResolveAsync((await store.GetAsync("halyk:TX2", default))!,
            new HeldPaymentResolution(HeldPaymentAction.Moved, "ops", Now, "another order", "KZ-2"), default);

        Assert.Equal(["halyk:TX1"], await store.ListHeldAsync(default).Select(p => p.Credit.Reference).ToListAsync());
        Assert.Equal(["halyk:TX1"], await store.ListForInvoiceAsync("KZ-1", default).Select(p => p.Document.Credit.Reference).ToListAsync());
        Assert.Equal(["halyk:TX2"], await store.ListForInvoiceAsync("KZ-2", default).Select(p => p.Document.Credit.Reference).ToListAsync());
    }

    [Fact]
    public async Task A_held_payment_refunded_or_moved_no_longer_counts_toward_the_invoice_it_named_but_is_still_found_as_naming_it_UA_Pre_6()
    {
        var store = new HeldPaymentStore(TestStorage.Clients(azurite));
        await store.AddAsync(Held("halyk:TX1", "KZ-1"), default);
        await store.AddAsync(Held("halyk:TX2", "KZ-1"), default);
        await store.AddAsync(Held("halyk:TX3", "KZ-1"), default);
        await store.ResolveAsync((await store.GetAsync("halyk:TX1", default))!, new HeldPaymentResolution(HeldPaymentAction.Refunded, "ops", Now,
            "Refund to Olena", Refund: new HeldPaymentRefund(1000m, "KZT", "OUT-1")), default);
        await store.ResolveAsync((await store.GetAsync("halyk:TX2", default))!,
            new HeldPaymentResolution(HeldPaymentAction.Moved, "ops", Now, "another order", "KZ-2"), default);

        Assert.Equal(["halyk:TX3"], await store.ListForInvoiceAsync("KZ-1", default).Select(p => p.Document.Credit.Reference).ToListAsync());
        Assert.Equal(["halyk:TX1", "halyk:TX2", "halyk:TX3"],
            await store.ListNamingInvoiceAsync("KZ-1", default).Select(p => p.Document.Credit.Reference).Order().ToListAsync());
        Assert.Equal(["halyk:TX2"], await store.ListNamingInvoiceAsync("KZ-2", default).Select(p => p.Document.Credit.Reference).ToListAsync());
    }

    [Fact]
    public async Task An_erased_held_payment_and_its_review_items_open_or_resolved_keep_what_they_count_toward_and_who_resolved_them_UA_Pre_6()
    {
        var clients = TestStorage.Clients(azurite);
        var (store, review) = (new HeldPaymentStore(clients), new ReviewListStore(clients));
        await store.AddAsync(Held("halyk:TX1", "KZ-1") with { Explanation = "The purpose \"from Olena\" names no invoice." }, default);
        await store.AddAsync(Held("halyk:TX2", "KZ-1") with { Explanation = "from Marko" }, default);
        await review.AddAsync(new ReviewItem("halyk:TX1", "payment", "halyk:TX1", "Partial", "from Olena", Now), default);
        await review.AddAsync(new ReviewItem("surplus:halyk:TX1", "payment", "halyk:TX1", "Surplus", "from Olena", Now), default);
        await review.ResolveAsync("halyk:TX1", "ops-a", "Olena phoned", Now, default);
        static string Quoting(string text) => text.Replace("Olena", "erased", StringComparison.Ordinal);

        await store.EraseAsync("halyk:TX1", p => p with { Explanation = Quoting(p.Explanation) }, default);
        await review.EraseAsync("halyk:TX1", i => i with { Explanation = Quoting(i.Explanation), ResolutionNote = i.ResolutionNote is { } n ? Quoting(n) : null }, default);
        await review.EraseAsync("surplus:halyk:TX1", i => i with { Explanation = Quoting(i.Explanation) }, default);
        await store.EraseAsync("halyk:TX9", p => throw new InvalidOperationException("no such payment"), default);

        Assert.Equal(["The purpose \"from erased\" names no invoice.", "from Marko"],
            await store.ListForInvoiceAsync("KZ-1", default).Select(p => p.Document.Explanation).OrderByDescending(e => e.Length).ToListAsync());
        Assert.Equal(2, await store.ListHeldAsync(default).CountAsync());
        Assert.Equal([("surplus:halyk:TX1", "from erased")], await review.ListOpenAsync(default).Select(i => (i.Id, i.Explanation)).ToListAsync());
        var resolved = (await new DocumentTable(clients.Table("review")).GetAsync<ReviewItem>("resolved", TableKeys.Escape("halyk:TX1"), default))!.Document;
        Assert.Equal(("from erased", "erased phoned", "ops-a"), (resolved.Explanation, resolved.ResolutionNote, resolved.ResolvedBy));
    }
}
