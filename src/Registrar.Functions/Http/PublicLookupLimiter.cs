using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Registrar.Api.Whois;

namespace Registrar.Functions.Http;

/// <summary>
/// The Functions app runs no ASP.NET Core middleware, so the public lookups take their permits here, from the same
/// <see cref="PublicLookupRateLimitPolicy"/> the local host's rate limiting middleware applies. One per instance:
/// Flex Consumption's instances each count their own callers.
/// </summary>
public sealed class PublicLookupLimiter(PublicLookupRateLimitPolicy policy) : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter = PartitionedRateLimiter.Create<HttpContext, string>(policy.GetPartition);

    /// <summary>The 429 to answer with, or null when the caller may be answered.</summary>
    /// <param name="rdap">Whether the lookup is an RDAP one (<see cref="PublicLookupRateLimitPolicy.Rejection"/>).</param>
    public IResult? Refusal(HttpContext context, bool rdap)
    {
        using var lease = _limiter.AttemptAcquire(context);
        return lease.IsAcquired ? null : policy.Rejection(lease, rdap);
    }

    public void Dispose() => _limiter.Dispose();
}
