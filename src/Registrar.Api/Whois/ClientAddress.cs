using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Registrar.Api.Whois;

/// <summary>The address a public lookup is counted against: used to partition the rate limit, never logged or stored.</summary>
public static class ClientAddress
{
    public const string ForwardedForHeader = "X-Forwarded-For";

    /// <param name="trustForwardedFor">The host sits behind a proxy that names the caller (<see cref="WhoisOptions.TrustForwardedFor"/>).</param>
    public static string Of(HttpContext context, bool trustForwardedFor)
    {
        var remote = context.Connection.RemoteIpAddress;
        // Behind the Functions host, requests come over loopback and the caller is named in X-Forwarded-For: its last entry
        // is the one the nearest proxy added; the entries before it are the caller's own to write.
        if (trustForwardedFor && (remote is null || IPAddress.IsLoopback(remote)) && LastForwarded(context.Request.Headers[ForwardedForHeader]) is { } forwarded)
            remote = forwarded;
        return remote is null ? "unknown" : Partition(remote);
    }

    /// <summary>An IPv6 subscriber is given a whole /64: counted per address, one client could rotate through 2^64 of them.</summary>
    private static string Partition(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }

    /// <summary>"203.0.113.7", "203.0.113.7:51234" or "[2001:db8::1]:443": proxies write either form.</summary>
    private static IPAddress? LastForwarded(StringValues header)
    {
        var last = header.ToString().Split(',')[^1].Trim();
        return IPEndPoint.TryParse(last, out var endpoint) ? endpoint.Address : null;
    }
}
