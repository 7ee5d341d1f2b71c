using Registrar.Core.Customers;

namespace Registrar.Core.Registrations;

/// <summary>The registrant a registration holds once it is no longer the one its order gave, kept by <see cref="RecordRegistrant"/>
/// commands (KZ-2.4, KZ-2.3): what WHOIS and RDAP publish and disclosures read.</summary>
public interface IRegistrantRecords
{
    /// <summary>Keeps <paramref name="registrant"/> unless one with a higher sequence is already kept.</summary>
    Task RecordAsync(string registrationId, RegistrantData registrant, int sequence, CancellationToken cancellationToken);

    /// <summary>Null when the registration still has the registrant its order gave.</summary>
    Task<RegistrantData?> GetAsync(string registrationId, CancellationToken cancellationToken);

    /// <summary>UA-Pre-6: the kept registrant goes with the rest of the registration's personal data.</summary>
    Task EraseAsync(string registrationId, CancellationToken cancellationToken);
}
