using Microsoft.Extensions.Logging;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Core.Telemetry;
using Registrar.Storage.Stores;

namespace Registrar.Api.Billing;

/// <summary>
/// Carries out <see cref="CancelRenewalInvoice"/> (UA-1.7, UA-6.1): an open renewal invoice whose renewal an earlier invoice paid,
/// or a notice ended the contract before, is cancelled, so a payment of it is held (<c>InvoiceCancelled</c>) rather than taken for a renewal already bought. One paid
/// meanwhile stays paid: its payment reaches the registration, which flags the money for operations. Carrying it out again
/// finds the invoice cancelled and changes nothing.
/// </summary>
public sealed class CancelRenewalInvoiceFlow(IInvoiceStore<Invoice> invoices, TimeProvider clock, ILogger<CancelRenewalInvoiceFlow> logger)
{
    public async Task CarryOutAsync(CancelRenewalInvoice command, CancellationToken ct)
    {
        using var activity = RegistrarTelemetry.Lifecycle.StartActivity("cancel renewal invoice");
        activity?.SetTag("registrar.registration", command.RegistrationId);
        activity?.SetTag("registrar.invoice", command.InvoiceNumber);
        var outcome = await invoices.ChangeAsync(command.InvoiceNumber,
            invoice => invoice.Status == InvoiceStatus.Open && invoice.Renewal?.RegistrationId == command.RegistrationId
                ? invoice.Cancelled(clock.GetUtcNow(), command.PaidInvoice, command.EndingRule)
                : null, ct)
            ?? throw new InvalidOperationException($"Renewal invoice {command.InvoiceNumber} to be cancelled cannot be read.");
        if (outcome.Changed)
            logger.LogInformation("Renewal invoice {Invoice} of {Registration} cancelled: {Reason}",
                command.InvoiceNumber, command.RegistrationId, outcome.Invoice.Cancellation!.Reason);
    }
}
