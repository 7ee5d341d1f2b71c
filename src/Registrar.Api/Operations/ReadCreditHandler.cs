using Microsoft.AspNetCore.Http;
using Registrar.Api.Claims;
using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.Core.Money;
using Registrar.Payments.Notifications;

namespace Registrar.Api.Operations;

/// <summary>POST /api/ops/review/{itemId}/credits: operations read a credit of a bank message that could not be read (UA-3.2).</summary>
public sealed class ReadCreditHandler(ClientAuthenticator authenticator, ReadCreditFlow flow)
{
    private const int MaxPurposeLength = 500;

    public async Task<IResult> HandleAsync(HttpRequest request, string itemId, CancellationToken ct)
    {
        var operations = authenticator.Authenticate(request, ApiClientRole.Operations);
        if (operations.Problem is not null) return operations.Problem;
        if (itemId.Length > OperationsHandlers.MaxReviewItemIdLength || itemId.Any(char.IsControl)) return Problems.Missing("That review item");
        var body = await StrictJson.ReadAsync<ReadCredit>(request, ct);
        if (body.Problem is not null) return body.Problem;
        var read = body.Value!;
        var errors = Check(read, out var amount, out var bookedAt);
        if (errors.Count > 0) return Problems.Validation(errors);

        return await flow.ReadAsync(itemId, read with { BankReference = read.BankReference.Trim() }, amount, bookedAt, operations.Principal!.Name, ct);
    }

    /// <summary>What keeps the credit read from being judged, by field, and the amount and booking time it names.</summary>
    public static Dictionary<string, string[]> Check(ReadCredit read, out decimal amount, out DateTimeOffset bookedAt)
    {
        var errors = new Dictionary<string, string[]>();
        StoredText.Check(errors, "bankReference", StoredText.LineRefusal(read.BankReference, StoredText.MaxReferenceLength));
        if (!AmountText.TryParse(read.Amount, out amount) || amount <= 0m)
            errors["amount"] = [$"The amount credited, above zero, as text: {AmountText.Rule}."];
        if (!Currency.IsIsoCode(read.Currency))
            errors["currency"] = ["An ISO 4217 code, upper case: \"KZT\"."];
        else if (Currency.TryFromCode(read.Currency, out var currency) && decimal.Round(amount, currency.MinorUnits) != amount)
            errors["amount"] = [$"{read.Currency} has {currency.MinorUnits} decimals."];
        // KZ-3.5, UA-3.4: the instant decides whether the money came in time, so it is never read in some assumed zone.
        if (read.BookedAt is null || !IsoDateTimes.TryReadInstant(read.BookedAt, out bookedAt))
        {
            bookedAt = default;
            errors["bookedAt"] = ["The bank's booking time, ISO 8601 with its offset: \"2027-01-05T10:30:00+05:00\"."];
        }
        StoredText.Check(errors, "paymentPurpose", StoredText.LineRefusal(read.PaymentPurpose, MaxPurposeLength));
        StoredText.Check(errors, "reason", StoredText.TextRefusal(read.Reason));
        return errors;
    }

}
