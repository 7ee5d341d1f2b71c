using Microsoft.AspNetCore.Http;
using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.Core.Lifecycle;
using Registrar.Core.Operations;
using Registrar.Core.Registrations;

namespace Registrar.Api.Operations;

/// <summary>What operations staff do: work the review list and decide what rules leave to a person.</summary>
public sealed class OperationsHandlers(
    ClientAuthenticator authenticator, IReviewList review, ILifecycleEvents<RegistrationEvent> registrations, TimeProvider clock)
{
    public async Task<IResult> ListReviewAsync(HttpRequest request, CancellationToken ct)
    {
        if (authenticator.Authenticate(request, ApiClientRole.Operations).Problem is { } problem) return problem;
        var items = new List<ReviewItem>();
        await foreach (var item in review.ListOpenAsync(ct)) items.Add(item);
        return TypedResults.Ok(items);
    }

    public async Task<IResult> ResolveAsync(HttpRequest request, string itemId, CancellationToken ct)
    {
        var operations = authenticator.Authenticate(request, ApiClientRole.Operations);
        if (operations.Problem is not null) return operations.Problem;
        var body = await StrictJson.ReadAsync<Resolution>(request, ct);
        if (body.Problem is not null) return body.Problem;
        if (string.IsNullOrWhiteSpace(body.Value!.Note)) return Problems.Validation("note", "Say what was done.");

        var resolved = await review.ResolveAsync(itemId, operations.Principal!.Name, body.Value.Note, clock.GetUtcNow(), ct);
        return resolved ? TypedResults.NoContent() : Problems.NotFound($"Open review item '{itemId}'");
    }

    /// <summary>A registration the registry refused (stalled) is tried again once operations fixed the cause.</summary>
    public async Task<IResult> RetryRegistrationAsync(HttpRequest request, string registrationId, CancellationToken ct)
    {
        var operations = authenticator.Authenticate(request, ApiClientRole.Operations);
        if (operations.Problem is not null) return operations.Problem;
        var eventId = $"retry:{registrationId}:{clock.GetUtcNow().UtcTicks}";
        await registrations.RaiseAsync(registrationId, eventId, new OperationsRetried(eventId, operations.Principal!.Name), ct);
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>UA-Pre-7: the trademark behind a second-level .ua name is approved or refused by a person.</summary>
    public async Task<IResult> ReviewTrademarkAsync(HttpRequest request, string registrationId, CancellationToken ct)
    {
        var operations = authenticator.Authenticate(request, ApiClientRole.Operations);
        if (operations.Problem is not null) return operations.Problem;
        var body = await StrictJson.ReadAsync<TrademarkDecision>(request, ct);
        if (body.Problem is not null) return body.Problem;
        var decision = body.Value!;
        if (!decision.Approved && string.IsNullOrWhiteSpace(decision.Reason))
            return Problems.Validation("reason", "Say why the trademark is refused; the customer is told.");

        var eventId = $"trademark:{registrationId}";
        await registrations.RaiseAsync(registrationId, eventId,
            new TrademarkReviewed(eventId, decision.Approved, operations.Principal!.Name, decision.Reason), ct);
        return TypedResults.Accepted($"/api/ops/registrations/{registrationId}");
    }
}

public sealed record Resolution(string Note);

public sealed record TrademarkDecision(bool Approved, string? Reason = null);
