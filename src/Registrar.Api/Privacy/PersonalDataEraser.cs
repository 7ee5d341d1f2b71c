using Microsoft.Extensions.Options;
using Registrar.Api.Customers;
using Registrar.Api.Http;
using Registrar.Api.Operations;
using Registrar.Core.Lifecycle;
using Registrar.Core.Orders;
using Registrar.Core.Privacy;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;
using Registrar.Core.Telemetry;
using Registrar.Storage.Privacy;
using Registrar.Storage.Stores;

namespace Registrar.Api.Privacy;

/// <summary>
/// UA-Pre-6: erases one registration's personal data wherever they are kept (the lifecycle's state and history, the registrant
/// kept since a change, the notices and their mail log, its claims and customer requests, the order once no registration of
/// it still needs it with
/// the payer's data in the bank messages that paid it, the payer's data of its renewal invoices' payments, and the customer's
/// orders that lapsed unpaid), keeps every financial
/// record (invoices, their numbers and amounts, payments and their references), and leaves an audit entry under the
/// registration id.
/// </summary>
public sealed class PersonalDataEraser(
    IRegistrationViews views,
    IRegistrantRecords registrants,
    IOrderStore<Order> orders,
    INoticeStore<SendNotice> notices,
    IClaimStore claims,
    ICustomerRequestStore requests,
    UnpaidOrdersEraser unpaidOrders,
    PaymentRecordsEraser paymentRecords,
    IAuditLog<RegistrationAudit> audit,
    CustomerAccounts accounts,
    IIdempotencyKeyStore idempotency,
    IOptions<PrivacyOptions> options,
    TimeProvider clock)
{
    public const string Actor = "retention";
    public const string Action = "personal-data-erased";

    /// <summary>Erases what <paramref name="due"/> names; running it again rewrites nothing that still holds personal data.</summary>
    /// <returns>False, having erased nothing, while the host cannot erase the lifecycle's history yet
    /// (<see cref="ILifecycleHistoryEraser.EraseAsync"/>): a lifecycle still running could write the data again.</returns>
    public async Task<bool> EraseAsync(ErasureDue due, ILifecycleHistoryEraser history, CancellationToken ct)
    {
        // Ids and the ground only: what is erased never reaches a trace.
        using var activity = RegistrarTelemetry.Lifecycle.StartActivity("personal data erasure");
        activity?.SetTag("registrar.registration", due.RegistrationId);
        activity?.SetTag("registrar.erasure.ground", due.Ground.ToString());
        if (!await history.EraseAsync(due.RegistrationId, ct)) return false;
        await notices.EraseForRegistrationAsync(due.RegistrationId, n => (SendNotice)ErasedPersonalData.Erase(n), ct);
        await claims.EraseForRegistrationAsync(due.RegistrationId, ErasedPersonalData.Erase, ct);
        await requests.EraseForRegistrationAsync(due.RegistrationId, ErasedPersonalData.Erase, ct);
        await registrants.EraseAsync(due.RegistrationId, ct);
        var orderErased = await EraseOrderAsync(due, ct);
        await paymentRecords.EraseForRenewalsAsync(due.CustomerId, due.RegistrationId, ct);
        var now = clock.GetUtcNow();
        if (!await AccountStillNeededAsync(due, now, ct)) await accounts.EraseAsync(due.CustomerId, ct);
        await unpaidOrders.EraseAsync(due.CustomerId, ct);
        foreach (var scope in IdempotentRequests.CustomerScopes(due.CustomerId)) await idempotency.EraseAnswersAsync(scope, IdempotentRequests.ErasedAnswer, ct);
        await audit.AppendAsync(new AuditEntry<RegistrationAudit>(due.RegistrationId, now, Actor, Action,
            new RegistrationAudit(Actor, null, $"erasure:{due.Ground}:{due.RegistrationId}",
                $"UA-Pre-6: {Reason(due.Ground)}; personal data replaced, financial records kept{(orderErased ? "" : "; the order waits for its other registrations")}.")), ct);
        return true;
    }

    private static string Reason(ErasureGround ground) => ground == ErasureGround.ErasureRequest
        ? "a written erasure request ended the contract"
        : $"{PersonalDataRetention.YearsAfterContract} years passed since the registration ended";

    /// <summary>KZ-2.2: the account's contact e-mail is the customer's, not one registration's, and addresses all of them: it goes
    /// when the customer asked, or with the last registration whose data may no longer be kept (UA-Pre-6). An order placed later
    /// opens the account again.</summary>
    private async Task<bool> AccountStillNeededAsync(ErasureDue due, DateTimeOffset now, CancellationToken ct)
    {
        if (due.Ground == ErasureGround.ErasureRequest) return false;
        await foreach (var other in views.ListAsync(due.CustomerId, ct))
        {
            if (other.RegistrationId == due.RegistrationId) continue;
            var verdict = PersonalDataRetention.Judge(due with { RegistrationId = other.RegistrationId }, other, now, options.Value.TimeZone);
            if (verdict is not (ErasureVerdict.Erase or ErasureVerdict.NothingKept)) return true;
        }
        return false;
    }

    /// <summary>An order bills every registration made from it: its data go once none of them needs them any more.</summary>
    private async Task<bool> EraseOrderAsync(ErasureDue due, CancellationToken ct)
    {
        if (!RegistrationIds.TryOrderOf(due.RegistrationId, out var orderId)) return true;
        var now = clock.GetUtcNow();
        while (await orders.GetAsync(due.CustomerId, orderId, ct) is { } order)
        {
            for (var line = 0; line < order.Document.Lines.Count; line++)
            {
                var other = RegistrationIds.For(orderId, line);
                if (other == due.RegistrationId) continue;
                var verdict = PersonalDataRetention.Judge(due with { RegistrationId = other }, await views.FindAsync(other, ct), now, options.Value.TimeZone);
                if (verdict is not (ErasureVerdict.Erase or ErasureVerdict.NothingKept)) return false;
            }
            // The payer's data go first: an order still holding data is what a crash in between leaves to redo.
            await paymentRecords.EraseForInvoiceAsync(order.Document.InvoiceNumber, ct);
            try
            {
                await orders.ReplaceDocumentAsync(order, ErasedPersonalData.Erase(order.Document), ct);
            }
            catch (Storage.Tables.ConcurrencyConflictException)
            {
                // Changed meanwhile: erase it as it is now.
                continue;
            }
            return true;
        }
        return true;
    }
}
