using System.Globalization;

namespace Registrar.Payments.Signatures;

/// <summary>
/// A header like <c>t=1732400000,v1=5257a869…</c>: the Unix time the bank signed at, and one or more
/// hex HMAC-SHA256 signatures (several during a secret rotation).
/// </summary>
internal sealed record HmacSignatureHeader(long Timestamp, IReadOnlyList<byte[]> Signatures)
{
    private const int Sha256Bytes = 32;

    public static HmacSignatureHeader? TryParse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Length > 1024)
            return null;

        long? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0)
                return null;
            var (key, value) = (part[..equals], part[(equals + 1)..]);
            switch (key)
            {
                case "t" when timestamp is null && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var t):
                    timestamp = t;
                    break;
                case "v1" when value.Length == Sha256Bytes * 2 && IsHex(value):
                    signatures.Add(Convert.FromHexString(value));
                    break;
                case "t" or "v1":
                    return null;
                default:
                    break; // other schemes (v0, future versions) are not ours to judge
            }
        }
        return timestamp is null || signatures.Count == 0 ? null : new HmacSignatureHeader(timestamp.Value, signatures);
    }

    private static bool IsHex(string value) => value.All(Uri.IsHexDigit);
}
