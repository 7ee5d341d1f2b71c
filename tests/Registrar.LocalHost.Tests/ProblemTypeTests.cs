using System.Net;
using System.Net.Http.Json;
using System.Text;
using Registrar.Api.Http;

namespace Registrar.LocalHost.Tests;

/// <summary>One problem type, one title (RFC 9457 section 3.1.3), in the running host: what the framework answers by itself
/// has the API's own types, and each type's page (section 3.1.1) gives the title its problems carry.</summary>
[Collection(ProductCollection.Name)]
public sealed class ProblemTypeTests(ProductFixture product)
{
    [Theory]
    [InlineData("GET", "api/nowhere", null, 404, "/problems/not-found")]
    [InlineData("DELETE", "api/quotes", null, 405, "/problems/method-not-allowed")]
    [InlineData("POST", "api/quotes", "text/plain", 415, "/problems/unsupported-media-type")]
    public async Task A_problem_the_framework_answers_by_itself_has_the_APIs_own_type_and_its_title(
        string method, string path, string? mediaType, int status, string type)
    {
        using var storefront = product.Storefront("problem-types");
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (mediaType is not null) request.Content = new StringContent("names", Encoding.UTF8, mediaType);

        var response = await storefront.SendAsync(request);

        var problem = await TestSupport.AssertProblemAsync(response, status);
        Assert.Equal((type, ProblemTypes.Find(type)!.Title), (problem.GetProperty("type").GetString(), problem.GetProperty("title").GetString()));
        if (status == 405) Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Every_problem_types_page_gives_the_one_title_its_problems_carry()
    {
        using var anonymous = product.Anonymous();

        foreach (var type in ProblemTypes.All)
        {
            var response = await anonymous.GetAsync(type.Uri.TrimStart('/'));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith(type.Title + "\n", await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>What no caller owns is said not to exist, not "not yours" (security probe F6).</summary>
    [Fact]
    public async Task An_unknown_problem_type_is_a_404_saying_it_does_not_exist()
    {
        using var anonymous = product.Anonymous();

        var response = await anonymous.GetAsync("problems/no-such-type");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Problem type 'no-such-type' does not exist.",
            (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("detail").GetString());
    }
}
