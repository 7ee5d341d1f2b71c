using Registrar.Api.Operations;
using Registrar.Core.Operations;
using Registrar.Storage.Configuration;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;
using Registrar.Testing;
using static Registrar.Api.Tests.Retries.RetryHarness;

namespace Registrar.Api.Tests.Retries;

/// <summary>POST /api/ops/review/{id}/resolve on Azurite: an item is resolved once. Resolving it again is a 409 (it exists, it is
/// resolved) that keeps the first resolution; the same resolution retried with its Idempotency-Key gets the first answer.</summary>
[Collection(RetryStorageCollection.Name)]
public sealed class ReviewResolutionTests
{
    private const string ItemId = "flag:O0000000000000401-1-7";

    private readonly RetryHarness _harness;
    private readonly ReviewListStore _review;
    private readonly OperationsHandlers _handlers;

    public ReviewResolutionTests(AzuriteFixture azurite)
    {
        _harness = new RetryHarness(azurite);
        _review = new ReviewListStore(_harness.Storage);
        _handlers = new OperationsHandlers(Authenticator(), _review, null!, null!, null!, null!, null!, _harness.Idempotency, _harness.Clock);
    }

    [Fact]
    public async Task An_open_item_is_resolved_with_who_when_and_what_was_done()
    {
        await FlagAsync();

        var (status, _) = await ResolveAsync("Called the registry; the contact was fixed.", key: null);

        Assert.Equal(204, status);
        var resolved = await _review.FindAsync(ItemId, default);
        Assert.Equal(("ops-console", Start, "Called the registry; the contact was fixed."), (resolved!.ResolvedBy, resolved.ResolvedAt, resolved.ResolutionNote));
        Assert.Empty(await _review.ListOpenAsync(default).ToListAsync());
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("first", "second")]
    [InlineData("first", null)]
    public async Task An_item_resolved_already_is_a_409_that_keeps_the_first_resolution(string? firstKey, string? againKey)
    {
        await FlagAsync();
        await ResolveAsync("Refunded the payer.", firstKey);
        _harness.Clock.Advance(TimeSpan.FromMinutes(5));

        var (status, problem) = await ResolveAsync("Applied it to the order instead.", againKey);

        Assert.Equal(409, status);
        Assert.Equal("/problems/conflict", problem.GetProperty("type").GetString());
        Assert.Contains("resolved already", problem.GetProperty("detail").GetString());
        Assert.Equal(("Refunded the payer.", Start), ((await _review.FindAsync(ItemId, default))!.ResolutionNote, (await _review.FindAsync(ItemId, default))!.ResolvedAt));
    }

    [Fact]
    public async Task A_resolution_that_lost_the_race_after_its_check_is_a_409_that_keeps_the_winners_note()
    {
        await FlagAsync();
        // The rival resolve has written its resolution but not yet removed the open row when this one writes.
        var racing = new OperationsHandlers(Authenticator(), new RivalResolvesFirst(_review, _harness.Storage), null!, null!, null!, null!, null!,
            _harness.Idempotency, _harness.Clock);

        var result = await racing.ResolveAsync(Post($"/api/ops/review/{ItemId}/resolve", new { note = "Applied it to the order." }, null), ItemId, default);
        var (status, problem) = await ReadAsync(result);

        Assert.Equal(409, status);
        Assert.Equal("/problems/conflict", problem.GetProperty("type").GetString());
        Assert.Contains("resolved already", problem.GetProperty("detail").GetString());
        Assert.Equal(("ops-rival", "Refunded the payer."), ((await _review.FindAsync(ItemId, default))!.ResolvedBy, (await _review.FindAsync(ItemId, default))!.ResolutionNote));
        Assert.Empty(await _review.ListOpenAsync(default).ToListAsync());
    }

    [Fact]
    public async Task The_same_resolution_retried_with_its_Idempotency_Key_gets_the_first_answer()
    {
        await FlagAsync();
        var (first, _) = await ResolveAsync("Refunded the payer.", "resolve-1");
        _harness.Clock.Advance(TimeSpan.FromMinutes(5));

        var retried = await _handlers.ResolveAsync(Post($"/api/ops/review/{ItemId}/resolve", new { note = "Refunded the payer." }, "resolve-1"), ItemId, default);
        var (status, headers, body) = await Whois.WhoisSamples.RunAsync(retried);

        Assert.Equal((204, 204), (first, status));
        Assert.Equal(("", ""), (headers.ContentType.ToString(), body));
        Assert.Equal(Start, (await _review.FindAsync(ItemId, default))!.ResolvedAt);
    }

    [Fact]
    public async Task An_item_that_never_existed_is_a_404()
    {
        var (status, problem) = await ResolveAsync("Nothing to do.", key: null);

        Assert.Equal(404, status);
        Assert.Equal("/problems/not-found", problem.GetProperty("type").GetString());
    }

    /// <summary>The review list as a resolve sees it when another one, checked at the same moment, writes its resolution first.</summary>
    private sealed class RivalResolvesFirst(ReviewListStore review, StorageClients storage) : IReviewList
    {
        public Task AddAsync(ReviewItem item, CancellationToken ct) => review.AddAsync(item, ct);

        public IAsyncEnumerable<ReviewItem> ListOpenAsync(CancellationToken ct) => review.ListOpenAsync(ct);

        public Task<ReviewItem?> FindAsync(string itemId, CancellationToken ct) => review.FindAsync(itemId, ct);

        public async Task<bool> ResolveAsync(string itemId, string resolvedBy, string note, DateTimeOffset at, CancellationToken ct)
        {
            var open = (await review.FindAsync(itemId, ct))!;
            await new DocumentTable(storage.Table("review")).InsertAsync("resolved", TableKeys.Escape(itemId),
                open with { ResolvedBy = "ops-rival", ResolutionNote = "Refunded the payer.", ResolvedAt = at }, null, ct);
            return await review.ResolveAsync(itemId, resolvedBy, note, at, ct);
        }

        public Task EraseAsync(string itemId, Func<ReviewItem, ReviewItem> erase, CancellationToken ct) => review.EraseAsync(itemId, erase, ct);
    }

    private Task FlagAsync() => _review.AddAsync(
        new ReviewItem(ItemId, "registration", "O0000000000000401-1", "Registry refused the contact", "2306 policy error", Start), default);

    private async Task<(int Status, System.Text.Json.JsonElement Body)> ResolveAsync(string note, string? key)
    {
        var result = await _handlers.ResolveAsync(Post($"/api/ops/review/{ItemId}/resolve", new { note }, key), ItemId, default);
        var (status, _, body) = await Whois.WhoisSamples.RunAsync(result);
        return (status, body.Length == 0 ? default : System.Text.Json.JsonDocument.Parse(body).RootElement);
    }
}
