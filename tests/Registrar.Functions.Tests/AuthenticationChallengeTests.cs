using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Registrar.Functions.Http;

namespace Registrar.Functions.Tests;

/// <summary>The HTTP triggers answer a caller without credentials as the local host does: a 401 whose WWW-Authenticate
/// names how that endpoint authenticates (RFC 9110 section 11.6.1), written through <see cref="HandlerResult"/>.</summary>
public sealed class AuthenticationChallengeTests
{
    [Fact]
    public async Task A_401_names_the_scheme_it_accepts_in_WWW_Authenticate_RFC_9110_11_6_1()
    {
        await using var services = FunctionsApp.Services();
        var storefront = ActivatorUtilities.CreateInstance<StorefrontFunctions>(services);
        var operations = ActivatorUtilities.CreateInstance<OperationsFunctions>(services);
        var inspection = ActivatorUtilities.CreateInstance<RegistrationInspectionFunction>(services);
        var banks = ActivatorUtilities.CreateInstance<BankFunctions>(services);
        var page = ActivatorUtilities.CreateInstance<OperationsPageFunctions>(services);

        Assert.Equal("ApiKey realm=\"storefront\", header=\"X-Api-Key\"", await ChallengeAsync(services, r => storefront.ListInvoices(r, default)));
        Assert.Equal("ApiKey realm=\"operations\", header=\"X-Api-Key\"", await ChallengeAsync(services, r => operations.ListReview(r, default)));
        Assert.Equal("ApiKey realm=\"operations\", header=\"X-Api-Key\"", await ChallengeAsync(services, r => inspection.Run(r, "O1-1", null!, default)));
        Assert.Equal("HMAC-SHA256 realm=\"banks\", header=\"X-Signature\"",
            await ChallengeAsync(services, r => banks.Camt054(r, "halyk", default), ("application/xml", "<Document/>")));
        Assert.Equal("HMAC-SHA256 realm=\"banks\", header=\"X-Signature\"",
            await ChallengeAsync(services, r => banks.HmacNotification(r, "halyk", default), ("application/json", "{}")));
        Assert.Equal("ECDSA-SHA256 realm=\"banks\", header=\"X-Sign\"",
            await ChallengeAsync(services, r => banks.Acquiring(r, "monobank", default), ("application/json", "{}")));
        Assert.Equal("Cookie realm=\"operations\", form-action=\"/api/ops/page/sign-in\", cookie-name=\"registrar-ops\"",
            await ChallengeAsync(services, r => page.SignOut(r, default)));
    }

    /// <summary>The trigger's answer to a request without credentials, run as the Functions host runs it: it must be a 401.</summary>
    private static async Task<string> ChallengeAsync(IServiceProvider services, Func<HttpRequest, Task<IActionResult>> trigger, (string MediaType, string Text)? body = null)
    {
        var http = FunctionsApp.Request(services);
        if (body is { } sent)
        {
            http.Request.Method = HttpMethods.Post;
            http.Request.ContentType = sent.MediaType;
            http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(sent.Text));
        }

        var result = await trigger(http.Request);
        await FunctionsApp.AnswerAsync(http, result);

        Assert.Equal(StatusCodes.Status401Unauthorized, http.Response.StatusCode);
        return http.Response.Headers.WWWAuthenticate.ToString();
    }
}
