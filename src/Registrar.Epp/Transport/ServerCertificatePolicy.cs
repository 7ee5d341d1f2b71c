using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Registrar.Epp.Transport;

/// <summary>Decides whether the registry's certificate is trusted: by a pinned SHA-256 thumbprint
/// when configured (self-signed registry or simulator), otherwise by normal chain and name validation.
/// There is deliberately no "accept anything" mode.</summary>
public sealed class ServerCertificatePolicy
{
    private readonly HashSet<string> _pinned;

    public ServerCertificatePolicy(IEnumerable<string> pinnedSha256Thumbprints) =>
        _pinned = pinnedSha256Thumbprints.Select(Normalize).Where(t => t.Length > 0).ToHashSet(StringComparer.Ordinal);

    public bool IsPinned => _pinned.Count > 0;

    public bool Accepts(X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null) return false;
        if (!IsPinned) return errors == SslPolicyErrors.None;
        return _pinned.Contains(Thumbprint(certificate));
    }

    /// <summary>The SHA-256 thumbprint in the form configuration expects (upper-case hex).</summary>
    public static string Thumbprint(X509Certificate certificate) => certificate.GetCertHashString(HashAlgorithmName.SHA256);

    private static string Normalize(string thumbprint) =>
        new string(thumbprint.Where(Uri.IsHexDigit).ToArray()).ToUpperInvariant();
}
