using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Registrar.Api.Claims;
using Registrar.Api.Http;
using Registrar.Api.Operations;
using Registrar.Api.Security;
using Registrar.Core.Contracts;
using Registrar.Core.Privacy;
using Registrar.Core.Registrations;
using Registrar.Storage.Stores;

namespace Registrar.Api.Privacy;

/// <summary>
/// UA-Pre-6: operations record a registrant's written erasure request with the date of the registrar's reply. The contract
/// ends from that date, and the request is the ground for erasing: each of the customer's registrations is scheduled for
/// erasure then, with an audit entry under its id saying who recorded it and why. A domain still held under an offer where
/// the request ends the contract is deleted from that date by its lifecycle, which confirms it to the registrant; under
/// another offer operations are told to end it first.
/// </summary>
public sealed class ErasureRequestHandler(
    ClientAuthenticator authenticator, IRegistrationViews views, IErasureSchedule schedule, IAuditLog<RegistrationAudit> audit,
    RegistrationActions actions, ContractRules rules, IOptions<PrivacyOptions> options, TimeProvider clock)
{
    public const string Action = "erasure-requested";

    public async Task<IResult> RecordAsync(HttpRequest request, CancellationToken ct)
    {
        var operations = authenticator.Authenticate(request, ApiClientRole.Operations);
        if (operations.Problem is not null) return operations.Problem;
        var body = await StrictJson.ReadAsync<RecordErasureRequest>(request, ct);
        if (body.Problem is not null) return body.Problem;
        var input = body.Value!;
        var errors = new Dictionary<string, string[]>();
        if (!CustomerId.IsValid(input.CustomerId)) errors["customerId"] = [CustomerId.Rule];
        StoredText.Check(errors, "reference", StoredText.LineRefusal(input.Reference, StoredText.MaxReferenceLength));
        StoredText.Check(errors, "recordedBy", StoredText.LineRefusal(input.RecordedBy, StoredText.MaxPersonLength));
        StoredText.Check(errors, "repliedOn", PersonalDataRetention.ReplyDateRefusal(input.RepliedOn, clock.GetUtcNow(), options.Value.TimeZone));
        if (errors.Count > 0) return Problems.Validation(errors);

        var registrations = new List<RegistrationView>();
        await foreach (var view in views.ListAsync(input.CustomerId, ct)) registrations.Add(view);
        if (registrations.Count == 0) return Problems.NotFound("A customer with registrations under that id");

        var endsAt = PersonalDataRetention.ContractEndOnReply(input.RepliedOn, options.Value.TimeZone);
        var actor = new OperationsActor(operations.Principal!.Name, input.RecordedBy.Trim());
        var reason = $"UA-Pre-6: written erasure request {input.Reference.Trim()}; the contract ends from {input.RepliedOn:yyyy-MM-dd}.";
        var ending = new List<string>();
        foreach (var registration in registrations)
        {
            await schedule.ScheduleAsync(new ErasureDue(registration.RegistrationId, input.CustomerId, endsAt, ErasureGround.ErasureRequest), ct);
            await audit.AppendAsync(new AuditEntry<RegistrationAudit>(registration.RegistrationId, clock.GetUtcNow(), actor.Name, Action,
                new RegistrationAudit(actor.Client, actor.Person, $"erasure-request:{registration.RegistrationId}", reason)), ct);
            if (registration.EndedAt is not null || rules.ErasureRequestEnding(registration.Zone) is not { } rule) continue;
            await actions.DecideAsync(registration.RegistrationId, new TerminationNotice(TerminationGround.ErasureRequest, endsAt, rule),
                clock.GetUtcNow(), reason, actor, ct);
            ending.Add(registration.RegistrationId);
        }
        return new PrivateResult(TypedResults.Accepted((string?)null, new ErasureRequestView(
            input.CustomerId, input.RepliedOn, endsAt, input.Reference.Trim(), [.. registrations.Select(r => r.RegistrationId)], ending)));
    }
}
