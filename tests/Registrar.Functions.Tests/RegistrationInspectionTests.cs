using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Registrar.Api.Security;
using Registrar.Functions.Http;

namespace Registrar.Functions.Tests;

/// <summary>The Functions host's registration inspection answers as the local host's does.</summary>
public sealed class RegistrationInspectionTests
{
    private const string Key = "ops-key";

    [Fact]
    public async Task A_malformed_registration_id_is_a_404_that_does_not_echo_it()
    {
        await using var services = FunctionsApp.Services(replace => replace.Configure<ApiClientOptions>(o => o.Clients.Add(new ApiClient
        {
            Name = "ops", Role = ApiClientRole.Operations, KeySha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Key))),
        })));
        var inspection = ActivatorUtilities.CreateInstance<RegistrationInspectionFunction>(services);
        var http = FunctionsApp.Request(services);
        http.Request.Headers[ClientAuthenticator.KeyHeader] = Key;
        var malformed = "<script>" + new string('x', 2000);

        await FunctionsApp.AnswerAsync(http, await inspection.Run(http.Request, malformed, null!, default));

        Assert.Equal(StatusCodes.Status404NotFound, http.Response.StatusCode);
        Assert.DoesNotContain("<script>", FunctionsApp.Body(http));
    }
}
