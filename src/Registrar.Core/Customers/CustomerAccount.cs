using System.Text;
using Registrar.Core.Registrations;

namespace Registrar.Core.Customers;

/// <summary>
/// KZ-2.2: each customer has exactly one responsible contact, so the contact e-mail is the account's, not each order's or
/// registration's. The first order opens the account with its address; later orders and every registration of the
/// customer send their notices to the account's address, and only an approved change (UA-4.7) moves it.
/// </summary>
/// <param name="ChangedByRequest">The last approved contact-email-change request applied; applying it again changes nothing.</param>
/// <param name="PreviousContactEmail">The address that request replaced: the one told of the change (UA-4.7).</param>
public sealed record CustomerAccount(
    string CustomerId, string ContactEmail, DateTimeOffset OpenedAt, string? ChangedByRequest = null, string? PreviousContactEmail = null)
{
    public static CustomerAccount Open(string customerId, string contactEmail, DateTimeOffset at) => new(customerId, contactEmail, at);

    /// <summary>KZ-2.2: an order naming this address (case, surrounding blanks and its spelling aside, as mail systems read it) names the
    /// account's one contact.</summary>
    public bool HasContactEmail(string email) => SameAddress(ContactEmail, email);

    public static bool SameAddress(string one, string other) => string.Equals(Canonical(one), Canonical(other), StringComparison.OrdinalIgnoreCase);

    /// <summary>One spelling of a mailbox: NFC (RFC 6530 section 10.1), its domain as A-labels (RFC 5890), so that the
    /// forms a keyboard or a mail client may give the same address compare as that address.</summary>
    private static string Canonical(string address) => MailboxSpelling.WithAsciiDomain(address.Trim().Normalize(NormalizationForm.FormC));

    /// <summary>UA-4.7, KZ-2.6: only a proved request operations approved, or one no contract asks their consent to, reaches here;
    /// the same request twice is one change.</summary>
    public CustomerAccount WithApprovedChange(string requestId, string email) => ChangedByRequest == requestId
        ? this
        : this with { ContactEmail = email, ChangedByRequest = requestId, PreviousContactEmail = ContactEmail };

    /// <summary>
    /// KZ-2.2: where <paramref name="notice"/> goes. Every notice of this customer goes to the account's address, whatever
    /// its registration stored when it was ordered, except the one telling the replaced address of its replacement (UA-4.7),
    /// which goes to the address that change replaced. Another customer's notice keeps its own address.
    /// </summary>
    public SendNotice Address(SendNotice notice)
    {
        if (notice.CustomerId != CustomerId) return notice;
        if (notice.Kind != NoticeKind.ContactEmailChanged) return notice with { To = ContactEmail };
        return notice.Facts?.RequestId is { } requestId && requestId == ChangedByRequest && PreviousContactEmail is { } previous
            ? notice with { To = previous }
            : notice;
    }
}
