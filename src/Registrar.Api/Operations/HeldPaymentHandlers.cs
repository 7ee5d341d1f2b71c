using Microsoft.AspNetCore.Http;
using Registrar.Api.Claims;
using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.Payments.Invoices;
using Registrar.Storage.Stores;

namespace Registrar.Api.Operations;

/// <summary>Held payments (UA-3.2) for operations: the list, and applying, moving or refunding one, each once.</summary>
public sealed class HeldPaymentHandlers(
    ClientAuthenticator authenticator, IHeldPaymentStore held, ApplyHeldPaymentFlow apply, RefundHeldPaymentFlow refund)
{
    // Bank references are "{bank}:{reference}"; escaped, this keeps them inside a table key (1 KiB).
    private const int MaxReferenceLength = 255;
    private const int MaxInvoiceNumberLength = 64;

    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken ct)
    {
        if (authenticator.Authenticate(request, ApiClientRole.Operations).Problem is { } problem) return problem;
        var payments = new List<HeldPaymentView>();
        await foreach (var payment in held.ListHeldAsync(ct)) payments.Add(HeldPaymentView.Of(payment));
        return new PrivateResult(TypedResults.Ok(payments.OrderBy(p => p.HeldAt).ToList()));
    }

    public async Task<IResult> ApplyAsync(HttpRequest request, string reference, CancellationToken ct)
    {
        var operations = authenticator.Authenticate(request, ApiClientRole.Operations);
        if (operations.Problem is not null) return operations.Problem;
        if (!IsReference(reference)) return Problems.Missing("That held payment");
        var body = await StrictJson.ReadAsync<ApplyHeldPayment>(request, ct);
        if (body.Problem is not null) return body.Problem;
        var errors = CheckApply(body.Value!);
        if (errors.Count > 0) return Problems.Validation(errors);

        return await apply.ApplyAsync(reference, body.Value! with { InvoiceNumber = body.Value.InvoiceNumber.Trim() }, operations.Principal!.Name, ct);
    }

    public async Task<IResult> RefundAsync(HttpRequest request, string reference, CancellationToken ct)
    {
        var operations = authenticator.Authenticate(request, ApiClientRole.Operations);
        if (operations.Problem is not null) return operations.Problem;
        if (!IsReference(reference)) return Problems.Missing("That held payment");
        var body = await StrictJson.ReadAsync<RefundHeldPayment>(request, ct);
        if (body.Problem is not null) return body.Problem;
        var value = body.Value!;
        var errors = CheckRefund(value, out var amount);
        if (errors.Count > 0) return Problems.Validation(errors);

        return await refund.RefundAsync(reference, value with { BankReference = value.BankReference.Trim() }, amount, operations.Principal!.Name, ct);
    }

    /// <summary>What keeps an application from being kept, by field (the API and the operations page check the same).</summary>
    public static Dictionary<string, string[]> CheckApply(ApplyHeldPayment apply)
    {
        var errors = new Dictionary<string, string[]>();
        StoredText.Check(errors, "invoiceNumber", StoredText.LineRefusal(apply.InvoiceNumber, MaxInvoiceNumberLength));
        // A number no invoice can have is the request's fault (a 400 naming it), not an invoice that does not exist (a 404).
        if (!errors.ContainsKey("invoiceNumber") && !InvoiceNumber.TryParse(apply.InvoiceNumber.Trim(), out _))
            errors["invoiceNumber"] = ["Not an invoice number: a series, year and month, sequence and check digit, as in KZ-2611-00042-7."];
        StoredText.Check(errors, "reason", StoredText.TextRefusal(apply.Reason));
        return errors;
    }

    /// <summary>What keeps a refund from being kept, by field, and the amount it names.</summary>
    public static Dictionary<string, string[]> CheckRefund(RefundHeldPayment refund, out decimal amount)
    {
        var errors = new Dictionary<string, string[]>();
        // Digits with an optional dot and decimals: nothing a culture, a sign or an exponent could change.
        if (!Core.Money.AmountText.TryParse(refund.Amount, out amount)) errors["amount"] = [$"An amount as text, {Core.Money.AmountText.Rule}."];
        // A transfer is made in whole minor units: an amount finer than its currency is the request's fault, never a refund's limit.
        else if (Core.Money.Currency.TryFromCode(refund.Currency, out var currency) && decimal.Round(amount, currency.MinorUnits) != amount)
            errors["amount"] = [$"{currency.Code} has {currency.MinorUnits} decimals: a refund is sent in whole minor units."];
        if (!Core.Money.Currency.IsIsoCode(refund.Currency))
            errors["currency"] = ["An ISO 4217 code, upper case: \"KZT\"."];
        StoredText.Check(errors, "bankReference", StoredText.LineRefusal(refund.BankReference, StoredText.MaxReferenceLength));
        StoredText.Check(errors, "reason", StoredText.TextRefusal(refund.Reason));
        return errors;
    }

    public static bool IsReference(string reference) => reference.Length <= MaxReferenceLength && !reference.Any(char.IsControl);
}
