using System.Globalization;

namespace Registrar.Payments.Camt054;

/// <summary>
/// The camt.054 (BankToCustomerDebitCreditNotification) schema versions this reader understands, and the
/// two places where their shapes differ in what we read. Checked against the ISO 20022 schemas:
/// up to .06 an entry's status is <c>EntryStatus2Code</c> (<c>&lt;Sts&gt;BOOK&lt;/Sts&gt;</c>) and a debtor is a
/// <c>PartyIdentification</c> (<c>Dbtr/Nm</c>); from .07 the status is <c>EntryStatus1Choice</c>
/// (<c>&lt;Sts&gt;&lt;Cd&gt;BOOK&lt;/Cd&gt;&lt;/Sts&gt;</c>) and the debtor a party-or-agent choice (<c>Dbtr/Pty/Nm</c>).
/// Versions .09 to .13 (ISO 20022 releases 2019 to 2024) renumber the types but keep every element read here
/// where .08 has it (ReportEntry, EntryDetails, EntryTransaction, TransactionParties with Party50Choice,
/// RemittanceInformation), so they are read as .08 is; a bank moving to a newer release is not refused.
/// </summary>
internal sealed record Camt054Version(int Number)
{
    public const int Oldest = 2;
    public const int Newest = 13;
    private const string NamespacePrefix = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.";

    public string Name => string.Create(CultureInfo.InvariantCulture, $"camt.054.001.{Number:D2}");

    public bool StatusIsCodeChoice => Number >= 7;

    public bool DebtorIsPartyChoice => Number >= 7;

    private const string CashManagementPrefix = "urn:iso:std:iso:20022:tech:xsd:camt.";

    public static bool IsCamt054Namespace(string namespaceName) =>
        namespaceName.StartsWith(NamespacePrefix, StringComparison.Ordinal);

    /// <summary>An ISO 20022 cash management message (camt.052, camt.053, …) other than camt.054.</summary>
    public static bool IsOtherCashManagementNamespace(string namespaceName) =>
        namespaceName.StartsWith(CashManagementPrefix, StringComparison.Ordinal) && !IsCamt054Namespace(namespaceName);

    /// <summary>The version named by a camt.054 namespace, or null when it is outside .02–.13.</summary>
    public static Camt054Version? FromNamespace(string namespaceName)
    {
        var suffix = namespaceName[NamespacePrefix.Length..];
        return suffix.Length == 2
               && int.TryParse(suffix, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
               && number is >= Oldest and <= Newest
            ? new Camt054Version(number)
            : null;
    }

    public static string Supported => $"{new Camt054Version(Oldest).Name} to {new Camt054Version(Newest).Name}";
}
