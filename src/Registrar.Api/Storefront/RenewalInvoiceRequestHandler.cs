using Microsoft.AspNetCore.Http;
using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.Core.Lifecycle;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Core.Tariffs;
using Registrar.Storage.Stores;

namespace Registrar.Api.Storefront;

/// <summary>
/// POST /api/registrations/{registrationId}/renewal-invoice — KZ-2.7: the customer asks in advance for the renewal invoice
/// of the current term, and the registration issues it now, as its schedule would, and mails it to the contact e-mail.
/// An invoice of this registration's renewal still open is the answer instead (200, the invoice): a repeat never issues a
/// second one, and the registration, which issues one at a time, holds to that when two requests cross.
/// No confirmation link or session is asked for, unlike the change requests of KZ-2.3, KZ-5.3 and UA-4.7: an invoice
/// request changes nothing at the registry or in the contract, the invoice goes only to the contact e-mail the registration
/// holds and to this customer's own invoice list, and the schedule issues the same invoice unasked; a link would only
/// spend days of the KZ-3.3 payment window.
/// </summary>
public sealed class RenewalInvoiceRequestHandler(
    ClientAuthenticator authenticator, IRegistrationViews views, IInvoiceStore<Invoice> invoices, RenewalInvoiceChecks checks,
    ILifecycleEvents<RegistrationEvent> registrations, TimeProvider clock)
{
    /// <summary>Where the invoice is found once issued.</summary>
    private const string InvoicesPath = "/api/invoices";

    public async Task<IResult> RequestAsync(HttpRequest request, string registrationId, CancellationToken ct)
    {
        var customer = authenticator.AuthenticateCustomer(request);
        if (customer.Problem is not null) return customer.Problem;
        if (!RegistrationIds.IsWellFormed(registrationId)) return RegistrationProblems.Unknown();
        var view = await views.GetAsync(customer.Principal!, registrationId, ct);
        if (view is null) return RegistrationProblems.Unknown(registrationId);
        if (checks.NotHeld(view) is { } notHeld) return notHeld;
        if (RenewalInvoiceChecks.ContractEnding(view) is { } ending) return ending;
        var now = clock.GetUtcNow();
        if (await OpenRenewalInvoiceAsync(customer.Principal!, registrationId, now, ct) is { } open)
            return new PrivateResult(TypedResults.Ok(CustomerInvoiceView.From(open, now)));
        if (checks.PastRegistryMaximum(view, now) is { } pastMaximum) return pastMaximum;
        if (checks.PastDeadline(view, now) is { } late) return late;

        var requestId = $"rir-{Guid.NewGuid():N}";
        var eventId = $"renewal-invoice-request:{requestId}";
        await registrations.RaiseAsync(registrationId, eventId, new RenewalInvoiceRequested(eventId, requestId, now), ct);
        return TypedResults.Accepted(InvoicesPath, new RenewalInvoiceRequestView(requestId, registrationId, now, InvoicesPath));
    }

    /// <summary>The renewal invoice of this registration still payable now: a registrant change's invoice (KZ-2.4), which
    /// travels the same path, renews nothing and is not one.</summary>
    private async Task<Invoice?> OpenRenewalInvoiceAsync(string customerId, string registrationId, DateTimeOffset now, CancellationToken ct)
    {
        await foreach (var invoice in invoices.ListByAccountAsync(customerId, ct))
        {
            if (invoice.Renewal is { Operation: TariffOperation.Renew or TariffOperation.RedemptionRenewal } renewal
                && renewal.RegistrationId == registrationId && invoice.StatusAt(now) == InvoiceStatus.Open)
                return invoice;
        }
        return null;
    }
}

/// <summary>KZ-2.7: a renewal invoice request the registration was given; the invoice is mailed to the contact e-mail and
/// listed at <paramref name="Invoices"/> once issued.</summary>
public sealed record RenewalInvoiceRequestView(string RequestId, string RegistrationId, DateTimeOffset RequestedAt, string Invoices);
