namespace Registrar.Core.Registrations;

/// <summary>KZ-3.2, UA-1.5.3: the renewal paid by <paramref name="InvoiceNumber"/> was never carried out (the domain left for
/// another registrar, or the registry deleted it, first), so what was paid is a prepayment for a service not rendered. It
/// becomes a held payment (UA-3.2) that operations refund or apply to another invoice through the audited held-payment flows.
/// Its reference derives from the invoice, so carrying the command out again holds the money once.</summary>
public sealed record HoldUnrenderedRenewalPayment(string CommandId, string RegistrationId, string InvoiceNumber)
    : RegistrationCommand(CommandId, RegistrationId)
{
    public override CommandRoute Route => CommandRoute.Billing;

    /// <summary>The held payment's reference: one per invoice, never a bank's (those are "{bank}:{reference}").</summary>
    public static string ReferenceFor(string invoiceNumber) => "renewal-not-rendered:" + invoiceNumber;
}
