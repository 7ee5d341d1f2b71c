using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Registrar.Core.Tariffs;
using Registrar.Core.Zones;
using Registrar.Storage.Stores;

namespace Registrar.Api.Hosting;

/// <summary>
/// The price list a host quotes and invoices from is checked before it starts (UA-2.1.4, UA-3.3):
/// <list type="bullet">
/// <item>The shipped tariffs are placeholders (neither offer states amounts). Outside Development a host refuses to start
/// while any zone's tariff in force, or one published to take effect later, is one, so no customer is quoted or invoiced a
/// made-up price; operations publish the price list (<see cref="PublishedSettings"/>).</item>
/// <item>A list may not take back what the one published before it put in force, nor date a new tariff before its
/// publication (<see cref="TariffRepublication"/>); a list that does is refused, naming each tariff, and the list published
/// before stays on record. An accepted list is recorded as the one published.</item>
/// </list>
/// </summary>
public sealed class TariffStartupCheck(TariffSchedule tariffs, ZoneCatalog zones, PublishedPriceListStore published,
    IHostEnvironment environment, TimeProvider clock, ILogger<TariffStartupCheck> logger) : IHostedService
{
    private const int MaxPublishAttempts = 5;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!environment.IsDevelopment() && tariffs.ZonesWithPlaceholdersFrom(now) is { Count: > 0 } zonesWithPlaceholders)
        {
            throw new InvalidOperationException(
                $"The tariffs for {string.Join(", ", zonesWithPlaceholders.Select(z => "." + z))} in force or to come hold placeholders. Publish the price list " +
                "(a tariffs.json document) and point Tariffs:PriceListPath (or, in Azure, Tariffs:PriceListBlob) at it before quoting or invoicing " +
                "(UA-2.1.4, UA-3.3).");
        }
        for (var attempt = 1; ; attempt++)
        {
            var before = await published.FindAsync(cancellationToken);
            if (before?.Document == tariffs.Document) return;
            if (before is not null && Previous(before) is { } previous && TariffRepublication.Refusals(previous, tariffs, now) is { Count: > 0 } refusals)
            {
                throw new InvalidOperationException(
                    "The price list takes back or backdates published tariffs, so it is not published and the host does not start: "
                    + string.Join(" ", refusals) + " Restore the list published before and add the change as a tariff taking effect later.");
            }
            if (await published.TryPublishAsync(tariffs.Document, before, cancellationToken))
            {
                logger.LogInformation("The price list is published as of {PublishedAt:O}.", now);
                return;
            }
            if (attempt == MaxPublishAttempts)
                throw new InvalidOperationException($"The price list could not be recorded as published: another list was recorded each of {attempt} times.");
        }
    }

    /// <summary>The list on record, read by today's rules; one they no longer read (a rule added since refuses it) is not
    /// judged against, with a warning, rather than keep every later list from starting.</summary>
    private TariffSchedule? Previous(PublishedPriceList record)
    {
        try
        {
            return TariffSchedule.Parse(record.Document, zones);
        }
        catch (TariffDataException e)
        {
            logger.LogWarning(e, "The price list published before cannot be read any more; the new list is published without being compared with it.");
            return null;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
