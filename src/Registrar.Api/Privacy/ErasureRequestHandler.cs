using Microsoft.AspNetCore.Http;
using Registrar.Api.Claims;
using Registrar.Api.Http;
using Registrar.Api.Operations;
using Registrar.Api.Security;
using Registrar.Core.Contracts;
using Registrar.Core.Privacy;
using Registrar.Core.Registrations;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;

namespace Registrar.Api.Privacy;

/// <summary>
/// UA-Pre-6: operations record a registrant's written erasure request with the date of the registrar's reply. The contract
/// ends from that date, and the request is the ground for erasing: each of the customer's registrations is scheduled for
/// erasure then, with an audit entry under its id saying who recorded it and why. A domain still held under an offer where
/// the request ends the contract is deleted from that date by its lifecycle, which confirms it to the registrant; under
/// another offer operations are told to end it first. An order's invoice still open under such an offer is cancelled, so its
/// payment starts no new contract with the data (<see cref="ErasureRequestOrders"/>).
/// </summary>
public sealed class ErasureRequestHandler(
    ClientAuthenticator authenticator, IRegistrationViews views, IErasureRequestStore requests, IErasureSchedule schedule,
    IAuditLog<RegistrationAudit> audit, RegistrationActions actions, ErasureRequestOrders openOrders, EarlierErasureRequests earlier,
    ContractRules rules, IdempotentRequests idempotency, TimeProvider clock)
{
    public const string Action = "erasure-requested";

    /// <summary>What each registration's audit entry names as its cause, before the request's id.</summary>
    public const string CausePrefix = "erasure-request:";

    /// <summary>With an Idempotency-Key a retried request gets the first answer: the request's id derives from the operations
    /// client and the key, so a retry after a failure half-way carries on from the request the first attempt stored, and each
    /// registration's audit entry and termination, named after it and dated as it was recorded, is written and raised once.</summary>
    public async Task<IResult> RecordAsync(HttpRequest request, CancellationToken ct)
    {
        var operations = authenticator.Authenticate(request, ApiClientRole.Operations);
        if (operations.Problem is not null) return operations.Problem;
        var raw = await RawBody.ReadAsync(request, StrictJson.DefaultBodyLimit, ct);
        if (raw is null) return Problems.BodyTooLarge(StrictJson.DefaultBodyLimit);
        var client = operations.Principal!.Name;
        var scope = IdempotentRequests.Scope("erasure-requests", client);
        var now = clock.GetUtcNow();
        return new PrivateResult(await idempotency.RunAsync(request, scope, raw, () => CheckAsync(request.ContentType, raw, now, ct),
            (erasure, key) => RecordCheckedAsync(erasure, IdempotentRequests.RecordId('E', scope, key), client, now, ct), ct));
    }

    /// <summary>Everything that can refuse the request, before anything is stored: the body, and the customer's registrations.</summary>
    private async Task<Checked<CheckedErasure>> CheckAsync(string? contentType, byte[] raw, DateTimeOffset now, CancellationToken ct)
    {
        var body = StrictJson.Deserialize<RecordErasureRequest>(contentType, raw);
        if (body.Problem is not null) return Checked<CheckedErasure>.Refused(body.Problem);
        var input = body.Value!;
        var errors = new Dictionary<string, string[]>();
        if (!CustomerId.IsValid(input.CustomerId)) errors["customerId"] = [CustomerId.Rule];
        StoredText.Check(errors, "reference", StoredText.LineRefusal(input.Reference, StoredText.MaxReferenceLength));
        StoredText.Check(errors, "recordedBy", StoredText.LineRefusal(input.RecordedBy, StoredText.MaxPersonLength));
        if (errors.Count > 0) return Checked<CheckedErasure>.Refused(Problems.Validation(errors));

        var registrations = new List<RegistrationView>();
        await foreach (var view in views.ListAsync(input.CustomerId, ct)) registrations.Add(view);
        // UA-Pre-6: a customer whose orders never became a contract asks all the same, and what is kept of them goes now.
        IReadOnlyList<string> zones = registrations.Count > 0
            ? [.. registrations.Select(r => r.Zone).Distinct()]
            : await openOrders.ZonesAsync(input.CustomerId, ct);
        if (zones.Count == 0) return Checked<CheckedErasure>.Refused(Problems.Missing("A customer with registrations or orders under that id"));
        // UA-Pre-6: "where the registrar is" is where the registrar of the customer's contracts is, Almaty for .kz (the probe's item 7).
        if (PersonalDataRetention.ReplyDateRefusal(input.RepliedOn, now, zones.Select(TimeZoneOf).Distinct()) is { } refusal)
            return Checked<CheckedErasure>.Refused(Problems.Validation("repliedOn", refusal));
        return Checked<CheckedErasure>.Passed(new CheckedErasure(input, registrations, zones));
    }

    private TimeZoneInfo TimeZoneOf(string zone) => rules.CalendarOf(zone).TimeZone;

    private TimeZoneInfo ZoneOf(RegistrationView registration) => TimeZoneOf(registration.Zone);

    private async Task<IResult> RecordCheckedAsync(CheckedErasure erasure, string requestId, string client, DateTimeOffset now, CancellationToken ct)
    {
        var input = erasure.Input;
        var registrations = new List<RegistrationView>();
        var covering = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var registration in erasure.Registrations)
        {
            if (await earlier.CoveringAsync(registration.RegistrationId, requestId, ct) is { } other) covering.Add(other);
            else registrations.Add(registration);
        }
        // UA-Pre-6: a request repeated (without its Idempotency-Key) or a second one records nothing for what an earlier one covers.
        if (registrations.Count == 0 && covering.Count > 0)
            return Problems.Conflict($"Erasure request {string.Join(", ", covering)} already covers every registration of customer "
                + $"{input.CustomerId}: each ends and is erased on it. Nothing was recorded.");
        var recorded = await StoreAsync(new ErasureRequest(requestId, input.CustomerId, input.RepliedOn,
            ContractEndOnReply(input.RepliedOn, erasure.Zones), input.Reference.Trim(), input.RecordedBy.Trim(), client, now), ct);
        var actor = new OperationsActor(recorded.Client, recorded.RecordedBy);
        var reason = $"UA-Pre-6: written erasure request {recorded.Reference}; the contract ends from {recorded.RepliedOn:yyyy-MM-dd}.";
        var cancelledInvoices = await openOrders.CancelOpenInvoicesAsync(recorded.CustomerId, ct);
        var ordersErased = erasure.Registrations.Count == 0 ? await openOrders.EraseWithoutContractAsync(recorded.CustomerId, ct) : 0;
        var ending = new List<string>();
        foreach (var registration in registrations)
        {
            var contractEndsAt = PersonalDataRetention.ContractEndOnReply(recorded.RepliedOn, ZoneOf(registration));
            await schedule.ScheduleAsync(new ErasureDue(registration.RegistrationId, recorded.CustomerId, contractEndsAt, ErasureGround.ErasureRequest), ct);
            await audit.AppendOnceAsync(new AuditEntry<RegistrationAudit>(registration.RegistrationId, recorded.RecordedAt, actor.Name, Action,
                new RegistrationAudit(actor.Client, actor.Person, CausePrefix + recorded.RequestId, reason)), recorded.RequestId, ct);
            if (registration.EndedAt is not null || rules.ErasureRequestEnding(registration.Zone) is not { } rule) continue;
            await actions.DecideOnceAsync(registration.RegistrationId, recorded.RequestId,
                new TerminationNotice(TerminationGround.ErasureRequest, contractEndsAt, rule), recorded.RecordedAt, reason, actor, ct);
            ending.Add(registration.RegistrationId);
        }
        return TypedResults.Accepted((string?)null, new ErasureRequestView(
            recorded.CustomerId, recorded.RepliedOn, recorded.ContractEndsAt, recorded.Reference, [.. registrations.Select(r => r.RegistrationId)], ending, cancelledInvoices,
            ordersErased));
    }

    /// <summary>UA-Pre-6: the start of the reply's day where the registrar is; for a customer of both registrars, the earlier
    /// of their days (each registration's contract ends at the start of its own registrar's).</summary>
    private DateTimeOffset ContractEndOnReply(DateOnly repliedOn, IEnumerable<string> zones) =>
        zones.Select(TimeZoneOf).Distinct().Select(zone => PersonalDataRetention.ContractEndOnReply(repliedOn, zone)).Min();

    /// <returns>The request as stored: the first attempt's, when a retry of its key finds it.</returns>
    private async Task<ErasureRequest> StoreAsync(ErasureRequest request, CancellationToken ct)
    {
        try
        {
            return (await requests.CreateAsync(request, ct)).Document;
        }
        catch (DocumentAlreadyExistsException)
        {
            return (await requests.GetAsync(request.RequestId, ct))!.Document;
        }
    }

    /// <param name="Registrations">The customer's registrations when the request was checked: each is scheduled for erasure.</param>
    /// <param name="Zones">The zones of the customer's registrations, or, without any, of their orders.</param>
    private sealed record CheckedErasure(RecordErasureRequest Input, IReadOnlyList<RegistrationView> Registrations, IReadOnlyList<string> Zones);
}
