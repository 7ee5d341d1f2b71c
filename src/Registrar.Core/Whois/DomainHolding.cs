using Registrar.Core.Registrations;

namespace Registrar.Core.Whois;

/// <summary>
/// Which registrations hold their domain at the registry, and the public status of each: a name is
/// answered for from its registration until the registry deleted it or another registrar took it.
/// </summary>
public static class DomainHolding
{
    /// <summary>Registered and not yet gone: every phase from registration to deletion. A stalled registration
    /// holds its name when it stalled after the registry gave it an expiry (a refused renewal, say).</summary>
    public static bool Holds(RegistrationView view) => view.Phase switch
    {
        RegistrationPhase.Registered or RegistrationPhase.Renewing or RegistrationPhase.Expired
            or RegistrationPhase.Restoring or RegistrationPhase.Deleting => true,
        RegistrationPhase.Stalled => view.ExpiresAt is not null,
        _ => false,
    };

    /// <summary>The registration that holds the name among all its registrations (a name deleted and registered
    /// again has several); the one with the latest expiry should two ever claim it.</summary>
    public static RegistrationView? HolderAmong(IEnumerable<RegistrationView> views) =>
        views.Where(Holds).MaxBy(v => v.ExpiresAt);

    /// <summary>The RDAP status values (RFC 9083 section 4.6) of a held registration: those of the EPP statuses the registry last
    /// reported (RFC 8056 section 2), which show what the phase cannot (a hold, no name servers); where it has reported none
    /// that RDAP knows, those of its phase.</summary>
    public static IReadOnlyList<string> PublicStatuses(RegistrationView view) =>
        DomainStatuses.ToRdap(view.RegistryStatuses ?? []) is { Count: > 0 } reported ? reported : PublicStatuses(view.Phase);

    /// <summary>The RDAP status values (RFC 9083 10.2.2) of a held registration's phase.</summary>
    public static IReadOnlyList<string> PublicStatuses(RegistrationPhase phase) => phase switch
    {
        // UA-1.7: a paid renewal is at the registry.
        RegistrationPhase.Renewing => ["active", "pending renew"],
        // KZ-2.8, UA-1.12: expired unpaid; no longer in use, though a UA registrant may still renew.
        RegistrationPhase.Expired => ["inactive"],
        // RFC 3915: deleted at the registry and being restored.
        RegistrationPhase.Restoring => ["redemption period", "pending restore"],
        RegistrationPhase.Deleting => ["pending delete"],
        // A stalled registration is the registrar's own business: the name is in use at the registry.
        _ => ["active"],
    };
}
