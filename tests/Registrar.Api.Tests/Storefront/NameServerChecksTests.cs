using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Moq;
using Registrar.Api.Storefront;
using Registrar.Core.Registrations;
using Registrar.Core.Registry;
using Registrar.Core.Requests;
using Registrar.Core.Zones;

namespace Registrar.Api.Tests.Storefront;

/// <summary>KZ-2.3: a DNS change naming a name server under an unregistered domain of a served zone is refused before the
/// customer proves it, as its registry would refuse it after (RFC 5732 section 3.2.1).</summary>
public sealed class NameServerChecksTests
{
    private const string Unregistered = "xn--e1afmkfd.xn--80ao21a";
    private readonly Mock<IRegistryAvailability> _registry = new(MockBehavior.Strict);
    private readonly RegistrationView _registration = new("O1-1", "customer-1", "shop.kz", "shop.kz", "kz", RegistrationPhase.Registered,
        DateTimeOffset.UtcNow.AddYears(1), NameServers: ["ns1.shop.kz", "ns.old.com.ua"]);

    [Fact]
    public async Task A_name_server_under_a_domain_its_registry_holds_no_one_is_refused_naming_it_KZ_2_3()
    {
        _registry.Setup(r => r.CheckAsync("қаз", new[] { Unregistered }, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Dictionary<string, Availability> { [Unregistered] = new(true, null) });

        var refusal = await Checks().RefusalAsync(new DnsChangeRequest(["ns1.example.net", $"ns2.{Unregistered}"]), _registration, default);

        var problem = Assert.IsType<ProblemHttpResult>(refusal).ProblemDetails;
        Assert.Equal(StatusCodes.Status400BadRequest, problem.Status);
        Assert.Contains($"ns2.{Unregistered}", Assert.Single(Assert.IsType<HttpValidationProblemDetails>(problem).Errors["nameServers"]));
    }

    [Fact]
    public async Task A_name_server_under_a_registered_domain_of_a_served_zone_is_taken_and_only_that_domain_is_asked_KZ_2_3()
    {
        _registry.Setup(r => r.CheckAsync("com.ua", new[] { "hosting.com.ua" }, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Dictionary<string, Availability> { ["hosting.com.ua"] = new(false, "In use") });

        var refusal = await Checks().RefusalAsync(new DnsChangeRequest(["ns1.example.net", "dns.hosting.com.ua"]), _registration, default);

        Assert.Null(refusal);
        _registry.VerifyAll();
    }

    [Fact]
    public async Task Name_servers_outside_served_zones_inside_the_domain_itself_or_kept_from_now_ask_no_registry_KZ_2_3()
    {
        var refusal = await Checks().RefusalAsync(new DnsChangeRequest(["ns1.example.net", "ns1.shop.kz", "ns.old.com.ua"]), _registration, default);

        Assert.Null(refusal);
        _registry.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_registry_that_cannot_be_asked_refuses_nothing_KZ_2_3()
    {
        _registry.Setup(r => r.CheckAsync(It.IsAny<string>(), It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RegistryUnavailableException("kaznic", new TimeoutException()));

        Assert.Null(await Checks().RefusalAsync(new DnsChangeRequest(["ns1.example.net", $"ns2.{Unregistered}"]), _registration, default));
    }

    private NameServerChecks Checks() => new(ZoneCatalog.LoadEmbedded(), _registry.Object);
}
