using System.ComponentModel.DataAnnotations;
using Registrar.Core.Orders;

namespace Registrar.Mail;

/// <summary>Bound from "Notices".</summary>
public sealed class NoticeOptions : IValidatableObject
{
    public const string Section = "Notices";

    /// <summary>The control panel page that takes a set-password token (UA-2.1.2).</summary>
    [Required, Url] public string SetPasswordUrl { get; set; } = "https://panel.registrar.example/set-password";

    /// <summary>Base64 HMAC-SHA256 key that signs set-password tokens; the control panel verifies with the same key.</summary>
    [Required, MinLength(44)] public string SetPasswordSigningKey { get; set; } = "";

    /// <summary>How long a set-password link stays valid.</summary>
    public TimeSpan SetPasswordLinkLifetime { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Where a request confirmation link points: the page (or the API route
    /// <c>GET /api/requests/confirmation</c>) that takes its token (KZ-5.3, UA-4.7).</summary>
    [Required, Url] public string RequestConfirmationUrl { get; set; } = "https://panel.registrar.example/confirm-request";

    /// <summary>Base64 HMAC-SHA256 key that signs request confirmation tokens; never the set-password key, so one
    /// kind of link cannot stand for the other.</summary>
    [Required, MinLength(44)] public string RequestConfirmationSigningKey { get; set; } = "";

    /// <summary>How long a request confirmation link stays valid (KZ-5.3, UA-4.7: an expiring confirmation).</summary>
    public TimeSpan RequestConfirmationLinkLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The language of a zone's notices when the customer chose none: the language of that registrar's offer
    /// (one of <see cref="CustomerLanguages.All"/>). A zone not listed gets Russian.</summary>
    public Dictionary<string, string> LanguageByZone { get; set; } = new()
    {
        ["kz"] = "ru", ["қаз"] = "ru", ["ua"] = "uk", ["com.ua"] = "uk", ["kiev.ua"] = "uk", ["kyiv.ua"] = "uk",
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        LanguageByZone.Where(zone => !CustomerLanguages.IsSupported(zone.Value)).Select(zone => new ValidationResult(
            $"Notices:LanguageByZone:{zone.Key} is '{zone.Value}'; notice templates exist for {string.Join(", ", CustomerLanguages.All)}.",
            [nameof(LanguageByZone)]));
}
