using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Registrar.Api.Whois;

/// <summary>
/// The public lookups' rate limit (ASP.NET Core rate limiting): a fixed window of <see cref="WhoisOptions.PermitLimit"/>
/// lookups per client address, none queued; the next is a 429 problem with Retry-After. The local host applies it
/// with the rate limiting middleware; the Functions app, which runs no ASP.NET Core middleware, takes its permits
/// from this same policy in the functions.
/// </summary>
public sealed class PublicLookupRateLimitPolicy(IOptions<WhoisOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "public-lookup";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected =>
        (rejected, _) => new ValueTask(Rejection(rejected.Lease,
            rejected.HttpContext.GetEndpoint()?.Metadata.GetMetadata<RdapEndpointMetadata>() is not null).ExecuteAsync(rejected.HttpContext));

    /// <summary>A CORS preflight looks nothing up: counted, it would spend the lookup it announces, and a browser reads a 429 to
    /// it as a CORS failure, never as the limit (RFC 7480 section 5.6).</summary>
    public RateLimitPartition<string> GetPartition(HttpContext httpContext) => HttpMethods.IsOptions(httpContext.Request.Method)
        ? RateLimitPartition.GetNoLimiter("preflight")
        : RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(httpContext, options.Value.TrustForwardedFor), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.PermitLimit,
            Window = options.Value.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    /// <summary>The answer to a lookup refused a permit: when its window ends, the client may ask again.</summary>
    /// <param name="rdap">Whether an RDAP lookup was refused; a WHOIS lookup's refusal is a problem alone, as its other errors.</param>
    public LookupError Rejection(RateLimitLease lease, bool rdap)
    {
        var error = LookupError.TooManyRequests(lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : options.Value.Window);
        return rdap ? error : error.AsProblem();
    }
}
