using Registrar.Core.Customers;
using Registrar.Core.Registrations;
using Registrar.Core.Whois;

namespace Registrar.Core.Tests.Whois;

/// <summary>Registrations and registrants with a value in every field, so a test sees each field shown or withheld.</summary>
internal static class WhoisSamples
{
    public static readonly DateTimeOffset Expiry = new(2027, 11, 24, 10, 0, 0, TimeSpan.Zero);

    public static RegistrantData Person(string country = "KZ") => new(RegistrantKind.NaturalPerson,
        new PostalAddress(country, "050000", "Almaty", "Almaty", "Abay Ave", "10", "5"), "aigerim@mail.example", "+7.7012345678",
        Organization: "Aigerim's workshop", FullName: "Aigerim Serikovna");

    public static RegistrantData Company(string country = "KZ") => new(RegistrantKind.LegalEntity,
        new PostalAddress(country, "050000", "Almaty", "Almaty", "Dostyk Ave", "5"), "office@company.example", "+7.7272000000",
        Organization: "Company LLP", FullName: "Contact Person");

    public static RegistrationView View(string domain, string zone, RegistrationPhase phase = RegistrationPhase.Registered,
        DateTimeOffset? expiry = null, string registrationId = "O0000000000000001-1") =>
        new(registrationId, "cust-1", domain, domain, zone, phase, phase == RegistrationPhase.AwaitingPayment ? null : expiry ?? Expiry);

    public static RegisteredDomain Held(string domain, string zone, RegistrantData? registrant) => new(View(domain, zone), registrant);
}
