using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Registrar.Mail;

/// <summary>Where an account's notices go now (KZ-2.2): a link is good only while the account still uses the address it was mailed
/// to, so whoever keeps reading a mailbox the customer left cannot prove a request or set the control panel's password with it
/// (KZ-5.3, UA-4.7, UA-2.1.2).</summary>
public interface IContactAddresses
{
    /// <summary>The account's contact e-mail; null for a customer without an account, whose notices go where each registration says.</summary>
    Task<string?> CurrentAsync(string customerId, CancellationToken ct);
}

/// <summary>What a link carries of the address it was mailed to: a digest, so the token shows no address.</summary>
public static class LinkAddresses
{
    public static string Digest(string address) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(address.Trim().ToLowerInvariant())))[..22];

    /// <summary>The fields of a genuine token whose last field (before its expiry) is the digest of the address it was mailed to, or
    /// of one issued before links carried it (one field fewer); null when it is neither.</summary>
    public static string[]? Read(string base64Key, string token, int fieldCount) =>
        SignedLinkTokens.Read(base64Key, token, fieldCount) ?? SignedLinkTokens.Read(base64Key, token, fieldCount - 1);

    /// <summary>Whether the link <paramref name="fields"/> came from (<see cref="Read"/>) still reaches <paramref name="customerId"/>'s
    /// account; a link issued before links carried the address, or of a customer without an account, always does.</summary>
    public static async Task<bool> StillAddressedAsync(IContactAddresses? addresses, string customerId, string[] fields, int fieldCount,
        CancellationToken ct) =>
        fields.Length <= fieldCount || addresses is null || await addresses.CurrentAsync(customerId, ct) is not { } current
        || Digest(current) == fields[fieldCount - 1];
}
