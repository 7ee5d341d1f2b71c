using System.Globalization;
using System.Text;

namespace Registrar.Core.Customers;

/// <summary>
/// A mailbox with its domain as A-labels (RFC 5890 section 2.3.2.1, RFC 5891 section 4): the form every mail system reads,
/// and the one a sender uses where SMTPUTF8 (RFC 6531) is not negotiated (the Email REST API; MailKit to such a server).
/// </summary>
public static class MailboxSpelling
{
    private static readonly IdnMapping Idn = new();

    /// <summary>The address with an internationalized domain as its A-label; an all-ASCII domain, or one that is not a valid
    /// IDN, as it was written.</summary>
    public static string WithAsciiDomain(string address)
    {
        var at = address.LastIndexOf('@');
        if (at < 0 || Ascii.IsValid(address.AsSpan(at + 1))) return address;
        try
        {
            return string.Concat(address.AsSpan(0, at + 1), Idn.GetAscii(address[(at + 1)..]));
        }
        catch (ArgumentException)
        {
            return address;
        }
    }
}
