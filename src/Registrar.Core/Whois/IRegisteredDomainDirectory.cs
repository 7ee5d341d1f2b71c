using Registrar.Core.Customers;
using Registrar.Core.Registrations;

namespace Registrar.Core.Whois;

/// <summary>The port public lookups and disclosures read: which registration holds a domain now, and its registrant.</summary>
public interface IRegisteredDomainDirectory
{
    /// <summary>The registration that holds <paramref name="asciiName"/> now (see <see cref="DomainHolding.Holds"/>),
    /// with its registrant now; null when this registrar holds no such domain.</summary>
    /// <param name="asciiName">The A-label form, lower case: "xn--e1afmkfd.xn--80ao21a".</param>
    Task<RegisteredDomain?> FindAsync(string asciiName, CancellationToken cancellationToken);
}

/// <summary>What this registrar holds about one domain.</summary>
/// <param name="Registrant">The registrant data: those kept since the registrant changed (KZ-2.4, KZ-2.3), else the order's;
/// null when the order named an existing nic-handle (UA-1.13),
/// so the data are the registry's and not held here, or when they were erased (UA-Pre-6).</param>
public sealed record RegisteredDomain(RegistrationView Registration, RegistrantData? Registrant);
