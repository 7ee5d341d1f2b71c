using Registrar.Storage.Stores;
using Registrar.Testing;

namespace Registrar.Storage.Tests;

/// <summary>Operations read the audit log by subject, actor, action and instant, a page at a time (issue 15).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AuditSearchTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset At = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private sealed record Details(string Reason);

    private async Task<AuditSearch> LogAsync(params (string Subject, int Minute, string Actor, string Action)[] entries)
    {
        var clients = TestStorage.Clients(azurite);
        var log = new AuditLog<Details>(clients);
        foreach (var (subject, minute, actor, action) in entries)
            await log.AppendAsync(new AuditEntry<Details>(subject, At.AddMinutes(minute), actor, action, new Details($"{subject}@{minute}")), default);
        return new AuditSearch(clients);
    }

    private static async Task<List<string>> AllAsync(AuditSearch search, AuditFilter filter, int pageSize = 100)
    {
        var reasons = new List<string>();
        string? continuation = null;
        do
        {
            var page = await search.SearchAsync(filter, continuation, pageSize, default);
            Assert.InRange(page.Entries.Count, 0, pageSize);
            reasons.AddRange(page.Entries.Select(e => e.Details.GetProperty("reason").GetString()!));
            continuation = page.Continuation;
        }
        while (continuation is not null);
        return reasons;
    }

    [Fact]
    public async Task A_registrations_entries_come_newest_first_and_the_filters_narrow_them()
    {
        var search = await LogAsync(("O1-1", 1, "ops (Олена)", "trademark-approved"), ("O1-1", 2, "ops", "retry"), ("O1-1", 3, "retention", "personal-data-erased"),
            ("O2-1", 2, "ops", "retry"));

        Assert.Equal(["O1-1@3", "O1-1@2", "O1-1@1"], await AllAsync(search, new AuditFilter("O1-1")));
        Assert.Equal(["O1-1@2", "O2-1@2"], (await AllAsync(search, new AuditFilter(Action: "retry"))).Order());
        Assert.Equal(["O1-1@1"], await AllAsync(search, new AuditFilter(Actor: "ops (Олена)")));
        Assert.Equal(["O1-1@2"], await AllAsync(search, new AuditFilter("O1-1", "ops", "retry")));
    }

    [Fact]
    public async Task From_is_inclusive_and_to_exclusive()
    {
        var search = await LogAsync(("O1-1", 1, "ops", "retry"), ("O1-1", 2, "ops", "retry"), ("O1-1", 3, "ops", "retry"));

        Assert.Equal(["O1-1@2"], await AllAsync(search, new AuditFilter("O1-1", From: At.AddMinutes(2), To: At.AddMinutes(3))));
        Assert.Equal(["O1-1@3", "O1-1@2"], await AllAsync(search, new AuditFilter(From: At.AddMinutes(2))));
        Assert.Equal(["O1-1@1"], await AllAsync(search, new AuditFilter(To: At.AddMinutes(2))));
    }

    [Fact]
    public async Task The_first_and_last_instants_there_are_bound_a_search_as_any_other()
    {
        var search = await LogAsync(("O1-1", 1, "ops", "retry"), ("O1-1", 2, "ops", "retry"));

        Assert.Equal(["O1-1@2", "O1-1@1"], await AllAsync(search, new AuditFilter(From: DateTimeOffset.MinValue, To: DateTimeOffset.MaxValue)));
        Assert.Empty(await AllAsync(search, new AuditFilter(To: DateTimeOffset.MinValue)));
        Assert.Empty(await AllAsync(search, new AuditFilter(From: DateTimeOffset.MaxValue)));
    }

    [Fact]
    public async Task Pages_of_at_most_the_size_asked_follow_one_another_through_the_continuation_and_repeat_nothing()
    {
        var search = await LogAsync([.. Enumerable.Range(1, 5).Select(m => ("O1-1", m, "ops", "retry"))]);

        var first = await search.SearchAsync(new AuditFilter("O1-1"), null, 2, default);

        Assert.Equal(2, first.Entries.Count);
        Assert.True(IAuditSearch.IsContinuation(first.Continuation!));
        Assert.Equal(["O1-1@5", "O1-1@4", "O1-1@3", "O1-1@2", "O1-1@1"], await AllAsync(search, new AuditFilter("O1-1"), pageSize: 2));
        Assert.False(IAuditSearch.IsContinuation("not base64 ✗"));
        Assert.False(IAuditSearch.IsContinuation("abc"));
    }
}
