using Registrar.Core.Contracts;
using Registrar.Core.Requests;
using Registrar.Storage.Stores;
using Registrar.Testing;

namespace Registrar.Storage.Tests;

/// <summary>The work queues' queries on Azurite: only what still waits for a person comes back.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class WorkQueueStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static CustomerRequestRecord Request(string id, CustomerRequest request) =>
        new(id, "O1-1", "cust-1", request, CustomerRequestStatus.AwaitingProof, Now);

    private static Claim Claim(string id, DateTimeOffset answerBy) =>
        new(id, "O1-1", "cust-1", "com.ua", "example.com.ua", new DateOnly(2027, 2, 1), "text", "proof", Now.AddDays(-20), answerBy, "UA-5.1");

    [Fact]
    public async Task Requests_awaiting_proof_UA_1_5_8_and_contact_email_changes_awaiting_consent_UA_4_7_are_listed_and_nothing_else()
    {
        var store = new CustomerRequestStore(TestStorage.Clients(azurite));
        await store.CreateAsync(Request("r-proof", new EarlyDeletionRequest()), default);
        await store.CreateAsync(Request("r-consent", new ContactEmailChangeRequest("new@example.ua")), default);
        await store.CreateAsync(Request("r-dns", new DnsChangeRequest(["ns1.example.net", "ns2.example.net"])), default);
        foreach (var id in new[] { "r-consent", "r-dns" })
            Assert.True(await store.TryProveAsync((await store.GetAsync(id, default))!.Proved(RequestProof.SignedInSession, Now, "storefront"), default));

        Assert.Equal(["r-proof"], await store.ListAwaitingProofAsync(10, default).Select(r => r.RequestId).ToListAsync());
        Assert.Equal(["r-consent"], await store.ListAwaitingConsentAsync(10, default).Select(r => r.RequestId).ToListAsync());

        var consent = new RequestConsent(true, "ops", Now, "called back");
        Assert.True(await store.TryDecideAsync((await store.GetAsync("r-consent", default))!.Decided(consent), default));
        Assert.Empty(await store.ListAwaitingConsentAsync(10, default).ToListAsync());
    }

    [Fact]
    public async Task Claims_unanswered_past_their_deadline_are_overdue_flagged_or_not_UA_5_1()
    {
        var store = new ClaimStore(TestStorage.Clients(azurite));
        await store.CreateAsync(Claim("c-late", Now.AddDays(-1)), default);
        await store.CreateAsync(Claim("c-flagged", Now.AddDays(-2)).FlaggedOverdue(Now), default);
        await store.CreateAsync(Claim("c-answered", Now.AddDays(-1)).AnsweredWith("answer", "ops", Now), default);
        await store.CreateAsync(Claim("c-in-time", Now.AddDays(1)), default);

        Assert.Equal(["c-flagged", "c-late"], (await store.ListOverdueAsync(Now, 10, default).Select(c => c.ClaimId).ToListAsync()).Order());
    }
}
