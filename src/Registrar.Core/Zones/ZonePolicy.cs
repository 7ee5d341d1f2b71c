using System.Text.Json.Serialization;
using Registrar.Core.Money;

namespace Registrar.Core.Zones;

/// <summary>
/// Everything that differs between zones, as data (zones.json). Flows read these settings and
/// never branch on the country: where the two offers differ, the difference is here.
/// Each setting carries the contract rule id it implements in its <c>Rule</c> and says whether
/// its value is a default chosen here (<c>IsDefault</c>) rather than a figure from an offer.
/// </summary>
public sealed record ZonePolicy
{
    private readonly string zone = "";

    /// <summary>Unicode, lower case, no leading dot: "kz", "қаз", "ua", "com.ua", "kiev.ua", "kyiv.ua".</summary>
    public required string Zone
    {
        get => zone;
        init
        {
            zone = value;
            AsciiZone = ZoneNames.ToAscii(value);
        }
    }

    /// <summary>The zone in A-label form: "xn--80ao21a" for "қаз"; equal to <see cref="Zone"/> for ASCII zones.</summary>
    [JsonIgnore]
    public string AsciiZone { get; private init; } = "";

    /// <summary>"kaznic" or "hostmaster": which registry gateway serves the zone.</summary>
    public required string RegistryId { get; init; }

    /// <summary>KZ-3.3: KZ invoices are in KZT. UA-3.1: UA invoices are in UAH.</summary>
    public required Currency Currency { get; init; }

    /// <summary>"KZ" or "UA": whose business/banking days count for this zone's deadlines.</summary>
    public required string CalendarCountry { get; init; }

    /// <summary>KZ-3.3: an invoice is payable within this many banking days of issue, then lapses.</summary>
    public required PaymentWindow InvoicePaymentWindow { get; init; }

    /// <summary>KZ-2.1: after payment the registration is carried out within this many business days.</summary>
    public required ServiceDeadline RegistrationAfterPayment { get; init; }

    /// <summary>KZ-2.7 / UA-1.10: by when a renewal must be paid.</summary>
    public required RenewalDeadline RenewalDeadline { get; init; }

    /// <summary>KZ-2.6: when the contact e-mail is warned of the coming expiry.</summary>
    public required ReminderSchedule Reminders { get; init; }

    /// <summary>KZ-2.8 / UA-1.10 / UA-1.12: what happens to an unpaid domain after expiry.</summary>
    public required DeletionRule Deletion { get; init; }

    /// <summary>UA-1.11: whether a renewal after expiry is priced with the redemption tariff.</summary>
    public required RedemptionRule Redemption { get; init; }

    /// <summary>KZ-2.3: self-service DNS/contact changes, or requests the registrar carries out.</summary>
    public required ChangeHandling Changes { get; init; }

    /// <summary>UA-2.1.1 / KZ-App-8 / UA-Pre-7: the character repertoire and the trademark requirement.</summary>
    public required NameRules Names { get; init; }

    /// <summary>UA-1.15 / KZ-App-10.3: which registration data the public WHOIS/RDAP answer shows.</summary>
    public required WhoisDisclosure Whois { get; init; }

    /// <summary>KZ-1.1 / UA-1.6: terms are whole years within these bounds.</summary>
    public required RegistrationTerm Term { get; init; }

    /// <summary>KZ-App-4, UA-1.3.4.1, UA-6.1, UA-6.2/6.3: notice periods and refunds on termination.</summary>
    public required TerminationTerms Termination { get; init; }

    public override string ToString() => "." + Zone;
}
