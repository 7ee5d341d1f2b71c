using System.Security.Cryptography;
using System.Text;

namespace Registrar.Mail.Acs;

/// <summary>
/// The operation id a mail service is given for a notice: the same notice id always gives the same
/// GUID, so a retried send (an activity or queue message run again) is recognised as the same request
/// instead of mailing the customer twice. A notice sent again after the service failed its send takes the
/// id of its next send.
/// </summary>
public static class NoticeOperationId
{
    // Distinguishes these ids from GUIDs derived from the same text for another purpose.
    private const string Namespace = "registrar-notice:";

    /// <param name="send">1 for the notice's first send, whose id earlier versions gave the notice alone.</param>
    public static Guid For(string noticeId, int send = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(noticeId);
        ArgumentOutOfRangeException.ThrowIfLessThan(send, 1);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(Namespace + noticeId + (send == 1 ? "" : $"#{send}")), hash);
        Span<byte> bytes = hash[..16];

        // RFC 9562 version 8 (custom) with the RFC variant, so the value is a well-formed UUID.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
