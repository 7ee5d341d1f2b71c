namespace Registrar.Payments.Signatures;

/// <summary>Bound from configuration; secrets come from Key Vault / user secrets, never from code.</summary>
public sealed class HmacSignatureOptions
{
    /// <summary>The shared secret of each bank, by bank id (the UTF-8 bytes of the string are the HMAC key).</summary>
    public Dictionary<string, string> SecretsByBank { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How far the signed timestamp may be from our clock, either way.</summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);

    public int MaxBodyBytes { get; set; } = 64 * 1024;
}
