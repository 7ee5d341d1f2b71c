using System.Xml.Linq;

namespace Registrar.Payments.Camt054;

/// <summary>What an entry's status says of its money.</summary>
internal enum EntryStatusKind
{
    /// <summary>BOOK: the money is on the account.</summary>
    Booked,

    /// <summary>PDNG, FUTR, INFO: money announced, not booked yet; its booking comes as a BOOK notification.</summary>
    NotBookedYet,

    /// <summary>A code this reader does not know (the ISO list is external and grows) or a proprietary status: what it says of
    /// the money is not known, so it is never taken for either of the others.</summary>
    Unknown,
}

/// <param name="Written">The status as the bank wrote it, for the audit line or the operations item.</param>
internal sealed record EntryStatus(EntryStatusKind Kind, string Written)
{
    /// <summary>
    /// ISO 20022 <c>Ntry/Sts</c>: up to .06 an <c>EntryStatus2Code</c> written as the element's text; from .07 an
    /// <c>EntryStatus1Choice</c> of <c>Cd</c> (ExternalEntryStatus1Code, an external list that may grow) or <c>Prtry</c>.
    /// Codes are compared as ISO writes them: "book" is no code of that list.
    /// </summary>
    /// <exception cref="Camt054FormatException">The status is missing, empty or written in another version's shape.</exception>
    public static EntryStatus Of(XElement entry, XNamespace ns, Camt054Version version)
    {
        var sts = entry.Element(ns + "Sts") ?? throw Malformed("An entry has no <Sts>.");
        if (!version.StatusIsCodeChoice)
            return sts.HasElements
                ? throw Malformed($"{version.Name} writes the entry status as a code (<Sts>BOOK</Sts>), not as a choice.")
                : FromCode(Text(sts) ?? throw Malformed("An entry has an empty <Sts>."));
        if (Text(sts.Element(ns + "Cd")) is { } code)
            return FromCode(code);
        // A proprietary status is the bank's own word. One spelling ISO's BOOK says the money is booked, as banks that write it mean;
        // any other is not known, and skipping it as "not booked yet" would lose a credit no BOOK may follow (UA-3.2).
        return Text(sts.Element(ns + "Prtry")) is { } proprietary
            ? new EntryStatus(proprietary == "BOOK" ? EntryStatusKind.Booked : EntryStatusKind.Unknown, $"proprietary '{proprietary}'")
            : throw Malformed($"{version.Name} writes the entry status as <Sts><Cd>BOOK</Cd></Sts>.");
    }

    private static EntryStatus FromCode(string code) => code switch
    {
        "BOOK" => new EntryStatus(EntryStatusKind.Booked, code),
        "PDNG" or "FUTR" or "INFO" => new EntryStatus(EntryStatusKind.NotBookedYet, code),
        _ => new EntryStatus(EntryStatusKind.Unknown, $"'{code}'"),
    };

    private static string? Text(XElement? element)
    {
        var value = element?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static Camt054FormatException Malformed(string message) => new(Notifications.NotificationRejectionReason.Malformed, message);
}
