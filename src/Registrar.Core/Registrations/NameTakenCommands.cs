namespace Registrar.Core.Registrations;

/// <summary>KZ-2.1: the customer chose another name for a name taken before it was registered. What was paid for this
/// registration stays held, as a held payment (UA-3.2) that operations apply to the invoice of the customer's new order,
/// or refund, through the audited held-payment flows. Its reference derives from the registration, so carrying the
/// command out again, or a repeated choice, holds the money once.</summary>
public sealed record HoldPaymentForAnotherName(string CommandId, string RegistrationId, string CustomerId, string OrderId)
    : RegistrationCommand(CommandId, RegistrationId)
{
    public override CommandRoute Route => CommandRoute.Billing;

    /// <summary>The held payment's reference: one per registration, never a bank's (those are "{bank}:{reference}").</summary>
    public static string ReferenceFor(string registrationId) => "name-taken:" + registrationId;
}
