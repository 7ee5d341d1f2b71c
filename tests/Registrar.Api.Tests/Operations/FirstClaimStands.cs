using System.Collections.Concurrent;
using Registrar.Core.Registrations;

namespace Registrar.Api.Tests.Operations;

/// <summary>The claims as the table keeps them: the first decision claimed for a registration and kind stands.</summary>
internal sealed class FirstClaimStands : IRegistrationDecisionClaims
{
    private readonly ConcurrentDictionary<string, object> _claims = new();

    public Task<T> ClaimAsync<T>(string registrationId, string kind, T decision, CancellationToken ct) =>
        Task.FromResult((T)_claims.GetOrAdd($"{kind}|{registrationId}", decision!));
}
