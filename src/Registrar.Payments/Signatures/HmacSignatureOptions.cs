namespace Registrar.Payments.Signatures;

/// <summary>Bound from configuration; secrets come from Key Vault / user secrets, never from code.</summary>
public sealed class HmacSignatureOptions
{
    /// <summary>The shared secret of each bank, by bank id (the UTF-8 bytes of the string are the HMAC key).</summary>
    public Dictionary<string, string> SecretsByBank { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How far the signed timestamp may be from our clock, either way.</summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A busy registrar's daily camt.054 holds thousands of credits (5,000 are about 2 MB):
    /// 10 MiB leaves room for a statement-sized file.</summary>
    public int MaxBodyBytes { get; set; } = 10 * 1024 * 1024;
}
