using System.Text;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Registrar.Api.Hosting;
using Registrar.Core.Customers;
using Registrar.Core.Registrations;
using Registrar.Core.Whois;

namespace Registrar.Api.Tests.Whois;

/// <summary>Registrants with a value in every field, registrations that hold their names, and a way to run a result.</summary>
public static class WhoisSamples
{
    public static readonly DateTimeOffset Expiry = new(2027, 11, 24, 10, 0, 0, TimeSpan.Zero);

    public static RegistrantData Person(string country = "KZ") => new(RegistrantKind.NaturalPerson,
        new PostalAddress(country, "050000", "Almaty", "Almaty", "Abay Ave", "10", "5"), "aigerim@mail.example", "+7.7012345678",
        FullName: "Aigerim Serikovna");

    public static RegistrantData Company(string country = "KZ") => new(RegistrantKind.LegalEntity,
        new PostalAddress(country, "050000", "Almaty", "Almaty", "Dostyk Ave", "5"), "office@company.example", "+7.7272000000",
        Organization: "Company LLP");

    /// <param name="registryStatuses">The EPP statuses the lifecycle last read at the registry; null when it read none.</param>
    /// <param name="nameServers">The name servers the registry holds for the domain; null when not known.</param>
    public static RegisteredDomain Held(string ascii, string unicode, string zone, RegistrantData? registrant,
        RegistrationPhase phase = RegistrationPhase.Registered, IReadOnlyList<string>? registryStatuses = null, IReadOnlyList<string>? nameServers = null) =>
        new(new RegistrationView("O0000000000000001-1", "cust-1", ascii, unicode, zone, phase, Expiry, RegistryStatuses: registryStatuses,
            NameServers: nameServers), registrant);

    /// <summary>Runs a handler's result as a host would (enums as names, as AddRegistrar sets, and the hosts' problem details), and reads
    /// what it wrote.</summary>
    public static Task<(int Status, IHeaderDictionary Headers, string Body)> RunAsync(IResult result, HttpContext? context = null) =>
        RunAsync(result.ExecuteAsync, context);

    /// <summary>Runs what answers a request (a handler's result, or a rate limiter's refusal) as a host would, and reads what it wrote.</summary>
    public static async Task<(int Status, IHeaderDictionary Headers, string Body)> RunAsync(Func<HttpContext, Task> answer, HttpContext? context = null)
    {
        context ??= new DefaultHttpContext();
        context.RequestServices = new ServiceCollection().AddLogging().AddRegistrarProblemDetails()
            .ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter())).BuildServiceProvider();
        var body = new MemoryStream();
        context.Response.Body = body;
        await answer(context);
        return (context.Response.StatusCode, context.Response.Headers, Encoding.UTF8.GetString(body.ToArray()));
    }

    /// <summary>The registrations a test says this registrar holds.</summary>
    public sealed class HeldDomains(params RegisteredDomain[] held) : IRegisteredDomainDirectory
    {
        public Task<RegisteredDomain?> FindAsync(string asciiName, CancellationToken cancellationToken) =>
            Task.FromResult(held.FirstOrDefault(d => d.Registration.DomainName == asciiName));
    }
}
