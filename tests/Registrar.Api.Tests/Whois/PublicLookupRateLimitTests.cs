using System.Net;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Registrar.Api.Whois;
using static Registrar.Api.Tests.Whois.WhoisSamples;

namespace Registrar.Api.Tests.Whois;

/// <summary>The public lookups' rate limit: a fixed window per client address, then a 429 problem with Retry-After.</summary>
public sealed class PublicLookupRateLimitTests
{
    private readonly PublicLookupRateLimitPolicy policy = new(Options.Create(new WhoisOptions { PermitLimit = 2, Window = TimeSpan.FromMinutes(1) }));

    private static HttpContext From(string remote, string? forwardedFor = null)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        if (forwardedFor is not null) context.Request.Headers[ClientAddress.ForwardedForHeader] = forwardedFor;
        return context;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_client_over_its_limit_gets_a_429_problem_with_retry_after_while_another_address_is_still_answered(bool rdap)
    {
        using var limiter = PartitionedRateLimiter.Create<HttpContext, string>(policy.GetPartition);

        var answered = Enumerable.Range(0, 2).Select(_ => limiter.AttemptAcquire(From("203.0.113.7")).IsAcquired).ToList();
        var refusedContext = From("203.0.113.7");
        using var refused = limiter.AttemptAcquire(refusedContext);
        using var other = limiter.AttemptAcquire(From("198.51.100.20"));

        Assert.Equal([true, true], answered);
        Assert.False(refused.IsAcquired);
        Assert.True(other.IsAcquired);
        refusedContext.SetEndpoint(new Endpoint(null, rdap ? new EndpointMetadataCollection(new RdapEndpointMetadata()) : EndpointMetadataCollection.Empty, "lookup"));
        var (status, headers, body) = await RunAsync(
            context => policy.OnRejected!(new OnRejectedContext { HttpContext = context, Lease = refused }, default).AsTask(), refusedContext);
        Assert.Equal(429, status);
        Assert.InRange(int.Parse(headers.RetryAfter!), 1, 60);
        // RFC 7480 section 4.2: an RDAP route answers in the RDAP media type, its refusals too.
        Assert.Equal(rdap ? "application/rdap+json" : "application/problem+json", headers.ContentType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(("/problems/too-many-requests", 429), (problem.GetProperty("type").GetString(), problem.GetProperty("status").GetInt32()));
        Assert.Equal(refusedContext.TraceIdentifier, problem.GetProperty("traceId").GetString());
        if (rdap) RdapShape.AssertErrorResponse(problem, 429);
        else Assert.False(problem.TryGetProperty("rdapConformance", out _) || problem.TryGetProperty("errorCode", out _), "WHOIS answers a problem alone");
    }

    [Theory]
    [InlineData("127.0.0.1", "198.51.100.1, 203.0.113.7:50123", "203.0.113.7")]
    [InlineData("127.0.0.1", "[2001:db8:1:2:3:4:5:6]:443", "2001:db8:1:2::/64")]
    [InlineData("198.51.100.20", "203.0.113.7", "198.51.100.20")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", null, "2001:db8:1:2::/64")]
    [InlineData("::ffff:203.0.113.7", null, "203.0.113.7")]
    public void Behind_a_proxy_a_caller_is_counted_by_the_address_the_nearest_proxy_saw_and_an_ipv6_caller_by_its_64_prefix(
        string remote, string? forwardedFor, string counted)
    {
        Assert.Equal(counted, ClientAddress.Of(From(remote, forwardedFor), trustForwardedFor: true));
    }

    [Fact]
    public void A_host_reached_directly_counts_the_socket_address_whatever_the_caller_writes_in_X_Forwarded_For()
    {
        using var limiter = PartitionedRateLimiter.Create<HttpContext, string>(policy.GetPartition);

        var answered = Enumerable.Range(1, 3).Select(n => limiter.AttemptAcquire(From("127.0.0.1", $"198.51.100.{n}")).IsAcquired).ToList();

        Assert.Equal([true, true, false], answered);
    }
}
