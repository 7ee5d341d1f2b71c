using System.Text;
using System.Text.Json;

namespace Registrar.Payments.Notifications;

/// <summary>
/// The registrar's own JSON credit notification (one credit per message), read strictly: every field is
/// known, none repeats, types are exact, and amounts carry no more decimals than their currency.
/// <code>
/// { "transactionReference": "HB-77812", "amount": "15000.00", "currency": "KZT",
///   "bookedAt": "2026-11-24T10:15:00+05:00", "paymentPurpose": "Оплата по счету KZ-2611-00042-7",
///   "payerName": "ТОО Ромашка", "payerAccount": "KZ22722S000015813162", "messageId": "MSG-1" }
/// </code>
/// </summary>
public static class StrictJsonCreditParser
{
    private static readonly string[] Required = ["transactionReference", "amount", "currency", "bookedAt", "paymentPurpose"];
    private static readonly string[] Optional = ["payerName", "payerAccount", "messageId"];
    private const int MaxTextLength = 1024;

    public static NotificationReadResult Parse(string bankId, ReadOnlySpan<byte> body)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 2 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return Malformed("The body must be one JSON object.");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString()!;
                if (!Required.Contains(name) && !Optional.Contains(name))
                    return NotificationReadResult.Rejected(NotificationRejectionReason.UnknownField,
                        $"Field '{name}' is not part of the notification; allowed: {string.Join(", ", Required.Concat(Optional))}.");
                if (fields.ContainsKey(name))
                    return Malformed($"Field '{name}' appears twice.");
                reader.Read();
                var value = ReadValue(ref reader, name, out var error);
                if (error is not null)
                    return Malformed(error);
                fields[name] = value;
            }
            if (reader.Read())
                return Malformed("Nothing may follow the JSON object.");
        }
        catch (JsonException e)
        {
            return Malformed($"The body is not valid JSON: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            return Malformed(NotUtf8(e));
        }

        var missing = Required.Where(r => fields.GetValueOrDefault(r) is null).ToList();
        if (missing.Count > 0)
            return Malformed($"Missing required field(s): {string.Join(", ", missing)}.");
        return Build(bankId, fields);
    }

    /// <summary>RFC 8259 section 8.1: JSON exchanged between systems is UTF-8. The reader checks a string's bytes only as it decodes
    /// them, so bytes of another encoding, or an escaped lone surrogate, are found there.</summary>
    internal static string NotUtf8(InvalidOperationException e) => $"The body is not UTF-8 JSON text (RFC 8259 section 8.1): {e.Message}";

    private static NotificationReadResult Build(string bankId, Dictionary<string, string?> fields)
    {
        var currency = fields["currency"]!;
        if (!Core.Money.Currency.IsIsoCode(currency))
            return Malformed($"'currency' '{currency}' is not an ISO 4217 code (three capital letters).");
        if (!ReportedAmount.TryRead(fields["amount"]!, currency, AmountSyntax.Plain, out var amount, out var amountError))
            return NotificationReadResult.Rejected(amountError!);
        var bookedAtText = fields["bookedAt"]!;
        if (!IsoDateTimes.TryReadInstant(bookedAtText, out var bookedAt))
            return Malformed($"'bookedAt' '{bookedAtText}' must be an ISO 8601 date-time with an offset, e.g. 2026-11-24T10:15:00+05:00.");
        var reference = fields["transactionReference"]!;
        if (string.IsNullOrWhiteSpace(reference))
            return Malformed("'transactionReference' is empty; it identifies the credit at the bank.");

        var credit = new BankCreditNotification(bankId, reference, amount, currency, bookedAt,
            fields.GetValueOrDefault("payerName"), fields.GetValueOrDefault("payerAccount"),
            fields["paymentPurpose"]!, fields.GetValueOrDefault("messageId") ?? reference);
        return NotificationReadResult.Accepted([credit], []);
    }

    private static string? ReadValue(ref Utf8JsonReader reader, string name, out string? error)
    {
        error = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                var text = reader.GetString()!;
                if (text.Length > MaxTextLength)
                    error = $"'{name}' is longer than {MaxTextLength} characters.";
                return text;
            case JsonTokenType.Number when name == "amount":
                return Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.Null when Optional.Contains(name):
                return null;
            default:
                error = name == "amount"
                    ? "'amount' must be a JSON string or number, e.g. \"15000.00\"."
                    : $"'{name}' must be a JSON string, not {reader.TokenType}.";
                return null;
        }
    }

    private static NotificationReadResult Malformed(string message) =>
        NotificationReadResult.Rejected(NotificationRejectionReason.Malformed, message);
}
