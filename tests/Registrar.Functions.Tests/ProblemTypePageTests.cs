using Registrar.Api.Http;
using Registrar.Functions.Http;

namespace Registrar.Functions.Tests;

/// <summary>Every problem's type resolves in the Functions app as in the local host (RFC 9457 section 3.1.1): relative to the
/// app's address, to a page, served by the local host's handler, that gives the one title every problem of that type carries.</summary>
public sealed class ProblemTypePageTests
{
    [Fact]
    public void Every_problem_type_resolves_against_the_apps_address_to_the_anonymous_problem_type_page()
    {
        Assert.Equal("http GET /problems/{slug} Anonymous", FunctionMetadataTests.BuiltFunctions()["ProblemType"]);
        Assert.All(ProblemTypes.All, type =>
            Assert.Matches("^/problems/[a-z-]+$", new Uri(new Uri("https://registrar.example/api/orders/O1"), type.Uri).AbsolutePath));
    }

    [Fact]
    public async Task Every_problem_types_page_gives_the_one_title_its_problems_carry()
    {
        await using var services = FunctionsApp.Services();

        foreach (var type in ProblemTypes.All)
        {
            var http = FunctionsApp.Request(services);
            await FunctionsApp.AnswerAsync(http, new ProblemTypeFunction().Run(http.Request, type.Uri["/problems/".Length..]));

            Assert.Equal(200, http.Response.StatusCode);
            Assert.StartsWith(type.Title + "\n", FunctionsApp.Body(http), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_type_that_does_not_exist_is_a_404_problem_as_in_the_local_host()
    {
        await using var services = FunctionsApp.Services();
        var http = FunctionsApp.Request(services);

        await FunctionsApp.AnswerAsync(http, new ProblemTypeFunction().Run(http.Request, "no-such-type"));

        Assert.Equal((404, "application/problem+json"), (http.Response.StatusCode, http.Response.ContentType));
    }
}
