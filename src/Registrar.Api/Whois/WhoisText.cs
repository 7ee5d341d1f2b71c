using System.Text;
using Registrar.Core.Whois;
using Registrar.Core.Zones;

namespace Registrar.Api.Whois;

/// <summary>
/// The plain-text WHOIS answer (RFC 3912 sets no format; these are the customary "Key: value" lines): only what
/// the record shows, each withheld field as "REDACTED" with the rule that withholds it, comments after '%'.
/// </summary>
public static class WhoisText
{
    public static string Render(PublicDomainRecord record, string registrarName, DateTimeOffset now)
    {
        var text = new StringBuilder();
        void Line(string key, string value) => text.Append(key).Append(": ").Append(value).Append('\n');
        var withheld = record.Withheld.ToDictionary(w => w.Field);
        void Field(WhoisField field, string key, string? value)
        {
            if (value is not null) Line(key, value);
            else if (withheld.TryGetValue(field, out var why)) Line(key, $"REDACTED ({why.Rule})");
        }

        text.Append($"% .{record.Zone} registration data, published as the zone's policy allows ({record.PolicyRule}).\n");
        foreach (var reason in record.Withheld.Select(w => $"% {w.Rule}: {w.Reason}").Distinct())
            text.Append(reason).Append('\n');
        text.Append('\n');

        Line("Domain Name", record.AsciiName);
        if (record.IsIdn) Line("Internationalized Domain Name", record.UnicodeName);
        Field(WhoisField.Registrar, "Registrar", record.ShowsRegistrar ? registrarName : null);
        // WHOIS names a status by its EPP code, as registries' WHOIS servers do; RDAP by the registered value for it.
        foreach (var status in record.Statuses ?? []) Line("Domain Status", DomainStatuses.ToEpp(status));
        Field(WhoisField.Status, "Domain Status", null);
        Field(WhoisField.Expiry, "Expiration Date", record.ExpiresAt is { } expiry ? RdapDomainDocument.Date(expiry) : null);

        var registrant = record.Registrant;
        Field(WhoisField.RegistrantName, "Registrant Name", registrant?.Name);
        Field(WhoisField.RegistrantOrganization, "Registrant Organization", registrant?.Organization);
        if (registrant?.Address is { } address)
        {
            Line("Registrant Street", string.Join(", ", new[] { $"{address.Street} {address.Building}", address.Office }.Where(p => !string.IsNullOrWhiteSpace(p))));
            Line("Registrant City", address.City);
            Line("Registrant Region", address.Region);
            Line("Registrant Postal Code", address.PostalCode);
        }
        else Field(WhoisField.RegistrantAddress, "Registrant Address", null);
        Field(WhoisField.RegistrantCountry, "Registrant Country", registrant?.Country);
        Field(WhoisField.RegistrantEmail, "Registrant Email", registrant?.Email);
        Field(WhoisField.RegistrantPhone, "Registrant Phone", registrant?.Phone);
        foreach (var host in record.NameServers ?? []) Line("Name Server", host.LdhName);
        Field(WhoisField.NameServers, "Name Server", null);

        text.Append($"\n>>> Last update of WHOIS database: {RdapDomainDocument.Date(now)} <<<\n");
        return text.ToString();
    }
}
