using System.Security;
using System.Text;
using Microsoft.AspNetCore.Http;
using Registrar.Api.Privacy;
using Registrar.Core.Orders;
using Registrar.Core.Privacy;
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
        var eraser = new PaymentRecordsEraser(bank.Invoices, bank.HeldPayments, bank.Payments, bank.Messages, bank.Reader, bank.Clock);

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
        var eraser = new PaymentRecordsEraser(bank.Invoices, bank.HeldPayments, bank.Payments, bank.Messages, bank.Reader, bank.Clock);

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

    private static string WithPayer(string credit, string name, string account) => credit.Replace("<RmtInf>",
        $"<RltdPties><Dbtr><Pty><Nm>{SecurityElement.Escape(name)}</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>{account}</IBAN></Id></DbtrAcct></RltdPties><RmtInf>",
        StringComparison.Ordinal);
}
