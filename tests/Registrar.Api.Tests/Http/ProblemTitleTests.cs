using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Registrar.Api.Http;
using Registrar.Api.Whois;
using Registrar.Core.Contracts;

namespace Registrar.Api.Tests.Http;

/// <summary>One problem type, one title (RFC 9457 section 3.1.3): every problem the API writes, its handlers' and the
/// framework's alike, has a type of <see cref="ProblemTypes"/> and carries that type's title.</summary>
public sealed class ProblemTitleTests
{
    public static TheoryData<string> Factories() =>
        new(typeof(Problems).GetMethods(BindingFlags.Public | BindingFlags.Static).Select(m => m.Name).Distinct());

    [Theory]
    [MemberData(nameof(Factories))]
    public async Task Every_problem_a_handler_writes_carries_its_types_one_title_RFC_9457_3_1_3(string factory)
    {
        foreach (var method in typeof(Problems).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.Name == factory))
            AssertTitledByItsType(await WriteAsync((IResult)method.Invoke(null, [.. method.GetParameters().Select(p => Argument(p.ParameterType))])!));
    }

    [Fact]
    public async Task Every_public_lookup_error_carries_its_types_one_title_RFC_9457_3_1_3()
    {
        foreach (var error in new[] { LookupError.BadName("x"), LookupError.NotHeld("x"), LookupError.TooManyRequests(TimeSpan.FromSeconds(1)) })
            AssertTitledByItsType(await WriteAsync(error));
    }

    [Theory]
    [InlineData(StatusCodes.Status404NotFound, "/problems/not-found")]
    [InlineData(StatusCodes.Status405MethodNotAllowed, "/problems/method-not-allowed")]
    [InlineData(StatusCodes.Status413PayloadTooLarge, "/problems/body-too-large")]
    [InlineData(StatusCodes.Status415UnsupportedMediaType, "/problems/unsupported-media-type")]
    [InlineData(StatusCodes.Status500InternalServerError, "/problems/server-error")]
    public async Task A_problem_the_framework_answers_by_itself_has_the_APIs_own_type_and_its_title(int status, string type)
    {
        var context = Context();
        context.Response.StatusCode = status;

        // What the status code pages and the exception handler do: the framework's defaults, then the API's customization.
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = context });

        var problem = await ReadAsync(context);
        Assert.Equal(type, problem.GetProperty("type").GetString());
        AssertTitledByItsType(problem);
    }

    [Theory]
    [InlineData(StatusCodes.Status400BadRequest, "/problems/malformed-body")]
    [InlineData(StatusCodes.Status413PayloadTooLarge, "/problems/body-too-large")]
    public void A_body_the_server_could_not_read_is_a_problem_of_the_type_its_status_means(int status, string type)
    {
        var problem = UnreadableBody.Problem(new BadHttpRequestException("refused by the server", status), new DefaultHttpContext().Response);

        Assert.Equal((status, type, ProblemTypes.Find(type)!.Title), (problem.Status, problem.Type, problem.Title));
    }

    [Fact]
    public void Every_type_is_listed_once_with_a_title_and_a_description()
    {
        var declared = typeof(ProblemTypes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(ProblemType)).Select(f => (ProblemType)f.GetValue(null)!).ToList();

        Assert.Equal(declared.OrderBy(t => t.Uri), ProblemTypes.All.OrderBy(t => t.Uri));
        Assert.Equal(ProblemTypes.All.Count, ProblemTypes.All.Select(t => t.Uri).Distinct().Count());
        Assert.All(ProblemTypes.All, t => Assert.True(t.Uri.StartsWith("/problems/", StringComparison.Ordinal) && t.Title.Length > 0 && t.Description.Length > 0));
    }

    private static void AssertTitledByItsType(JsonElement problem)
    {
        var type = problem.GetProperty("type").GetString();
        var known = ProblemTypes.Find(type);
        Assert.True(known is not null, $"'{type}' is not one of the API's problem types");
        Assert.Equal(known.Title, problem.GetProperty("title").GetString());
    }

    private static object Argument(Type parameter) =>
        parameter == typeof(string) ? "x"
        : parameter == typeof(int) ? StatusCodes.Status400BadRequest
        : parameter == typeof(long) ? 1024L
        : parameter == typeof(IReadOnlyDictionary<string, string[]>) ? new Dictionary<string, string[]> { ["field"] = ["is wrong"] }
        : parameter == typeof(IReadOnlyList<RuleRefusal<TransferRefusalReason>>) ? new List<RuleRefusal<TransferRefusalReason>>()
        : throw new NotSupportedException($"Give the test an argument of type {parameter}.");

    private static DefaultHttpContext Context() => new()
    {
        RequestServices = new ServiceCollection().AddLogging()
            .AddProblemDetails(options => options.CustomizeProblemDetails = FrameworkProblems.Customize).BuildServiceProvider(),
        Response = { Body = new MemoryStream() },
    };

    private static async Task<JsonElement> WriteAsync(IResult result)
    {
        var context = Context();
        await result.ExecuteAsync(context);
        return await ReadAsync(context);
    }

    private static async Task<JsonElement> ReadAsync(HttpContext context)
    {
        context.Response.Body.Position = 0;
        using var body = await JsonDocument.ParseAsync(context.Response.Body);
        return body.RootElement.Clone();
    }
}
