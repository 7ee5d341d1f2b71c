namespace Registrar.Payments.Signatures;

/// <summary>Bound from configuration.</summary>
public sealed class EcdsaSignatureOptions
{
    /// <summary>
    /// Each bank's public key, by bank id: base64 of a PEM "PUBLIC KEY" (what monobank's
    /// <c>/api/merchant/pubkey</c> returns) or the PEM text itself.
    /// </summary>
    public Dictionary<string, string> PublicKeysByBank { get; set; } = new(StringComparer.Ordinal);

    public int MaxBodyBytes { get; set; } = 64 * 1024;
}
