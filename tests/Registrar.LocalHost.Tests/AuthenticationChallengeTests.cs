using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Registrar.LocalHost.Tests;

/// <summary>Every kind of 401 the local host gives names, in WWW-Authenticate, how that endpoint authenticates:
/// RFC 9110 section 11.6.1 makes the challenge a MUST of every 401.</summary>
[Collection(ProductCollection.Name)]
public sealed class AuthenticationChallengeTests(ProductFixture product)
{
    private const string StorefrontKey = "ApiKey realm=\"storefront\", header=\"X-Api-Key\"";
    private const string OperationsKey = "ApiKey realm=\"operations\", header=\"X-Api-Key\"";
    private const string BankHmac = "HMAC-SHA256 realm=\"banks\", header=\"X-Signature\"";

    [Theory]
    [InlineData("GET", "api/invoices", "", StorefrontKey)]
    [InlineData("GET", "api/ops/review", "", OperationsKey)]
    [InlineData("GET", "api/ops/registrations/O1-1", "", OperationsKey)]
    [InlineData("GET", "ops/clock", "", OperationsKey)]
    [InlineData("POST", "api/banks/halyk/camt054", "application/xml", BankHmac)]
    [InlineData("POST", "api/banks/halyk/notifications", "application/json", BankHmac)]
    [InlineData("POST", "api/banks/monobank/acquiring", "application/json", "ECDSA-SHA256 realm=\"banks\", header=\"X-Sign\"")]
    [InlineData("POST", "ops/page/sign-out", "application/x-www-form-urlencoded",
        "Cookie realm=\"operations\", form-action=\"/ops/page/sign-in\", cookie-name=\"registrar-ops\"")]
    public async Task A_401_names_the_scheme_it_accepts_in_WWW_Authenticate_RFC_9110_11_6_1(string method, string path, string mediaType, string challenge)
    {
        using var anonymous = product.Anonymous();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (mediaType.Length > 0) request.Content = new StringContent(mediaType.EndsWith("xml") ? "<Document/>" : "{}", Encoding.UTF8, mediaType);

        var response = await anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(challenge, response.Headers.NonValidated["WWW-Authenticate"].ToString());
    }

    /// <summary>Before anyone is authenticated, a bank this endpoint has no key of is answered as any signature that does not
    /// verify: the answer tells no one which banks are set up or how each signs (security probe F4).</summary>
    [Theory]
    [InlineData("api/banks/nobank/camt054", "application/xml", "X-Signature")]
    [InlineData("api/banks/halyk/acquiring", "application/json", "X-Sign")]
    [InlineData("api/banks/nobank/notifications", "application/json", "X-Signature")]
    public async Task A_bank_without_a_key_here_is_answered_as_a_signature_that_does_not_verify(string path, string mediaType, string header)
    {
        using var anonymous = product.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(mediaType.EndsWith("xml") ? "<Document/>" : "{}", Encoding.UTF8, mediaType),
        };
        request.Headers.TryAddWithoutValidation(header, "t=1,v1=" + new string('0', 64));

        var response = await anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("BadSignature", problem.GetProperty("reason").GetString());
        Assert.DoesNotContain("configured", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("key is", problem.GetProperty("detail").GetString());
    }
}
