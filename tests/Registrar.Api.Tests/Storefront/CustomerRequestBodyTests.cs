using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Moq;
using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.Api.Storefront;
using Registrar.Core.Customers;
using Registrar.Core.Lifecycle;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;
using Registrar.Core.Whois;
using Registrar.Storage.Stores;

namespace Registrar.Api.Tests.Storefront;

/// <summary>A customer request is judged on its body before anything is recorded or mailed. UA-1.5.8, KZ-5.3: a confirmation
/// proves consent to the request it names, so a field of another kind (a DNS change's name servers sent as "early-deletion") is a
/// 400 naming it. KZ-2.4: a registrant change to the registrant who holds the domain is a 409, never invoiced.</summary>
public sealed class CustomerRequestBodyTests
{
    private const string StorefrontKey = "storefront-test-key";
    private readonly Mock<ICustomerRequestStore> _requests = new(MockBehavior.Strict);
    private readonly Mock<ILifecycleEvents<RegistrationEvent>> _events = new(MockBehavior.Strict);

    [Theory]
    [InlineData("""{"kind":"early-deletion","nameServers":["ns1.example.net","ns2.example.net"]}""", "nameServers")]
    [InlineData("""{"kind":"dns-change","nameServers":["ns1.example.net","ns2.example.net"],"email":"x@example.org"}""", "email")]
    [InlineData("""{"kind":"transfer-code","endsOn":"2027-06-01"}""", "endsOn")]
    public async Task A_field_of_another_kind_of_request_is_refused_naming_it_and_nothing_is_recorded_UA_1_5_8(string body, string field)
    {
        var result = await Handlers().MakeAsync(Post(body), "O1-1", default);

        var problem = Assert.IsType<ProblemHttpResult>(result).ProblemDetails;
        Assert.Equal((StatusCodes.Status400BadRequest, "/problems/validation"), (problem.Status, problem.Type));
        Assert.Contains(field, Assert.IsType<HttpValidationProblemDetails>(problem).Errors.Keys);
        _requests.VerifyNoOtherCalls();
        _events.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_registrant_change_to_the_registrant_who_holds_the_domain_is_refused_and_nothing_is_recorded_or_invoiced_KZ_2_4()
    {
        const string sameHolder = """
            {"kind":"registrant-change","registrant":{"kind":"NaturalPerson","fullName":"асель  нурланова","email":"new@example.kz",
            "phone":"+7.7011234567","address":{"country":"KZ","postalCode":"050000","region":"Алматы","city":"Алматы","street":"Абая","building":"1"}}}
            """;

        var result = await Handlers().MakeAsync(Post(sameHolder), "O1-1", default);

        var problem = Assert.IsType<ProblemHttpResult>(result).ProblemDetails;
        Assert.Equal(StatusCodes.Status409Conflict, problem.Status);
        Assert.Contains("registrant-contact-change", problem.Detail);
        _requests.VerifyNoOtherCalls();
        _events.VerifyNoOtherCalls();
    }

    [Fact]
    public void A_new_contact_email_is_read_as_an_orders_contact_email_is_the_blanks_around_it_dropped_KZ_2_2()
    {
        var view = new RegistrationView("O1-1", "customer-1", "shop.kz", "shop.kz", "kz", RegistrationPhase.Registered, DateTimeOffset.UtcNow.AddYears(1));

        var (request, _) = CustomerRequestBodies.RequestOf(new CustomerRequestBody("contact-email-change", Email: " new@example.kz "), view);
        var (refused, problem) = CustomerRequestBodies.RequestOf(new CustomerRequestBody("contact-email-change", Email: " new@ example.kz"), view);

        Assert.Equal(new ContactEmailChangeRequest("new@example.kz"), request);
        Assert.Null(refused);
        Assert.NotNull(problem);
    }

    private CustomerRequestHandlers Handlers()
    {
        var client = new ApiClient
        {
            Name = "storefront", Role = ApiClientRole.Storefront,
            KeySha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(StorefrontKey))),
        };
        var options = new ApiClientOptions { Clients = [client] };
        var authenticator = new ClientAuthenticator(Mock.Of<IOptionsMonitor<ApiClientOptions>>(m => m.CurrentValue == options));
        var views = new Mock<IRegistrationViews>();
        var view = new RegistrationView("O1-1", "customer-1", "shop.kz", "shop.kz", "kz", RegistrationPhase.Registered, DateTimeOffset.UtcNow.AddYears(1));
        views.Setup(v => v.GetAsync("customer-1", "O1-1", It.IsAny<CancellationToken>())).ReturnsAsync(view);
        var holder = new RegistrantData(RegistrantKind.NaturalPerson, new PostalAddress("KZ", "050000", "Алматы", "Алматы", "Абая", "1", null),
            "owner@example.kz", "+7.7017654321", FullName: "Асель Нурланова");
        var domains = Mock.Of<IRegisteredDomainDirectory>(d => d.FindAsync("shop.kz", It.IsAny<CancellationToken>()) == Task.FromResult<RegisteredDomain?>(new RegisteredDomain(view, holder)));
        var idempotency = new IdempotentRequests(Mock.Of<IIdempotencyKeyStore>(MockBehavior.Strict), TimeProvider.System);
        return new CustomerRequestHandlers(authenticator, views.Object, _requests.Object, null!, idempotency, _events.Object, null!, null!, null!, null!, domains,
            TimeProvider.System);
    }

    private static HttpRequest Post(string json)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = "application/json";
        context.Request.Headers["X-Api-Key"] = StorefrontKey;
        context.Request.Headers[ClientAuthenticator.CustomerHeader] = "customer-1";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return context.Request;
    }
}
