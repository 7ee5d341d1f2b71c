using System.Security;
using System.Text;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Registrar.Api.Operations;
using Registrar.Api.Privacy;
using Registrar.Core.Operations;
using Registrar.Core.Orders;
using Registrar.Core.Privacy;
using Registrar.Payments.Matching;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;
using Registrar.Testing;

namespace Registrar.Api.Tests.Banks;

/// <summary>UA-Pre-6 on Azurite: the bank message that paid an erased customer's invoice loses the payer's name and account,
/// and keeps every amount, reference and invoice number, and the other payers' entries.</summary>
public sealed class PaymentRecordsErasureTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Payer = "Олена Петренко & Син";
    private const string Account = "UA213223130000026007233566001";
    private const string OtherPayer = "Марко Іваненко";

    [Fact]
    public async Task The_bank_message_that_paid_an_invoice_loses_its_payers_name_and_account_and_keeps_amounts_and_references_UA_Pre_6()
    {
        var bank = new BankHarness(azurite);
        var (erased, kept) = (await bank.OrderAsync(301), await bank.OrderAsync(302));
        var body = CamtFiles.Utf8(WithPayer(CamtFiles.Credit("TX-ERASE-1", erased.InvoiceNumber), Payer, Account),
            WithPayer(CamtFiles.Credit("TX-KEEP-1", kept.InvoiceNumber), OtherPayer, "KZ86125KZT5004100999"));
        Assert.Equal(StatusCodes.Status200OK, (await bank.PostCamtAsync(body) as IStatusCodeHttpResult)?.StatusCode);
        var eraser = new PaymentRecordsEraser(bank.Invoices, bank.HeldPayments, bank.Payments, bank.Messages, bank.Reader,
            new PayerQuotesEraser(bank.HeldPayments, bank.Review), bank.Clock);

        Assert.Equal(1, await eraser.EraseForInvoiceAsync(erased.InvoiceNumber, default));
        Assert.Equal(0, await eraser.EraseForInvoiceAsync(erased.InvoiceNumber, default));

        var payment = (await bank.Payments.GetAsync($"{BankHarness.Bank}:TX-ERASE-1", default))!.Document;
        var message = (await bank.Messages.GetAsync(payment.MessageId, default))!.Document;
        var stored = await bank.Messages.ReadBodyAsync(message, default);
        var text = Encoding.UTF8.GetString(stored);
        Assert.DoesNotContain("Петренко", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Account, text, StringComparison.Ordinal);
        Assert.Contains(OtherPayer, text, StringComparison.Ordinal);
        Assert.Equal(bank.Clock.GetUtcNow(), message.PayerDataErasedAt);
        var credits = bank.Reader.Read(message, stored).Credits;
        Assert.Equal([("TX-ERASE-1", 6000m, ErasedPersonalData.Erased, ErasedPersonalData.Erased), ("TX-KEEP-1", 6000m, OtherPayer, "KZ86125KZT5004100999")],
            credits.Select(c => (c.TransactionReference, c.Amount, c.PayerName ?? "", c.PayerAccount ?? "")).OrderBy(c => c.TransactionReference, StringComparer.Ordinal));
        Assert.Contains(erased.InvoiceNumber, credits.Single(c => c.TransactionReference == "TX-ERASE-1").PaymentPurpose, StringComparison.Ordinal);
        var invoice = (await bank.Invoices.GetAsync(erased.InvoiceNumber, default))!.Document;
        Assert.Equal((InvoiceStatus.Paid, $"{BankHarness.Bank}:TX-ERASE-1", 6000m), (invoice.Status, invoice.PaymentReference, invoice.Total.Amount));
    }

    [Fact]
    public async Task The_payments_of_a_registrations_renewal_invoices_lose_their_payers_data_and_another_registrations_keep_theirs_UA_Pre_6()
    {
        var bank = new BankHarness(azurite);
        var (renewed, renewedAgain, other) = (await bank.RenewalInvoiceAsync(311, "O1-0"), await bank.RenewalInvoiceAsync(312, "O1-0"),
            await bank.RenewalInvoiceAsync(313, "O2-0"));
        var body = CamtFiles.Utf8(WithPayer(CamtFiles.Credit("TX-RENEW-1", renewed.Number), Payer, Account),
            WithPayer(CamtFiles.Credit("TX-RENEW-2", renewedAgain.Number), "Петро Сидоренко", "UA903052992990004149123456789"),
            WithPayer(CamtFiles.Credit("TX-RENEW-3", other.Number), OtherPayer, "KZ86125KZT5004100999"));
        Assert.Equal(StatusCodes.Status200OK, (await bank.PostCamtAsync(body) as IStatusCodeHttpResult)?.StatusCode);
        var eraser = new PaymentRecordsEraser(bank.Invoices, bank.HeldPayments, bank.Payments, bank.Messages, bank.Reader,
            new PayerQuotesEraser(bank.HeldPayments, bank.Review), bank.Clock);

        Assert.Equal(2, await eraser.EraseForRenewalsAsync("cust-b", "O1-0", default));
        Assert.Equal(0, await eraser.EraseForRenewalsAsync("cust-b", "O1-0", default));

        var message = (await bank.Messages.GetAsync((await bank.Payments.GetAsync($"{BankHarness.Bank}:TX-RENEW-1", default))!.Document.MessageId, default))!.Document;
        var credits = bank.Reader.Read(message, await bank.Messages.ReadBodyAsync(message, default)).Credits;
        Assert.Equal([("TX-RENEW-1", ErasedPersonalData.Erased, ErasedPersonalData.Erased), ("TX-RENEW-2", ErasedPersonalData.Erased, ErasedPersonalData.Erased),
            ("TX-RENEW-3", OtherPayer, "KZ86125KZT5004100999")],
            credits.Select(c => (c.TransactionReference, c.PayerName ?? "", c.PayerAccount ?? "")).OrderBy(c => c.TransactionReference, StringComparer.Ordinal));
        Assert.All(credits, c => Assert.Equal(6000m, c.Amount));
        var kept = (await bank.Invoices.GetAsync(renewed.Number, default))!.Document;
        Assert.Equal((InvoiceStatus.Paid, $"{BankHarness.Bank}:TX-RENEW-1", 6000m, "O1-0"), (kept.Status, kept.PaymentReference, kept.Total.Amount, kept.Renewal!.RegistrationId));
    }

    [Fact]
    public async Task Held_payments_applied_to_an_invoice_and_their_review_items_lose_what_quotes_the_payer_and_keep_amounts_and_references_UA_Pre_6()
    {
        var bank = new BankHarness(azurite);
        var (erased, kept) = (await bank.OrderAsync(321), await bank.OrderAsync(322));
        // No invoice number in either purpose: both are held (UA-3.2), their explanations quoting what the payer wrote.
        var body = CamtFiles.Utf8(WithPayer(CamtFiles.Credit("TX-HELD-1", "", purpose: $"Оплата від {SecurityElement.Escape(Payer)} за домен"), Payer, Account),
            WithPayer(CamtFiles.Credit("TX-HELD-2", "", purpose: $"Оплата від {OtherPayer} за домен"), OtherPayer, "KZ86125KZT5004100999"));
        Assert.Equal(StatusCodes.Status200OK, (await bank.PostCamtAsync(body) as IStatusCodeHttpResult)?.StatusCode);
        await MovedByOperationsAsync(bank, "TX-HELD-1", erased.InvoiceNumber, $"{Payer} phoned: it pays {erased.InvoiceNumber}");
        await MovedByOperationsAsync(bank, "TX-HELD-2", kept.InvoiceNumber, $"{OtherPayer} phoned: it pays {kept.InvoiceNumber}");
        var eraser = new PaymentRecordsEraser(bank.Invoices, bank.HeldPayments, bank.Payments, bank.Messages, bank.Reader,
            new PayerQuotesEraser(bank.HeldPayments, bank.Review), bank.Clock);

        Assert.Equal(1, await eraser.EraseForInvoiceAsync(erased.InvoiceNumber, default));

        var held = (await bank.HeldPayments.GetAsync($"{BankHarness.Bank}:TX-HELD-1", default))!.Document;
        Assert.DoesNotContain("Петренко", held.Explanation + held.Resolution!.Reason, StringComparison.Ordinal);
        Assert.Contains(ErasedPersonalData.Erased, held.Explanation, StringComparison.Ordinal);
        Assert.Equal(($"{BankHarness.Bank}:TX-HELD-1", 6000m, "KZT", nameof(HoldReason.NoInvoiceNumberInPurpose), HeldPaymentAction.Moved, erased.InvoiceNumber, "ops-anna"),
            (held.Credit.Reference, held.Credit.Amount, held.Credit.CurrencyCode, held.Reason, held.Resolution.Action, held.Resolution.InvoiceNumber, held.Resolution.By));
        var other = (await bank.HeldPayments.GetAsync($"{BankHarness.Bank}:TX-HELD-2", default))!.Document;
        Assert.Contains(OtherPayer, other.Explanation + other.Resolution!.Reason, StringComparison.Ordinal);
        var review = (await bank.Clients.Table("review").QueryAsync<TableEntity>().ToListAsync()).Select(DocumentTable.Read<ReviewItem>).ToList();
        var item = review.Single(r => r.Document.Id == held.Credit.Reference);
        Assert.Equal("resolved", item.PartitionKey);
        Assert.DoesNotContain("Петренко", item.Document.Explanation + item.Document.ResolutionNote, StringComparison.Ordinal);
        Assert.Equal((held.Credit.Reference, "ops-anna"), (item.Document.Subject, item.Document.ResolvedBy));
        Assert.Contains(erased.InvoiceNumber, item.Document.ResolutionNote, StringComparison.Ordinal);
        var otherItem = review.Single(r => r.Document.Id == other.Credit.Reference).Document;
        Assert.Contains(OtherPayer, otherItem.Explanation + otherItem.ResolutionNote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bank_message_kept_in_ISO_8859_1_loses_its_payer_and_purpose_but_the_invoice_number_and_keeps_every_other_byte_UA_Pre_6()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(331);
        const string LatinPayer = "Jürgen Müller & Söhne";
        var text = CamtFiles.Document("ISO-8859-1", [WithPayer(CamtFiles.Credit("TX-LATIN-1", order.InvoiceNumber, purpose: "Zahlung für"), LatinPayer, Account)]);
        Assert.Equal(StatusCodes.Status200OK, (await bank.PostCamtAsync(Encoding.Latin1.GetBytes(text)) as IStatusCodeHttpResult)?.StatusCode);
        var eraser = new PaymentRecordsEraser(bank.Invoices, bank.HeldPayments, bank.Payments, bank.Messages, bank.Reader,
            new PayerQuotesEraser(bank.HeldPayments, bank.Review), bank.Clock);

        Assert.Equal(1, await eraser.EraseForInvoiceAsync(order.InvoiceNumber, default));

        var message = (await bank.Messages.GetAsync((await bank.Payments.GetAsync($"{BankHarness.Bank}:TX-LATIN-1", default))!.Document.MessageId, default))!.Document;
        var stored = await bank.Messages.ReadBodyAsync(message, default);
        Assert.Equal(Encoding.Latin1.GetBytes(Erased(text, LatinPayer, $"Zahlung für {order.InvoiceNumber}", order.InvoiceNumber)), stored);
        var credit = Assert.Single(bank.Reader.Read(message, stored).Credits);
        Assert.Equal((ErasedPersonalData.Erased, 6000m, $"erased {order.InvoiceNumber}"), (credit.PayerName, credit.Amount, credit.PaymentPurpose));
    }

    [Fact]
    public async Task A_bank_message_kept_in_windows_1251_loses_its_payer_and_purpose_but_the_invoice_number_and_keeps_every_other_byte_UA_Pre_6()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(332);
        var windows1251 = CodePagesEncodingProvider.Instance.GetEncoding(1251)!;
        var text = CamtFiles.Document("windows-1251", [WithPayer(CamtFiles.Credit("TX-1251-1", order.InvoiceNumber), Payer, Account)]);
        Assert.Equal(StatusCodes.Status200OK, (await bank.PostCamtAsync(windows1251.GetBytes(text)) as IStatusCodeHttpResult)?.StatusCode);
        var eraser = new PaymentRecordsEraser(bank.Invoices, bank.HeldPayments, bank.Payments, bank.Messages, bank.Reader,
            new PayerQuotesEraser(bank.HeldPayments, bank.Review), bank.Clock);

        Assert.Equal(1, await eraser.EraseForInvoiceAsync(order.InvoiceNumber, default));

        var message = (await bank.Messages.GetAsync((await bank.Payments.GetAsync($"{BankHarness.Bank}:TX-1251-1", default))!.Document.MessageId, default))!.Document;
        var stored = await bank.Messages.ReadBodyAsync(message, default);
        Assert.Equal(windows1251.GetBytes(Erased(text, Payer, $"Оплата по счету {order.InvoiceNumber}", order.InvoiceNumber)), stored);
        var credit = Assert.Single(bank.Reader.Read(message, stored).Credits);
        Assert.Equal((ErasedPersonalData.Erased, 6000m, $"erased {order.InvoiceNumber}"), (credit.PayerName, credit.Amount, credit.PaymentPurpose));
    }

    [Fact]
    public async Task A_bank_message_in_windows_1251_named_only_by_its_content_type_loses_its_payer_and_stays_windows_1251_UA_Pre_6()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(333);
        var windows1251 = CodePagesEncodingProvider.Instance.GetEncoding(1251)!;
        var text = CamtFiles.Undeclared(WithPayer(CamtFiles.Credit("TX-1251-2", order.InvoiceNumber), Payer, Account));
        var posted = await bank.PostCamtAsync(windows1251.GetBytes(text), contentType: "application/xml; charset=windows-1251");
        Assert.Equal(StatusCodes.Status200OK, (posted as IStatusCodeHttpResult)?.StatusCode);
        var eraser = new PaymentRecordsEraser(bank.Invoices, bank.HeldPayments, bank.Payments, bank.Messages, bank.Reader,
            new PayerQuotesEraser(bank.HeldPayments, bank.Review), bank.Clock);

        Assert.Equal(1, await eraser.EraseForInvoiceAsync(order.InvoiceNumber, default));

        var message = (await bank.Messages.GetAsync((await bank.Payments.GetAsync($"{BankHarness.Bank}:TX-1251-2", default))!.Document.MessageId, default))!.Document;
        var stored = await bank.Messages.ReadBodyAsync(message, default);
        Assert.Equal(windows1251.GetBytes(Erased(text, Payer, $"Оплата по счету {order.InvoiceNumber}", order.InvoiceNumber)), stored);
        Assert.Equal($"erased {order.InvoiceNumber}", Assert.Single(bank.Reader.Read(message, stored).Credits).PaymentPurpose);
    }

    /// <summary>The message as the erasure leaves it: the payer's name and account, and the purpose but the invoice it named, replaced.</summary>
    private static string Erased(string text, string payer, string purpose, string invoiceNumber) =>
        text.Replace(SecurityElement.Escape(payer), ErasedPersonalData.Erased, StringComparison.Ordinal)
            .Replace(Account, ErasedPersonalData.Erased, StringComparison.Ordinal)
            .Replace($"<Ustrd>{purpose}</Ustrd>", $"<Ustrd>{ErasedPersonalData.Erased} {invoiceNumber}</Ustrd>", StringComparison.Ordinal);

    /// <summary>Operations apply a held credit to an invoice it did not name, as ApplyHeldPaymentFlow records it.</summary>
    private static async Task MovedByOperationsAsync(BankHarness bank, string transaction, string invoiceNumber, string reason)
    {
        var current = (await bank.HeldPayments.GetAsync($"{BankHarness.Bank}:{transaction}", default))!;
        var resolved = await bank.HeldPayments.ResolveAsync(current,
            new HeldPaymentResolution(HeldPaymentAction.Moved, "ops-anna", bank.Clock.GetUtcNow(), reason, invoiceNumber), default);
        await new HeldPaymentJournal(new AuditLog<HeldPaymentAudit>(bank.Clients), bank.Review).RecordAsync(resolved.Document, default);
    }

    private static string WithPayer(string credit, string name, string account) => credit.Replace("<RmtInf>",
        $"<RltdPties><Dbtr><Pty><Nm>{SecurityElement.Escape(name)}</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>{account}</IBAN></Id></DbtrAcct></RltdPties><RmtInf>",
        StringComparison.Ordinal);
}
