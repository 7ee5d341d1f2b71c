using Microsoft.Extensions.Options;
using Registrar.Core.Calendars;
using Registrar.Core.Notices;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;
using Registrar.Core.Zones;

namespace Registrar.Mail;

/// <summary>
/// Turns a notice the lifecycle decided on into the mail the customer reads, from the template of its kind in
/// the customer's language. The templates are loaded when the composer is built, so a missing one stops the host
/// at start (<see cref="NoticeTemplateException"/>).
/// </summary>
public sealed class NoticeComposer(
    IOptions<NoticeOptions> options, SetPasswordLinks links, RequestConfirmationLinks confirmations, TransferCodes transferCodes, ZoneCatalog zones,
    BusinessCalendars calendars)
{
    private readonly NoticeOptions _options = options.Value;
    private readonly NoticeTemplates _templates = NoticeTemplates.LoadEmbedded();

    public MailMessage Compose(SendNotice notice, DateTimeOffset now)
    {
        var zone = zones.For(notice.Zone);
        var language = LanguageOf(notice, zone);
        var rendered = _templates.Render(notice.Kind, language, Values(notice, zone, language, now));
        return new MailMessage(notice.CommandId, notice.To, rendered.Subject, rendered.PlainText, rendered.Html);
    }

    /// <summary>The customer's language when they chose one we write in, else the language of the zone's offer, else Russian.</summary>
    private string LanguageOf(SendNotice notice, ZonePolicy zone) =>
        CustomerLanguages.IsSupported(notice.Language) ? notice.Language!
        : _options.LanguageByZone.GetValueOrDefault(zone.Zone) is { } offerLanguage && CustomerLanguages.IsSupported(offerLanguage) ? offerLanguage
        : CustomerLanguages.Russian;

    private NoticeValues Values(SendNotice notice, ZonePolicy zone, string language, DateTimeOffset now)
    {
        // Dates as the registrar's country counts them: Asia/Almaty for .kz/.қаз, Europe/Kyiv for .ua.
        var timeZone = calendars.For(zone.CalendarCountry).TimeZone;
        string? Instant(DateTimeOffset? instant) => instant is { } value ? NoticeFormats.Instant(value, timeZone) : null;
        var facts = notice.Facts ?? new NoticeFacts();
        // UA-2.1.2: the welcome mail (registered, or moved here) and a credential reset (KZ-5.3) carry a set-password link, never
        // a password; the notice id keeps it the same on a resend.
        var registered = notice.Kind is NoticeKind.Registered or NoticeKind.TransferredIn or NoticeKind.CredentialReset;
        // KZ-5.3, UA-4.7: the confirmation link names the request and the account, and expires on its own.
        var confirmation = notice.Kind == NoticeKind.RequestConfirmation && facts.RequestId is { } requestId ? requestId : null;
        var linkLifetime = confirmation is not null ? _options.RequestConfirmationLinkLifetime : _options.SetPasswordLinkLifetime;
        return new NoticeValues(
            notice.DomainName,
            Instant(facts.ExpiresAt),
            Instant(facts.PayBy),
            Instant(facts.DeletionAt),
            facts.InvoiceNumber,
            facts.Amount is { } amount ? NoticeFormats.Amount(amount) : null,
            registered ? links.Create(notice.CustomerId, notice.CommandId, now, notice.To) : null,
            registered || confirmation is not null ? Instant(now + linkLifetime) : null,
            confirmation is not null ? confirmations.Create(notice.CustomerId, confirmation, now, notice.To) : null,
            facts.RequestKind,
            facts.NameServers is { Count: > 0 } nameServers ? string.Join(", ", nameServers.Select(NameServerNames.ForDisplay)) : null,
            facts.ContactEmail,
            facts.Clause,
            facts.Document,
            // KZ-App-9: derived again from the command that set it, so the code lives only in the mail and at the registry.
            notice.Kind == NoticeKind.TransferCode && facts.TransferCodeOf is { } setBy ? transferCodes.For(setBy) : null,
            facts.TransferRefusals is { Count: > 0 } refusals ? string.Join(", ", refusals) : null,
            facts.Rules is { Count: > 0 } rules ? string.Join("; ", rules.Select(rule => OfferClauses.Describe(rule, language))) : null,
            facts.NewRegistrant,
            facts.ExpiresAt <= now ? Instant(facts.ExpiresAt) : null,
            facts.Refusal?.ToString(),
            facts.TakenHere ? "yes" : null,
            facts.InvoiceFollows ? "yes" : null,
            facts.Reason);
    }
}
