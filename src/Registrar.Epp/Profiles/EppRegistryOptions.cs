using System.ComponentModel.DataAnnotations;

namespace Registrar.Epp.Profiles;

/// <summary>How to reach and log in to one registry, bound from "Epp:Registries:{id}".</summary>
public sealed class EppRegistryOptions : IValidatableObject
{
    [Required] public string Host { get; set; } = "";
    [Range(1, 65535)] public int Port { get; set; } = 700;

    /// <summary>Name expected in the server certificate (SNI and chain validation); defaults to <see cref="Host"/>.</summary>
    public string? TlsServerName { get; set; }

    [Required] public string ClientId { get; set; } = "";

    /// <summary>A secret: read from a secret store in production, never logged.</summary>
    [Required] public string Password { get; set; } = "";

    /// <summary>Set to change the password at the next login (RFC 5730 &lt;newPW&gt;); later logins use it as the password, and
    /// a login the registry refuses while it is set (the change was made before) is tried once more with it.</summary>
    public string? NewPassword { get; set; }

    /// <summary>PFX (with <see cref="ClientCertificatePassword"/>) or PEM (certificate and key, or with <see cref="ClientCertificateKeyPath"/>).</summary>
    public string? ClientCertificatePath { get; set; }
    public string? ClientCertificateKeyPath { get; set; }
    public string? ClientCertificatePassword { get; set; }

    /// <summary>The PFX itself, base64: what a Key Vault certificate reference yields in an app setting
    /// (the secret of a Key Vault certificate is its PFX). Used when <see cref="ClientCertificatePath"/> is not set.</summary>
    public string? ClientCertificatePfxBase64 { get; set; }

    /// <summary>SHA-256 thumbprints (hex) of server certificates to trust without a chain, for
    /// registries and simulators with a self-signed certificate. Empty: normal chain validation.</summary>
    public string[] PinnedServerThumbprints { get; set; } = [];

    [Range(1, 64)] public int MaxSessions { get; set; } = 4;
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(60);
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An idle session sends &lt;hello&gt; after this long so the registry does not drop it.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromMinutes(5);

    [Range(1024, 64 * 1024 * 1024)] public int MaxFrameBytes { get; set; } = 4 * 1024 * 1024;

    [Range(1, 20)] public int MaxConnectAttempts { get; set; } = 5;
    public TimeSpan ReconnectInitialDelay { get; set; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times an idempotent read (check, info, poll req) is re-sent on a new session after a dropped connection.</summary>
    [Range(0, 5)] public int ReadRetries { get; set; } = 2;

    /// <summary>Prefix of generated clTRIDs, to find this client's transactions in registry logs.</summary>
    public string ClTridPrefix { get; set; } = "RGR";

    public string Language { get; set; } = "en";

    public EppProfileOptions Profile { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[]
                 {
                     (nameof(ConnectTimeout), ConnectTimeout), (nameof(ReadTimeout), ReadTimeout), (nameof(WriteTimeout), WriteTimeout),
                     (nameof(KeepAliveInterval), KeepAliveInterval), (nameof(ReconnectInitialDelay), ReconnectInitialDelay),
                 })
        {
            if (value <= TimeSpan.Zero) yield return new ValidationResult($"{name} must be positive; it is {value}.", [name]);
        }
        // RFC 5730 pwType; the values themselves are never echoed.
        if (ClientId.Length is < 3 or > 16)
            yield return new ValidationResult($"{nameof(ClientId)} must be 3 to 16 characters (RFC 5730 clIDType).", [nameof(ClientId)]);
        if (Password.Length is < 6 or > 16)
            yield return new ValidationResult($"{nameof(Password)} must be 6 to 16 characters (RFC 5730).", [nameof(Password)]);
        if (NewPassword is { Length: < 6 or > 16 })
            yield return new ValidationResult($"{nameof(NewPassword)} must be 6 to 16 characters (RFC 5730).", [nameof(NewPassword)]);
        if (ReconnectMaxDelay < ReconnectInitialDelay)
            yield return new ValidationResult($"{nameof(ReconnectMaxDelay)} must not be below {nameof(ReconnectInitialDelay)}.", [nameof(ReconnectMaxDelay)]);
        if (ClTridPrefix.Length is < 1 or > 16 || !ClTridPrefix.All(char.IsAsciiLetterOrDigit))
            yield return new ValidationResult($"{nameof(ClTridPrefix)} must be 1 to 16 ASCII letters or digits.", [nameof(ClTridPrefix)]);
        if (!string.IsNullOrEmpty(ClientCertificateKeyPath) && string.IsNullOrEmpty(ClientCertificatePath))
            yield return new ValidationResult($"{nameof(ClientCertificateKeyPath)} is set without {nameof(ClientCertificatePath)}.", [nameof(ClientCertificatePath)]);
    }

    /// <summary>For logs and errors: everything but the secrets.</summary>
    public override string ToString() => $"{ClientId}@{Host}:{Port} (profile {Profile.Name}, max {MaxSessions} sessions)";
}

/// <summary>"Epp": the registries this registrar talks to, by registry id ("kaznic", "hostmaster").</summary>
public sealed class EppOptions
{
    public const string Section = "Epp";
    public Dictionary<string, EppRegistryOptions> Registries { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
