using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Registrar.Api.Whois;

namespace Registrar.Functions.Tests;

public sealed class ClientAddressTests
{
    [Fact]
    public void The_app_counts_public_lookups_by_the_caller_its_host_names_in_X_Forwarded_For()
    {
        using var services = FunctionsApp.Services();

        Assert.True(services.GetRequiredService<IOptions<WhoisOptions>>().Value.TrustForwardedFor);
    }
}
