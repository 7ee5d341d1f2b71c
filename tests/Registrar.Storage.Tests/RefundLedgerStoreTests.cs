using Registrar.Core.Contracts;
using Registrar.Core.Money;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;
using Registrar.Testing;

namespace Registrar.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class RefundLedgerStoreTests(AzuriteFixture azurite)
{
    private const string Registration = "O0000000000000001-0";
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static RefundDecided Decision(string id, decimal amount, int minutes = 0) =>
        new(id, RefundGround.RegistrantRequest, Money.Of(amount, Currency.Kzt), Now.AddMinutes(minutes));

    [Fact]
    public async Task Every_refund_decided_for_a_registration_counts_toward_its_cap_and_a_retry_counts_once_KZ_2_1_UA_6_3()
    {
        var ledger = new RefundLedgerStore(TestStorage.Clients(azurite));
        await ledger.RecordAsync(await ledger.ReadAsync(Registration, default), Decision("R1", 4000m), default);
        await ledger.RecordAsync(await ledger.ReadAsync(Registration, default), Decision("R2", 1500m, 1), default);

        var retried = await ledger.RecordAsync(await ledger.ReadAsync(Registration, default), Decision("R1", 4000m, 5), default);

        var decided = (await ledger.ReadAsync(Registration, default)).Decided;
        Assert.Equal(["R1", "R2"], decided.Decisions.Select(d => d.DecisionId));
        Assert.Equal(Now, retried.RecordedAt);
        Assert.Equal(Money.Of(5500m, Currency.Kzt), decided.TotalBesides("R3", Currency.Kzt));
        Assert.Equal(Money.Of(1500m, Currency.Kzt), decided.TotalBesides("R1", Currency.Kzt));
        Assert.Empty((await ledger.ReadAsync("O0000000000000002-0", default)).Decided.Decisions);
    }

    [Fact]
    public async Task Of_two_refunds_judged_against_one_reading_of_the_ledger_the_second_must_be_judged_again()
    {
        var ledger = new RefundLedgerStore(TestStorage.Clients(azurite));
        var empty = await ledger.ReadAsync(Registration, default);
        await ledger.RecordAsync(empty, Decision("R1", 6000m), default);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => ledger.RecordAsync(empty, Decision("R2", 6000m), default));

        var one = await ledger.ReadAsync(Registration, default);
        await ledger.RecordAsync(one, Decision("R2", 10m), default);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => ledger.RecordAsync(one, Decision("R3", 10m), default));

        Assert.Equal(["R1", "R2"], (await ledger.ReadAsync(Registration, default)).Decided.Decisions.Select(d => d.DecisionId));
    }

    [Fact]
    public async Task Of_a_hold_for_another_name_and_a_refund_judged_against_one_reading_the_second_must_be_judged_again_and_a_repeated_hold_keeps_the_first_KZ_2_1()
    {
        var ledger = new RefundLedgerStore(TestStorage.Clients(azurite));
        const string registration = "O0000000000000003-0";
        var empty = await ledger.ReadAsync(registration, default);
        await ledger.HoldAsync(empty, new HeldForAnotherName(Money.Of(6000m, Currency.Kzt), Now), default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => ledger.RecordAsync(empty, Decision("R1", 100m), default));
        var repeated = await ledger.HoldAsync(empty, new HeldForAnotherName(Money.Of(5900m, Currency.Kzt), Now.AddMinutes(1)), default);

        var read = await ledger.ReadAsync(registration, default);
        Assert.Equal((6000m, Now), (repeated.Amount.Amount, repeated.HeldAt));
        Assert.Equal(repeated, read.Held);
        Assert.Empty(read.Decided.Decisions);
    }
}
