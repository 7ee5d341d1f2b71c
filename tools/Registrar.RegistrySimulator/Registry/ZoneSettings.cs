using Microsoft.Extensions.Configuration;

namespace Registrar.RegistrySimulator.Registry;

public enum ExpiryBehaviour
{
    /// <summary>The registry renews for a year at expiry (the common gTLD model).</summary>
    AutoRenew,

    /// <summary>An unrenewed domain stays renewable for a grace period, then enters deletion.</summary>
    DeleteAfterExpiry,
}

/// <summary>How one zone behaves in the simulator; bound from configuration (Zones:&lt;zone&gt;) and
/// changeable at run time through the control API.</summary>
public sealed record ZoneSettings
{
    public ExpiryBehaviour Expiry { get; init; } = ExpiryBehaviour.AutoRenew;

    /// <summary>Days after expiry during which the sponsor may still renew (DeleteAfterExpiry only).</summary>
    public int GraceDaysAfterExpiry { get; init; }

    /// <summary>RFC 3915 redemptionPeriod; 0 = deleted names are purged without redemption.</summary>
    public int RedemptionDays { get; init; } = 30;

    /// <summary>RFC 3915 pendingDelete after redemption, before the name is free.</summary>
    public int PendingDeleteDays { get; init; } = 5;

    /// <summary>RFC 3915 pendingRestore: how long the registry waits for the restore report.</summary>
    public int PendingRestoreDays { get; init; } = 7;

    /// <summary>False where a restore request alone restores the name (Hostmaster's rgp-1.1).</summary>
    public bool RestoreReportRequired { get; init; } = true;

    /// <summary>Days after a transfer request at which the registry approves it itself.</summary>
    public int TransferAutoApproveDays { get; init; } = 5;

    /// <summary>UA-Pre-7: second-level names need a trademark licence (uaepp:license) to be created.</summary>
    public bool SecondLevelNeedsLicence { get; init; }

    public int MaxRegistrationYears { get; init; } = 10;

    public string? Validate()
    {
        if (new[] { GraceDaysAfterExpiry, RedemptionDays, PendingDeleteDays, PendingRestoreDays, TransferAutoApproveDays }.Any(d => d < 0))
            return "day counts must not be negative.";
        return MaxRegistrationYears is < 1 or > 99 ? "maxRegistrationYears must be 1 to 99." : null;
    }

    /// <summary>The defaults below, each overridable from configuration, e.g. the environment variable
    /// Zones__ua__GraceDaysAfterExpiry=10 or Zones__example__Expiry=DeleteAfterExpiry.</summary>
    public static IReadOnlyDictionary<string, ZoneSettings> WithOverrides(IConfigurationSection zones)
    {
        var settings = new Dictionary<string, ZoneSettings>(Defaults(), StringComparer.OrdinalIgnoreCase);
        foreach (var zone in zones.GetChildren())
        {
            var copy = (settings.GetValueOrDefault(zone.Key) ?? new ZoneSettings()) with { };
            zone.Bind(copy);
            settings[zone.Key] = copy;
        }
        return settings;
    }

    public static IReadOnlyDictionary<string, ZoneSettings> Defaults()
    {
        // UA-1.10, UA-1.12: an unpaid .ua name stays renewable for at most 28 days, then is deleted.
        var ua = new ZoneSettings
        {
            Expiry = ExpiryBehaviour.DeleteAfterExpiry, GraceDaysAfterExpiry = 28, RestoreReportRequired = false,
        };
        // KZ-2.8: an unpaid .kz name is deleted at expiry and becomes free for anyone.
        var kz = new ZoneSettings
        {
            Expiry = ExpiryBehaviour.DeleteAfterExpiry, GraceDaysAfterExpiry = 0, RedemptionDays = 0, PendingDeleteDays = 0,
        };
        return new Dictionary<string, ZoneSettings>(StringComparer.OrdinalIgnoreCase)
        {
            ["ua"] = ua with { SecondLevelNeedsLicence = true },
            ["com.ua"] = ua,
            ["kiev.ua"] = ua,
            ["kyiv.ua"] = ua,
            ["kz"] = kz,
            ["xn--80ao21a"] = kz,
        };
    }
}
