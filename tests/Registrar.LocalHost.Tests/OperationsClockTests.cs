using System.Text;
using static Registrar.LocalHost.Tests.TestSupport;

namespace Registrar.LocalHost.Tests;

/// <summary>The Development clock is an operations route like any other (issue 12: 14). No test here moves the clock.</summary>
[Collection(ProductCollection.Name)]
public sealed class OperationsClockTests(ProductFixture product)
{
    [Fact]
    public async Task The_clock_needs_the_operations_key()
    {
        using var anonymous = product.Anonymous();
        using var storefront = product.Storefront("clock");

        await AssertProblemAsync(await anonymous.GetAsync("ops/clock"), 401);
        await AssertProblemAsync(await anonymous.PostAsync("ops/clock/advance", Json("""{"by":"1.00:00:00"}""")), 401);
        await AssertProblemAsync(await storefront.PostAsync("ops/clock/accelerate", Json("""{"factor":10}""")), 403);
    }

    [Theory]
    [InlineData("advance", "{", 400)]
    [InlineData("advance", """{"by":"10675199.02:48:05"}""", 400)]
    [InlineData("advance", """{"by":"-1.00:00:00"}""", 400)]
    [InlineData("accelerate", """{"factor":"fast"}""", 400)]
    [InlineData("accelerate", """{"factor":0}""", 400)]
    public async Task A_malformed_or_impossible_change_is_a_400_problem(string action, string body, int status)
    {
        using var operations = product.Operations();

        await AssertProblemAsync(await operations.PostAsync($"ops/clock/{action}", Json(body)), status);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
