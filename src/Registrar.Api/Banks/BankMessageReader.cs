using Microsoft.Extensions.Options;
using Registrar.Payments.Camt054;
using Registrar.Payments.Notifications;
using Registrar.Storage.Stores;

namespace Registrar.Api.Banks;

/// <summary>Reads a recorded bank message's entries from its stored bytes, in the format it was recorded with.</summary>
public sealed class BankMessageReader(Camt054Reader camt054, IOptions<BankOptions> banks)
{
    public NotificationReadResult Read(BankMessage message, byte[] body) => message.Format switch
    {
        // A booking time without an offset is the bank's local time (KZ-3.5, UA-3.4): read in another zone, it would move a
        // payment by hours, across an invoice's due instant. A bank no longer configured leaves its message to operations.
        BankNotificationFormats.Camt054 => banks.Value.TryTimeZone(message.BankId, out var timeZone)
            ? camt054.Read(message.BankId, body, timeZone, message.Charset)
            : NotificationReadResult.Rejected(NotificationRejectionReason.UnknownBank,
                $"Bank '{message.BankId}' is no longer configured, so the time zone its booking times are written in is not known."),
        BankNotificationFormats.HmacJson => StrictJsonCreditParser.Parse(message.BankId, body),
        BankNotificationFormats.EcdsaJson => MonobankWebhookParser.Parse(message.BankId, body),
        _ => NotificationReadResult.Rejected(NotificationRejectionReason.Malformed, $"Unknown recorded format '{message.Format}'."),
    };
}
