using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Registrar.Core.Json;
using Registrar.Core.Money;

namespace Registrar.Payments.Notifications;

/// <summary>
/// Maps a monobank acquiring webhook (the invoice status object) to a credit. monobank posts on every
/// status change (created, processing, hold, success, failure, reversed…); only <c>success</c> is money
/// received, and <c>reversed</c> is that money taken back: a reversal, which operations must see as they see a camt.054
/// one (UA-3.2), never one more status to ignore. Fields beyond the ones read are ignored: the signature already authenticates the whole
/// body, and monobank adds optional fields over time. No member may be given twice, in any object of the body.
/// </summary>
public static class MonobankWebhookParser
{
    private const string Success = "success";
    private const string Reversed = "reversed";

    // ISO 4217 numeric codes monobank uses; any other code is passed on as its number so the payment is
    // held as wrong-currency rather than refused.
    private static readonly FrozenDictionary<int, string> AlphaCodes =
        new Dictionary<int, string> { [980] = "UAH", [398] = "KZT", [840] = "USD", [978] = "EUR" }.ToFrozenDictionary();

    public static NotificationReadResult Parse(string bankId, ReadOnlySpan<byte> body)
    {
        try
        {
            // Two "amount"s or two "status"es make the money ambiguous: refused naming the member, never one of them chosen.
            using var document = JsonDocument.Parse(body.ToArray(), DuplicateMembers.RefusedIn(maxDepth: 16));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Malformed("The webhook body must be a JSON object (monobank's invoice status).");

            var invoiceId = RequiredString(root, "invoiceId");
            var status = RequiredString(root, "status");
            if (status is not (Success or Reversed))
                return NotificationReadResult.Accepted([], [$"monobank invoice {invoiceId}: status '{status}', not a completed payment"]);

            var numericCurrency = RequiredInteger(root, "ccy");
            if (numericCurrency is < 1 or > 999)
                return Malformed($"monobank invoice {invoiceId}: 'ccy' {numericCurrency} is not an ISO 4217 numeric code.");
            var currency = CurrencyCode((int)numericCurrency);
            // A reversal takes back the payment, whose amount is the invoice's: what it keeps (finalAmount) is then none.
            var minorUnits = status == Success && root.TryGetProperty("finalAmount", out var final) && final.ValueKind != JsonValueKind.Null
                ? Integer(final, "finalAmount")
                : RequiredInteger(root, "amount");
            if (minorUnits <= 0)
                return NotificationReadResult.Rejected(NotificationRejectionReason.InvalidAmount, $"monobank invoice {invoiceId}: amount {minorUnits} is not positive.");
            // UAH and KZT have two minor units; so have the other currencies monobank settles in.
            var digits = Currency.TryFromCode(currency, out var known) ? known.MinorUnits : 2;
            var amount = minorUnits / (decimal)Math.Pow(10, digits);

            var modified = RequiredString(root, "modifiedDate");
            if (!IsoDateTimes.TryReadInstant(modified, out var bookedAt))
                return Malformed($"monobank invoice {invoiceId}: 'modifiedDate' '{modified}' is not an ISO 8601 date-time.");

            var purpose = string.Join(" ", new[] { OptionalString(root, "reference"), OptionalString(root, "destination") }.OfType<string>());
            var maskedPan = root.TryGetProperty("paymentInfo", out var info) && info.ValueKind == JsonValueKind.Object ? OptionalString(info, "maskedPan") : null;

            // KZ-3.5, UA-3.4: the moment monobank completed the payment (its status change) is the payment instant.
            var credit = new BankCreditNotification(bankId, invoiceId, amount, currency, bookedAt, null, maskedPan, purpose, invoiceId);
            // Under the payment's own reference and money, so the reversal finds the credit it takes back and the invoice it paid.
            return status == Success ? NotificationReadResult.Accepted([credit], []) : NotificationReadResult.Accepted([], [credit], [], []);
        }
        catch (JsonException e)
        {
            return Malformed(DuplicateMembers.Describe(e) is { } duplicate
                ? $"The webhook is ambiguous (RFC 8259 section 4): {duplicate}"
                : $"The body is not valid JSON: {e.Message}");
        }
        catch (FieldException e)
        {
            return NotificationReadResult.Rejected(e.Reason, e.Message);
        }
        catch (InvalidOperationException e)
        {
            return Malformed(StrictJsonCreditParser.NotUtf8(e));
        }
    }

    private static string CurrencyCode(int numeric) =>
        AlphaCodes.TryGetValue(numeric, out var alpha) ? alpha : numeric.ToString("D3", CultureInfo.InvariantCulture);

    private static string RequiredString(JsonElement root, string name) =>
        OptionalString(root, name) ?? throw new FieldException($"Required field '{name}' is missing or empty.");

    private static string? OptionalString(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind != JsonValueKind.String)
            throw new FieldException($"'{name}' must be a string, not {value.ValueKind}.");
        var text = value.GetString();
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    private static long RequiredInteger(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? Integer(value, name) : throw new FieldException($"Required field '{name}' is missing.");

    private static long Integer(JsonElement value, string name)
    {
        if (value.ValueKind != JsonValueKind.Number)
            throw new FieldException($"'{name}' must be a number, not {value.ValueKind}.");
        if (value.TryGetInt64(out var integer))
            return integer;
        throw new FieldException($"'{name}' {value.GetRawText()} must be a whole number of minor units (kopecks).", NotificationRejectionReason.AmountPrecision);
    }

    private static NotificationReadResult Malformed(string message) =>
        NotificationReadResult.Rejected(NotificationRejectionReason.Malformed, message);

    private sealed class FieldException(string message, NotificationRejectionReason reason = NotificationRejectionReason.Malformed)
        : Exception(message)
    {
        public NotificationRejectionReason Reason { get; } = reason;
    }
}
