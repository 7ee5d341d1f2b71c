using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registrar.Api.Billing;
using Registrar.Api.Customers;
using Registrar.Api.Privacy;
using Registrar.Core.Lifecycle;
using Registrar.Core.Notices;
using Registrar.Core.Operations;
using Registrar.Core.Privacy;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;
using Registrar.Core.Telemetry;
using Registrar.Mail;
using Registrar.Registry;
using Registrar.Storage.Stores;

namespace Registrar.Api.Lifecycle;

/// <summary>
/// Carries out what the registration decider asked for, in either host. Each command is
/// idempotent by its id: a registry answer (or a command the registry's greeting cannot serve) is raised as an event whose
/// id is the command's, a
/// notice is claimed before it is mailed and never mailed twice, a flag is added to the review
/// list once, a renewal invoice is numbered once and its number raised under the command's id, an erased transfer code stays
/// erased, the money of a name taken is held once (its reference derives from the registration).
/// </summary>
public sealed class RegistrationCommandHandler(
    RegistryCommandRunner registry,
    INoticeStore<SendNotice> notices,
    NoticeComposer composer,
    IMailSender mail,
    IReviewList review,
    IRegistrationViews views,
    IRegistrantRecords registrants,
    IErasureSchedule erasures,
    IIncomingTransferCodes transferCodes,
    ICustomerRequestStore requests,
    IssueRenewalInvoiceFlow renewalInvoices,
    HoldPaymentForAnotherNameFlow heldForAnotherName,
    HoldUnrenderedRenewalPaymentFlow heldUnrendered,
    CancelRenewalInvoiceFlow cancelledInvoices,
    CustomerAccounts accounts,
    ILifecycleEvents<RegistrationEvent> registrations,
    IOptions<PrivacyOptions> privacy,
    TimeProvider clock,
    ILogger<RegistrationCommandHandler> logger)
{
    public Task HandleAsync(RegistrationCommand command, CancellationToken ct) => HandleAsync(command, firstAttempt: false, ct);

    /// <param name="firstAttempt">No earlier delivery began the command (the host carries out a decision it just took).</param>
    public async Task HandleAsync(RegistrationCommand command, bool firstAttempt, CancellationToken ct)
    {
        switch (command)
        {
            case SendNotice notice:
                await SendNoticeAsync(notice, firstAttempt, ct);
                break;
            case RecordRegistrationView record:
                await views.RecordAsync(record.View, record.Sequence, record.LikelyNew, ct);
                // UA-Pre-6: an ended registration's personal data are kept five years from its end, then erased.
                if (record.View.EndedAt is { } endedAt)
                    await erasures.ScheduleAsync(new ErasureDue(record.RegistrationId, record.View.CustomerId,
                        PersonalDataRetention.ErasureDueAt(endedAt, privacy.Value.TimeZone), ErasureGround.RetentionEnded), ct);
                break;
            case RecordRegistrant record:
                await registrants.RecordAsync(record.RegistrationId, record.Registrant, record.Sequence, ct);
                break;
            case KeepTransferCodeForHandOver keep:
                await requests.KeepTransferCodeSetByAsync(keep.RequestId, keep.SetBy, ct);
                break;
            case EraseIncomingTransferCode erase:
                await transferCodes.EraseAsync(erase.CustomerId, erase.RegistrationId, ct);
                break;
            case FlagForOperations flag:
                await review.AddAsync(new ReviewItem(flag.ReviewItemId ?? flag.CommandId, "registration", flag.RegistrationId, "flag", flag.Reason,
                    clock.GetUtcNow()), ct);
                break;
            case IssueRenewalInvoice issue:
                await renewalInvoices.CarryOutAsync(issue, ct);
                break;
            case HoldPaymentForAnotherName hold:
                await heldForAnotherName.CarryOutAsync(hold, ct);
                break;
            case HoldUnrenderedRenewalPayment unrendered:
                await heldUnrendered.CarryOutAsync(unrendered, ct);
                break;
            case CancelRenewalInvoice cancel:
                await cancelledInvoices.CarryOutAsync(cancel, ct);
                break;
            case { Route: CommandRoute.Registry }:
                await registry.RunAsync(command, ct);
                break;
            default:
                throw new ArgumentException($"No handler carries out {command.GetType().Name} ({command.Route}).", nameof(command));
        }
    }

    private async Task SendNoticeAsync(SendNotice decided, bool firstAttempt, CancellationToken ct)
    {
        // KZ-2.2: addressed when it is sent, so an approved change of the customer's contact e-mail reaches every registration.
        var notice = await accounts.AddressAsync(decided, ct);
        using var activity = RegistrarTelemetry.Mail.StartActivity($"notice {notice.Kind}");
        activity?.SetTag("registrar.notice.id", notice.CommandId);
        activity?.SetTag("registrar.registration", notice.RegistrationId);
        var now = clock.GetUtcNow();
        DateTimeOffset sentAt;
        if (firstAttempt)
        {
            // Nothing to claim against: no earlier delivery of this decision can have sent it, so it is stored once, as sent,
            // after it went out (issue 16). A notice decided again after its deliveries failed keeps its id and finds their
            // unsent claim, which this marks (KZ-2.6). A crash in between leaves no row or that claim unsent, and the delivery
            // after it claims and sends again.
            await mail.SendAsync(composer.Compose(notice, now), ct);
            sentAt = clock.GetUtcNow();
            await notices.RecordSentAsync(notice.CommandId, notice, now, sentAt, ct);
        }
        else
        {
            var claim = await notices.ClaimAsync(notice.CommandId, notice, now, ct);
            activity?.SetTag("registrar.notice.already_sent", claim.IsSent);
            if (claim.Record.Document.SentAt is { } sentBefore)
            {
                // A crash after the send may have kept the registration from hearing of it: told again, it changes nothing.
                await ReportSentAsync(notice, sentBefore, ct);
                return;
            }
            // A claimed but unsent notice is a crash between claim and send: send it now (the same
            // Message-Id lets mail systems recognise the rare duplicate).
            await mail.SendAsync(composer.Compose(notice, now), ct);
            sentAt = clock.GetUtcNow();
            await notices.MarkSentAsync(claim.Record, sentAt, ct);
        }
        logger.LogInformation("Notice {Notice} ({Kind}) sent for {Registration}", notice.CommandId, notice.Kind, notice.RegistrationId);
        await ReportSentAsync(notice, sentAt, ct);
    }

    /// <summary>UA-1.3.4.1, KZ-App-4: a notice whose period counts from the letter tells its registration when it left. One
    /// that ends the contract at once (UA-2.3.2, UA-1.3.6) has no period left to move.</summary>
    private Task ReportSentAsync(SendNotice notice, DateTimeOffset sentAt, CancellationToken ct)
    {
        if (!NoticePeriods.CountFromSending(notice.Kind) || notice.Facts?.DeletionAt is not { } endsAt || endsAt <= sentAt) return Task.CompletedTask;
        var eventId = NoticePeriods.EventId(notice.CommandId);
        return registrations.RaiseAsync(notice.RegistrationId, eventId, new NoticeSent(eventId, notice.CommandId, notice.Kind, sentAt), ct);
    }
}
