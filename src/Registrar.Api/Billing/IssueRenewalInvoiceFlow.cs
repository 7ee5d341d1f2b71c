using Microsoft.Extensions.Logging;
using Registrar.Core.Deadlines;
using Registrar.Core.Lifecycle;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Core.Tariffs;
using Registrar.Core.Telemetry;
using Registrar.Core.Zones;
using Registrar.Payments.Invoices;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;

namespace Registrar.Api.Billing;

/// <summary>
/// Carries out <see cref="IssueRenewalInvoice"/>: the renewal priced with the tariff in force when the invoice is
/// issued (UA-3.3; the redemption tariff when the command says so, UA-1.11; a registrant change priced as the tariff's
/// RegistrantChange, KZ-2.4, whose payment reaches the registration the same way), numbered in the zone's series, stored
/// payable until the command's due instant (KZ-2.7, KZ-3.3), and its number and amount raised to the registration.
/// Idempotent by the command id: the issue instant is the one the command carries (or, for a command without one, fixed
/// by the first attempt) and the number is claimed under the command id, so a redelivery or a retry after a crash finds
/// the same invoice and spends no second number.
/// </summary>
public sealed class IssueRenewalInvoiceFlow(
    TariffSchedule tariffs,
    ZoneCatalog zones,
    ZoneDeadlines deadlines,
    RenewalIssueInstants issueInstants,
    IInvoiceStore<Invoice> invoices,
    ILifecycleEvents<RegistrationEvent> registrations,
    TimeProvider clock,
    ILogger<IssueRenewalInvoiceFlow> logger)
{
    public async Task<Invoice> CarryOutAsync(IssueRenewalInvoice command, CancellationToken ct)
    {
        using var activity = RegistrarTelemetry.Lifecycle.StartActivity("issue renewal invoice");
        activity?.SetTag("registrar.registration", command.RegistrationId);
        activity?.SetTag("registrar.command.id", command.CommandId);

        // A renewal the tariff cannot price (no tariff in force, no redemption price, a term the zone does not offer)
        // fails here, before anything is fixed or numbered; the host hands repeated failure to the decider.
        VerifyPriced(command, clock.GetUtcNow());

        var issuedAt = await IssueInstantAsync(command, ct);
        var invoice = await StoredOrIssuedAsync(command, issuedAt, ct);
        var eventId = "answer:" + command.CommandId;
        await registrations.RaiseAsync(command.RegistrationId, eventId,
            new RenewalInvoiceIssued(eventId, command.CommandId, invoice.Number, invoice.Total, invoice.DueAt), ct);

        activity?.SetTag("registrar.invoice", invoice.Number);
        logger.LogInformation("Renewal invoice {Invoice} issued for {Registration} by command {Command}",
            invoice.Number, command.RegistrationId, command.CommandId);
        return invoice;
    }

    private void VerifyPriced(IssueRenewalInvoice command, DateTimeOffset now) => _ = Price(command, now);

    /// <summary>The instant the decider asked for the invoice, when a tariff prices it then. A command stored before commands
    /// carried it, or one whose instant no tariff prices (the cause of its failure, fixed since by a new tariff), is issued
    /// as of its first attempt that can be priced, kept in storage for the attempts after it.</summary>
    private async Task<DateTimeOffset> IssueInstantAsync(IssueRenewalInvoice command, CancellationToken ct)
    {
        if (command.AskedAt is { } askedAt)
        {
            try
            {
                _ = Price(command, askedAt);
                return askedAt;
            }
            catch (Exception e) when (e is NoTariffInForceException or OperationNotPricedException)
            {
                logger.LogWarning("No tariff prices renewal invoice command {Command} as of when it was asked; it is issued as of now", command.CommandId);
            }
        }
        return await issueInstants.FixAsync(command.CommandId, clock.GetUtcNow(), ct);
    }

    private PriceQuote Price(IssueRenewalInvoice command, DateTimeOffset issuedAt) =>
        tariffs.Quote(command.Zone, command.Operation, command.Years, issuedAt);

    private async Task<Invoice> StoredOrIssuedAsync(IssueRenewalInvoice command, DateTimeOffset issuedAt, CancellationToken ct)
    {
        // The registrar's country is the series, so .kz and .ua invoices never share a number; dated in the
        // registrar's own time zone, as an order's invoice is.
        var series = zones.For(command.Zone).CalendarCountry;
        var issuedOn = deadlines.LocalDate(command.Zone, issuedAt);
        var total = Price(command, issuedAt).Total;

        // Numbered and stored in one transaction, the number claimed under the command id: a redelivery finds this command's
        // invoice, and a number is spent only with its invoice. There is no order behind a renewal: the invoice names the
        // registration it renews, so nothing that reads an invoice's order can take it for the invoice of the registration's
        // original order.
        var stored = await invoices.IssueAsync(new InvoiceClaim(series, issuedOn.Year, issuedOn.Month, "renewal|" + command.CommandId), sequenceNumber =>
        {
            var number = InvoiceNumber.Create(series, issuedOn, sequenceNumber).ToString();
            var invoice = new Invoice(number, command.RegistrationId, command.CustomerId, total, issuedAt, deadlines.LocalTime(command.Zone, command.DueAt), InvoiceStatus.Open,
                Renewal: new RenewalOf(command.RegistrationId, command.DomainName, command.Years, command.Operation));
            return new NewInvoice<Invoice>(number, command.CustomerId, invoice, invoice.Status.ToString());
        }, ct);
        return stored.Document;
    }
}
