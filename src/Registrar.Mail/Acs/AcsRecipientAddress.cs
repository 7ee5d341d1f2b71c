using System.Globalization;
using System.Text;

namespace Registrar.Mail.Acs;

/// <summary>
/// The recipient as the Email REST API is given it. The API negotiates no SMTPUTF8 (RFC 6531), so an address at an
/// internationalized domain (a customer's <c>info@пример.қаз</c>) goes with its domain as the A-label (RFC 5890 section
/// 2.3.2.1, RFC 5891 section 4), the form every mail system takes and the one MailKit sends to a server without SMTPUTF8:
/// both hosts then address the same notice alike. An all-ASCII address is passed as it is.
/// </summary>
internal static class AcsRecipientAddress
{
    private static readonly IdnMapping Idn = new();

    public static string For(string address)
    {
        var at = address.LastIndexOf('@');
        if (at < 0 || Ascii.IsValid(address.AsSpan(at + 1))) return address;
        return string.Concat(address.AsSpan(0, at + 1), Idn.GetAscii(address[(at + 1)..]));
    }
}
