using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Registrar.Core.Calendars;
using Registrar.Core.Contracts;
using Registrar.Core.Money;
using Registrar.Core.Notices;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;
using Registrar.Core.Zones;

namespace Registrar.Mail.Tests;

/// <summary>The composer as the hosts build it, on the shipped zones and calendars, with a clock the test moves.</summary>
internal sealed class NoticeTestComposer
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Every figure a notice can show, each with the text the customer reads in a .kz notice (Almaty, UTC+5).</summary>
    public static readonly NoticeFacts FullFacts = new(
        ExpiresAt: new DateTimeOffset(2027, 6, 1, 4, 30, 0, TimeSpan.Zero),
        PayBy: new DateTimeOffset(2027, 5, 27, 0, 0, 0, TimeSpan.FromHours(5)),
        DeletionAt: new DateTimeOffset(2027, 6, 29, 4, 30, 0, TimeSpan.Zero),
        InvoiceNumber: "KZ-2705-00042-7",
        NameServers: ["ns1.example.net", "ns2.example.net"],
        ContactEmail: "new-owner@example.org",
        Clause: "2.3.1.4",
        Document: "Court ruling 2-123/2026",
        TransferCodeOf: "O00000000000000a1-1-2",
        TransferRefusals: [TransferRefusalReason.RegistryBan, TransferRefusalReason.UnpaidInvoices],
        Rules: ["KZ-App-9"],
        Refusal: RequestRefusalReason.RegistrantChangeAwaitsPayment,
        Amount: Money.Of(12_500m, Currency.Kzt),
        Reason: "The mark's word element is <b>SHOPS</b>, not shop");

    public const string ExpiresAtText = "2027-06-01 09:30 (UTC+5)";
    // KZ-2.7: late from midnight on the 27th, so payable through the 26th.
    public const string PayByText = "2027-05-26 23:59 (UTC+5)";
    public const string DeletionAtText = "2027-06-29 09:30 (UTC+5)";
    public const string AmountText = "12500.00 KZT";

    public NoticeTestComposer(Dictionary<string, string>? languageByZone = null, IContactAddresses? addresses = null)
    {
        var options = new NoticeOptions
        {
            SetPasswordUrl = "https://panel.test/set-password",
            SetPasswordSigningKey = Convert.ToBase64String(new byte[32]),
            RequestConfirmationUrl = "https://panel.test/confirm-request",
            RequestConfirmationSigningKey = Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray()),
        };
        if (languageByZone is not null) options.LanguageByZone = languageByZone;
        Links = new SetPasswordLinks(Options.Create(options), Uses, Clock, addresses);
        Confirmations = new RequestConfirmationLinks(Options.Create(options), Uses, Clock, addresses);
        Composer = new NoticeComposer(Options.Create(options), Links, Confirmations, TransferCodes, ZoneCatalog.LoadEmbedded(), BusinessCalendars.LoadEmbedded());
    }

    public FakeTimeProvider Clock { get; } = new(Now);
    public InMemoryLinkUses Uses { get; } = new();
    public SetPasswordLinks Links { get; }
    public RequestConfirmationLinks Confirmations { get; }
    public NoticeComposer Composer { get; }

    /// <summary>KZ-App-9: the same key the registry flow would set the code with.</summary>
    public TransferCodes TransferCodes { get; } = new(Convert.ToBase64String(Enumerable.Repeat((byte)9, 32).ToArray()));

    public static SendNotice Notice(NoticeKind kind, string zone = "kz", string domain = "пример.kz", NoticeFacts? facts = null, string? language = null) =>
        new("O00000000000000a1-1-3", "O00000000000000a1-1", kind, "cust-7", "owner@example.org", zone, domain, facts, language);
}

/// <summary>The single-use link store as a set: the first use of an id is recorded, any later one refused.</summary>
internal sealed class InMemoryLinkUses : ISingleUseLinkStore
{
    private readonly HashSet<string> _used = [];

    public Task<bool> TryUseAsync(string linkId, DateTimeOffset usedAt, CancellationToken ct) => Task.FromResult(_used.Add(linkId));

    public Task<bool> WasUsedAsync(string linkId, CancellationToken ct) => Task.FromResult(_used.Contains(linkId));
}
