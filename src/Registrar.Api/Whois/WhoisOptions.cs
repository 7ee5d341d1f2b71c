using System.ComponentModel.DataAnnotations;

namespace Registrar.Api.Whois;

/// <summary>Bound from "Whois": how the public WHOIS/RDAP answers name this registrar, and how often one client may ask.</summary>
public sealed class WhoisOptions
{
    public const string Section = "Whois";

    /// <summary>The registrar as the RDAP registrar entity and the WHOIS "Registrar:" line name it.</summary>
    [Required] public string RegistrarName { get; set; } = "Registrar";

    /// <summary>Lookups each client address may make per <see cref="Window"/>; more are answered 429 with Retry-After.</summary>
    [Range(1, 1_000_000)] public int PermitLimit { get; set; } = 60;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether the host sits behind a proxy that names the caller in X-Forwarded-For (the Functions host does). Off,
    /// a caller is counted by the socket's address: a client of a host it reaches directly writes the header itself and could
    /// name a new address on every lookup.</summary>
    public bool TrustForwardedFor { get; set; }
}
