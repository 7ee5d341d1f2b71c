using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Registrar.Api.Operations.Page;

/// <summary>The operations page's actions on a held payment (UA-3.2): the API's flows, checked the same way and audited under
/// the operations client and the person signed in.</summary>
public sealed class HeldPaymentPageHandlers(
    OperationsPageHandlers page, OperationsPagePaths paths, ApplyHeldPaymentFlow apply, RefundHeldPaymentFlow refund)
{
    public async Task<IResult> ApplyAsync(HttpRequest request, string reference, CancellationToken ct)
    {
        var (actor, refused) = await page.CheckPostAsync(request, ct);
        if (refused is not null) return refused;
        if (!HeldPaymentHandlers.IsReference(reference)) return paths.ErrorPage(StatusCodes.Status404NotFound, "No held payment has that reference.");
        var form = await request.ReadFormAsync(ct);
        var input = new ApplyHeldPayment(form["invoiceNumber"].ToString(), form["reason"].ToString());
        if (Refusal(HeldPaymentHandlers.CheckApply(input)) is { } invalid) return invalid;
        return Outcome(await apply.ApplyAsync(reference, input with { InvoiceNumber = input.InvoiceNumber.Trim() }, actor!.Name, ct));
    }

    public async Task<IResult> RefundAsync(HttpRequest request, string reference, CancellationToken ct)
    {
        var (actor, refused) = await page.CheckPostAsync(request, ct);
        if (refused is not null) return refused;
        if (!HeldPaymentHandlers.IsReference(reference)) return paths.ErrorPage(StatusCodes.Status404NotFound, "No held payment has that reference.");
        var form = await request.ReadFormAsync(ct);
        var input = new RefundHeldPayment(form["amount"].ToString(), form["currency"].ToString(), form["bankReference"].ToString(), form["reason"].ToString());
        if (Refusal(HeldPaymentHandlers.CheckRefund(input, out var amount)) is { } invalid) return invalid;
        return Outcome(await refund.RefundAsync(reference, input with { BankReference = input.BankReference.Trim() }, amount, actor!.Name, ct));
    }

    private IResult? Refusal(Dictionary<string, string[]> errors) => errors.Count == 0
        ? null
        : paths.ErrorPage(StatusCodes.Status400BadRequest, string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));

    /// <summary>The flow's answer as the page shows it: back to the overview when done, the problem's detail when not.</summary>
    private IResult Outcome(IResult result) => result is IStatusCodeHttpResult { StatusCode: >= 400 and var status }
        ? paths.ErrorPage(status, (result as ProblemHttpResult)?.ProblemDetails.Detail ?? "Not done.")
        : Results.Redirect(paths.Home + "#held-payments");
}
