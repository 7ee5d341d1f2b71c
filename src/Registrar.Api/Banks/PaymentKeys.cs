using Registrar.Payments.Notifications;

namespace Registrar.Api.Banks;

/// <summary>
/// The keys a bank's credits and reversals are recorded and held under: the bank's reference, the message's for a reference
/// the payer chose (<c>@</c>), the place of a credit alike within one message (<c>~2</c>), and <c>:reversal</c>. The
/// references are free text (ISO 20022 Max35Text), so their own <c>%</c>, <c>~</c>, <c>@</c> and <c>:</c> are escaped: a
/// reference <c>COLL1~2</c> was read as the second credit under <c>COLL1</c>, answered as its duplicate, and neither applied
/// nor held (UA-3.2). A reference without those characters keeps the key earlier versions gave it.
/// </summary>
public static class PaymentKeys
{
    public static string Of(BankCreditNotification credit) => credit.ReferenceIsPayers
        ? $"{BanksReference(credit.BankId, credit.TransactionReference)}@{Escape(credit.MessageReference)}"
        : BanksReference(credit.BankId, credit.TransactionReference);

    /// <summary>A credit the bank names by its own reference, as a reversal names the credit it takes back.</summary>
    public static string BanksReference(string bankId, string reference) => $"{bankId}:{Escape(reference)}";

    /// <summary>The <paramref name="occurrence"/>th credit alike under one key in one message.</summary>
    public static string Repeated(string key, int occurrence) => occurrence == 1 ? key : $"{key}~{occurrence}";

    /// <summary>A reversal's own row, apart from the credit it reverses (banks often repeat that credit's reference).</summary>
    public static string Reversal(string key) => $"{key}:reversal";

    private static string Escape(string reference) => reference
        .Replace("%", "%25", StringComparison.Ordinal)
        .Replace("~", "%7E", StringComparison.Ordinal)
        .Replace("@", "%40", StringComparison.Ordinal)
        .Replace(":", "%3A", StringComparison.Ordinal);
}
