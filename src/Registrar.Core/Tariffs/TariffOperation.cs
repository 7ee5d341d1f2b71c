namespace Registrar.Core.Tariffs;

/// <summary>What a customer pays for.</summary>
public enum TariffOperation
{
    Register,
    Renew,

    /// <summary>UA-1.11: a renewal paid after expiry, while the registrant keeps renewal priority.</summary>
    RedemptionRenewal,

    /// <summary>KZ-2.4: priced as a new registration where the tariff says so. A one-off charge: quoted for 1 year.</summary>
    RegistrantChange,
}
