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
        BankNotificationFormats.Camt054 => camt054.Read(message.BankId, body,
            banks.Value.TryTimeZone(message.BankId, out var timeZone) ? timeZone : TimeZoneInfo.Utc),
        BankNotificationFormats.HmacJson => StrictJsonCreditParser.Parse(message.BankId, body),
        BankNotificationFormats.EcdsaJson => MonobankWebhookParser.Parse(message.BankId, body),
        _ => NotificationReadResult.Rejected(NotificationRejectionReason.Malformed, $"Unknown recorded format '{message.Format}'."),
    };
}
