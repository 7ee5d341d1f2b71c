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

    /// <summary>Whether a link mailed to the address of <paramref name="digest"/> still reaches the account (null: a link issued before
    /// links carried it, or a customer without an account).</summary>
    public static async Task<bool> StillAddressedAsync(IContactAddresses? addresses, string customerId, string? digest, CancellationToken ct) =>
        digest is null || addresses is null || await addresses.CurrentAsync(customerId, ct) is not { } current || Digest(current) == digest;
}
