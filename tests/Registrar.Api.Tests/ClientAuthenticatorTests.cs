using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Registrar.Api.Security;

namespace Registrar.Api.Tests;

public sealed class ClientAuthenticatorTests
{
    private readonly ClientAuthenticator _authenticator = new(new StaticOptions(new ApiClientOptions
    {
        Clients =
        [
            new ApiClient { Name = "shop", KeySha256 = Hash("shop-key"), Role = ApiClientRole.Storefront },
            new ApiClient { Name = "ops", KeySha256 = Hash("ops-key"), Role = ApiClientRole.Operations },
        ],
    }));

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static HttpRequest Request(string? key, string? customer = null)
    {
        var context = new DefaultHttpContext();
        if (key is not null) context.Request.Headers[ClientAuthenticator.KeyHeader] = key;
        if (customer is not null) context.Request.Headers[ClientAuthenticator.CustomerHeader] = customer;
        return context.Request;
    }

    [Fact]
    public void A_known_key_authenticates_its_client_for_its_role_only()
    {
        Assert.Equal("shop", _authenticator.Authenticate(Request("shop-key"), ApiClientRole.Storefront).Principal?.Name);
        Assert.Equal(403, Status(_authenticator.Authenticate(Request("shop-key"), ApiClientRole.Operations).Problem));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong-key")]
    public async Task A_missing_or_unknown_key_is_a_401_problem(string? key)
    {
        var refused = _authenticator.Authenticate(Request(key), ApiClientRole.Storefront);

        Assert.Null(refused.Principal);
        var response = await RunAsync(refused.Problem!);
        Assert.Equal(401, response.StatusCode);
        Assert.Equal("application/problem+json", response.ContentType);
    }

    [Fact]
    public async Task Two_keys_are_refused_saying_that_one_is_sent_not_that_none_was_RFC_9457_3_1_4()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[ClientAuthenticator.KeyHeader] = new Microsoft.Extensions.Primitives.StringValues(["shop-key", "ops-key"]);

        var refused = _authenticator.Authenticate(context.Request, ApiClientRole.Storefront);

        Assert.Null(refused.Principal);
        var response = await RunAsync(refused.Problem!);
        Assert.Equal(401, response.StatusCode);
        Assert.Contains("this request has 2", Encoding.UTF8.GetString(((MemoryStream)response.Body).ToArray()));
    }

    [Theory]
    [InlineData(ApiClientRole.Storefront, null)]
    [InlineData(ApiClientRole.Operations, "wrong-key")]
    public async Task A_401_names_the_scheme_it_accepts_in_WWW_Authenticate_RFC_9110_11_6_1(ApiClientRole role, string? key)
    {
        var response = await RunAsync(_authenticator.Authenticate(Request(key), role).Problem!);

        Assert.Equal(401, response.StatusCode);
        Assert.Equal($"ApiKey realm=\"{role.ToString().ToLowerInvariant()}\", header=\"X-Api-Key\"", response.Headers.WWWAuthenticate.ToString());
    }

    [Fact]
    public async Task A_refusal_that_is_not_a_401_challenges_nothing()
    {
        var response = await RunAsync(_authenticator.Authenticate(Request("shop-key"), ApiClientRole.Operations).Problem!);

        Assert.Equal(403, response.StatusCode);
        Assert.False(response.Headers.ContainsKey("WWW-Authenticate"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("../other")]
    public void A_storefront_call_must_name_a_well_formed_customer(string? customer)
    {
        var refused = _authenticator.AuthenticateCustomer(Request("shop-key", customer));

        Assert.Equal(400, Status(refused.Problem));
        Assert.Equal("cust-42", _authenticator.AuthenticateCustomer(Request("shop-key", "cust-42")).Principal);
    }

    private static int? Status(IResult? result) => (result as IStatusCodeHttpResult)?.StatusCode;

    private static async Task<HttpResponse> RunAsync(IResult result)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();
        await result.ExecuteAsync(context);
        return context.Response;
    }

    private sealed class StaticOptions(ApiClientOptions value) : IOptionsMonitor<ApiClientOptions>
    {
        public ApiClientOptions CurrentValue => value;
        public ApiClientOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<ApiClientOptions, string?> listener) => null;
    }
}
