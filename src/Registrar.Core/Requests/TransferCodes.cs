using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;

namespace Registrar.Core.Requests;

/// <summary>
/// KZ-App-9: a domain's transfer (authInfo) code, derived from the command that sets it at the registry with the
/// registrar's secret key (HMAC-SHA256). The registry flow that sets the code and the notice that mails it derive the same
/// one, so the code is never kept in a state, an event, a queue message or a log; a command carried out again sets the
/// same code, and each new request gets a new one. The code mixes upper-case letters, lower-case letters and digits
/// in groups, as registries' authInfo rules ask.
/// </summary>
public sealed class TransferCodes
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const int Groups = 4;
    private const int GroupLength = 4;

    private readonly byte[] _key;

    /// <param name="base64Key">At least 32 bytes, base64 (<see cref="TransferCodeOptions.SigningKey"/>).</param>
    public TransferCodes(string base64Key)
    {
        _key = Convert.FromBase64String(base64Key);
        if (_key.Length < 32) throw new ArgumentException("The transfer code key needs at least 32 bytes.", nameof(base64Key));
    }

    /// <summary>The code the <see cref="Registrations.SetTransferCode"/> command <paramref name="commandId"/> sets.</summary>
    public string For(string commandId) => Derive("transfer-code:" + commandId);

    /// <summary>KZ-2.1, KZ-App-5: the authInfo the domain:create of registration <paramref name="registrationId"/> sets. Known only
    /// to this registrar and to the registry, which shows it to the sponsor alone (RFC 5731 section 3.1.2), it tells at a
    /// read-back which registration's create made a domain, where sponsor, registrant and dates cannot.</summary>
    public string ForCreatedDomain(string registrationId) => Derive("domain-create:" + registrationId);

    private string Derive(string purpose)
    {
        var digest = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(purpose));
        string[] alphabets = [Upper, Lower, Digits];
        var code = new StringBuilder(Groups * (GroupLength + 1));
        for (var i = 0; i < Groups * GroupLength; i++)
        {
            if (i > 0 && i % GroupLength == 0) code.Append('-');
            var alphabet = alphabets[i % alphabets.Length];
            code.Append(alphabet[digest[i] % alphabet.Length]);
        }
        return code.ToString();
    }
}

/// <summary>Bound from "TransferCodes".</summary>
public sealed class TransferCodeOptions
{
    public const string Section = "TransferCodes";

    /// <summary>Base64 of at least 32 random bytes: the key transfer codes (KZ-App-9) and a create's authInfo (KZ-2.1) are
    /// derived with. Changing it changes no code already set at a registry; it stops a resent notice from carrying the code
    /// its command set, and a create in flight then reads back as another's (name taken, flagged for operations).</summary>
    [Required, MinLength(44)] public string SigningKey { get; set; } = "";
}
