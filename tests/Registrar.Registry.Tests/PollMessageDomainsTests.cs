using Registrar.Epp.Commands;

namespace Registrar.Registry.Tests;

/// <summary>The domains a text-only poll message is about, as operations' review list files it.</summary>
public sealed class PollMessageDomainsTests
{
    private const string DomainNamespace = "urn:ietf:params:xml:ns:domain-1.0";

    [Fact]
    public void A_text_names_its_domains_and_an_e_mail_address_in_it_is_none()
    {
        var message = new PollMessage("102", 0, DateTimeOffset.UnixEpoch, "Registrant data of shop.kz changed: Иван Петров, ivan.petrov@example.kz, +7.7015554433; see пример.қаз.", null);

        Assert.Equal(["shop.kz", "xn--e1afmkfd.xn--80ao21a"], PollMessageDomains.Of(message, DomainNamespace));
    }
}
