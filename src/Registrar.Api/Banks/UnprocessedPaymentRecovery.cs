using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registrar.Payments.Camt054;
using Registrar.Payments.Notifications;
using Registrar.Storage.Stores;

namespace Registrar.Api.Banks;

/// <summary>
/// Finishes credits that were recorded but never processed: the host died between keeping the
/// notification and applying it, and the bank may not send it again. Each is read again from the
/// verbatim body (its signature was checked when it arrived) and applied, idempotently.
/// </summary>
public sealed class UnprocessedPaymentRecovery(
    IPaymentStore payments,
    Camt054Reader camt054,
    IOptions<BankOptions> banks,
    PaymentProcessor processor,
    TimeProvider clock,
    ILogger<UnprocessedPaymentRecovery> logger)
{
    /// <summary>Younger notifications may still be in the hands of the request that recorded them.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    public async Task<int> RecoverAsync(CancellationToken ct)
    {
        var recovered = 0;
        await foreach (var stored in payments.ListUnprocessedAsync(ct))
        {
            var notification = stored.Document;
            if (clock.GetUtcNow() - notification.ReceivedAt < Grace) continue;
            var bankId = notification.BankReference[..notification.BankReference.IndexOf(':')];
            var credit = Reread(bankId, notification).Credits
                .FirstOrDefault(c => $"{c.BankId}:{c.TransactionReference}" == notification.BankReference);
            if (credit is null)
            {
                logger.LogError("Recorded payment {Reference} cannot be read again from its body; operations must look at it", notification.BankReference);
                continue;
            }
            await processor.ApplyAsync(credit, notification.RawBody, notification.ContentType, ct);
            logger.LogWarning("Recovered payment {Reference}, recorded at {ReceivedAt} but not processed", notification.BankReference, notification.ReceivedAt);
            recovered++;
        }
        return recovered;
    }

    private NotificationReadResult Reread(string bankId, PaymentNotification notification)
    {
        var body = Encoding.UTF8.GetBytes(notification.RawBody);
        return notification.ContentType switch
        {
            BankNotificationFormats.Camt054 => camt054.Read(bankId, body, banks.Value.TryTimeZone(bankId, out var timeZone) ? timeZone : TimeZoneInfo.Utc),
            BankNotificationFormats.HmacJson => StrictJsonCreditParser.Parse(bankId, body),
            BankNotificationFormats.EcdsaJson => MonobankWebhookParser.Parse(bankId, body),
            _ => NotificationReadResult.Rejected(NotificationRejectionReason.Malformed, $"Unknown recorded format '{notification.ContentType}'."),
        };
    }
}

/// <summary>How a recorded notification's body is to be read again.</summary>
public static class BankNotificationFormats
{
    public const string Camt054 = "camt.054";
    public const string HmacJson = "hmac-json";
    public const string EcdsaJson = "ecdsa-json";
}
