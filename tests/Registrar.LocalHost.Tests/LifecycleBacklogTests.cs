using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Registrar.LocalHost.Tests.TestSupport;

namespace Registrar.LocalHost.Tests;

/// <summary>The lifecycle backlog is an operations route; waiting for it to settle answers with a reading either way.</summary>
[Collection(ProductCollection.Name)]
public sealed class LifecycleBacklogTests(ProductFixture product)
{
    [Fact]
    public async Task The_backlog_needs_the_operations_key()
    {
        using var anonymous = product.Anonymous();

        await AssertProblemAsync(await anonymous.GetAsync("ops/lifecycle/backlog"), 401);
        await AssertProblemAsync(await anonymous.GetAsync("ops/lifecycle/backlog?settleWithin=1"), 401);
    }

    [Fact]
    public async Task Waiting_for_the_backlog_to_settle_answers_with_a_reading()
    {
        using var operations = product.Operations();

        using var answer = await operations.GetAsync("ops/lifecycle/backlog?settleWithin=5");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var reading = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Number, reading.GetProperty("dueTimers").ValueKind);
        Assert.True(reading.TryGetProperty("isSettled", out _));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("51")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("soon")]
    [InlineData("")]
    public async Task A_wait_outside_1_to_50_whole_seconds_is_a_400_problem(string settleWithin)
    {
        using var operations = product.Operations();

        await AssertProblemAsync(await operations.GetAsync($"ops/lifecycle/backlog?settleWithin={settleWithin}"), 400);
    }
}
