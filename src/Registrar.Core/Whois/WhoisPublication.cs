using System.Security.Cryptography;
using System.Text;
using Registrar.Core.Customers;
using Registrar.Core.Zones;

namespace Registrar.Core.Whois;

/// <summary>
/// Which fields of one registration the public WHOIS/RDAP answer shows. KZ-App-10.3: the zone's policy
/// decides (<see cref="WhoisDisclosure.PublishedFields"/>). UA-1.15: where the zone always hides personal
/// data, none is shown, whatever the zone lists and whatever the registrant asked.
/// </summary>
public sealed class WhoisPublication(ZoneCatalog zones)
{
    public PublicDomainRecord Decide(RegisteredDomain domain)
    {
        var view = domain.Registration;
        var zone = zones.For(view.Zone);
        var fields = new FieldDecisions(zone);

        var statuses = fields.Shows(WhoisField.Status, hasValue: true) ? DomainHolding.PublicStatuses(view) : null;
        var expiry = fields.Shows(WhoisField.Expiry, view.ExpiresAt is not null) ? view.ExpiresAt : null;
        IReadOnlyList<PublishedNameServer>? nameServers = view.NameServers is { Count: > 0 } hosts && fields.Shows(WhoisField.NameServers, hasValue: true)
            ? [.. hosts.Select(PublishedNameServer.Of)]
            : null;
        var registrar = fields.Shows(WhoisField.Registrar, hasValue: true);
        var registrant = domain.Registrant is { } data ? Registrant(fields, data) : null;
        return new PublicDomainRecord(PublicHandle(view.RegistrationId), view.DomainName, view.DisplayName, zone.Zone, statuses, expiry, nameServers, registrar,
            registrant, fields.Withheld, zone.Whois.Rule);
    }

    /// <summary>The domain object's handle (RFC 9083 5.3), stable for the registration. Not the registration id itself: that
    /// names its order, and so would show which domains one customer bought together, tying a .ua registrant, whose data are
    /// never published (UA-1.15), to a domain whose answer publishes them.</summary>
    private static string PublicHandle(string registrationId) =>
        "D" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(registrationId)).AsSpan(0, 12));

    private static PublishedRegistrant? Registrant(FieldDecisions fields, RegistrantData data)
    {
        string? Field(WhoisField field, WhoisField decidedAs) =>
            RegistrantFields.ValueOf(data, field) is { } value && fields.Shows(field, hasValue: true, decidedAs) ? value : null;

        var name = Field(WhoisField.RegistrantName, WhoisField.RegistrantName);
        // A natural person's organisation line is about them as much as their name is: it is shown only where the name would be.
        var organization = Field(WhoisField.RegistrantOrganization,
            data.Kind == RegistrantKind.NaturalPerson ? WhoisField.RegistrantName : WhoisField.RegistrantOrganization);
        var country = Field(WhoisField.RegistrantCountry, WhoisField.RegistrantCountry);
        var address = Field(WhoisField.RegistrantAddress, WhoisField.RegistrantAddress) is null ? null : data.Address;
        var email = Field(WhoisField.RegistrantEmail, WhoisField.RegistrantEmail);
        var phone = Field(WhoisField.RegistrantPhone, WhoisField.RegistrantPhone);

        var shown = new PublishedRegistrant(name, organization, country, address, email, phone);
        return shown == new PublishedRegistrant(null, null, null, null, null, null) ? null : shown;
    }

    /// <summary>One answer's decisions, collecting every withheld field with its reason.</summary>
    private sealed class FieldDecisions(ZonePolicy zone)
    {
        private readonly List<WithheldField> _withheld = [];

        public IReadOnlyList<WithheldField> Withheld => _withheld;

        /// <param name="decidedAs">The field whose policy applies, when it is not <paramref name="field"/>'s own.</param>
        public bool Shows(WhoisField field, bool hasValue, WhoisField? decidedAs = null)
        {
            var policyField = decidedAs ?? field;
            // No registrant has asked to hide their data yet: orders carry no such request (UA-1.15 hides it regardless).
            var shown = zone.Whois.Publishes(policyField, registrantAskedToHide: false);
            if (hasValue && !shown) _withheld.Add(WhyWithheld(field, policyField));
            return shown;
        }

        private WithheldField WhyWithheld(WhoisField field, WhoisField policyField) =>
            WhoisDisclosure.IsPersonal(policyField) && zone.Whois.AlwaysHidePersonalData
                ? new WithheldField(field, "UA-1.15",
                    $"Registrant personal data are never published in .{zone.Zone}, whether or not the registrant asked.")
                : new WithheldField(field, zone.Whois.Rule, $"The .{zone.Zone} publication policy does not publish this field.");
    }
}
