using Registrar.Api.Banks;
using Registrar.Core.Orders;
using Registrar.Core.Privacy;
using Registrar.Payments.Notifications;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;

namespace Registrar.Api.Privacy;

/// <summary>
/// UA-Pre-6: the payments of an invoice keep what the accounts need (the bank's reference, the amount, the invoice they paid,
/// the message that carried them) while the payer's name and account go from the bank message kept verbatim, and from
/// operations' held payments and review items quoting them (<see cref="PayerQuotesEraser"/>). The payments are
/// found from the invoice, with point reads: its paying reference, and the held payments that named it or that operations
/// applied to it, refunded ones included (a scan filtered on the held payments' indexed invoice columns). A registration's renewal invoices
/// (KZ-2.7, UA-1.10) bill it alone, so their payments go with its data.
/// </summary>
public sealed class PaymentRecordsEraser(
    IInvoiceStore<Invoice> invoices,
    IHeldPaymentStore heldPayments,
    IPaymentStore payments,
    IBankMessageStore messages,
    BankMessageReader reader,
    PayerQuotesEraser quotes,
    TimeProvider clock)
{
    /// <returns>How many bank messages had a payer's data replaced.</returns>
    public async Task<int> EraseForInvoiceAsync(string invoiceNumber, CancellationToken ct)
    {
        var references = new HashSet<string>(StringComparer.Ordinal);
        if ((await invoices.GetAsync(invoiceNumber, ct))?.Document.PaymentReference is { } paidBy) references.Add(paidBy);
        await foreach (var held in heldPayments.ListNamingInvoiceAsync(invoiceNumber, ct)) references.Add(held.Document.Credit.Reference);
        var erased = 0;
        foreach (var reference in references)
            if (await EraseAsync(reference, ct)) erased++;
        return erased;
    }

    /// <summary>The payments of the renewal (and registrant change, KZ-2.4) invoices issued for one registration: they name it
    /// instead of an order, so they are found among the customer's invoices.</summary>
    /// <returns>How many bank messages had a payer's data replaced.</returns>
    public async Task<int> EraseForRenewalsAsync(string customerId, string registrationId, CancellationToken ct)
    {
        var erased = 0;
        await foreach (var invoice in invoices.ListByAccountAsync(customerId, ct))
            if (invoice.Renewal?.RegistrationId == registrationId) erased += await EraseForInvoiceAsync(invoice.Number, ct);
        return erased;
    }

    private async Task<bool> EraseAsync(string reference, CancellationToken ct)
    {
        if (await payments.GetAsync(reference, ct) is not { } payment) return false;
        if (await messages.GetAsync(payment.Document.MessageId, ct) is not { } message) return false;
        var body = await messages.ReadBodyAsync(message.Document, ct);
        var credits = reader.Read(message.Document, body).Credits.Where(c => PaymentKeys.Of(c) == reference).ToList();
        var payer = credits.SelectMany(c => new[] { c.PayerName, c.PayerAccount }).OfType<string>().ToList();
        // Operations' texts go first: a run stopped before the message is rewritten finds the payer there again. They quote
        // the purpose the payer wrote as well, which the bank's message keeps as written.
        await quotes.EraseAsync(reference, [.. payer, .. credits.Select(c => $"\"{c.PaymentPurpose}\"")], ct);
        var replaced = ErasedPayerData.Replace(body, message.Document.Charset, payer, ErasedPersonalData.Erased,
            credits.Select(c => c.PaymentPurpose).OfType<string>());
        if (replaced.AsSpan().SequenceEqual(body)) return false;
        while (true)
        {
            try
            {
                await messages.ReplacePayerDataAsync(message, replaced, clock.GetUtcNow(), ct);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                // Marked processed meanwhile: its entries are the same, so the same body replaces it.
                message = await messages.GetAsync(payment.Document.MessageId, ct) ?? throw new InvalidOperationException(
                    $"Bank message {payment.Document.MessageId} vanished while its payer's data were erased.");
            }
        }
    }
}
