using Microsoft.Extensions.Hosting;
using Registrar.Core.Tariffs;

namespace Registrar.Api.Hosting;

/// <summary>
/// The shipped tariffs are placeholders (neither offer states amounts: UA-2.1.4, UA-3.3). Outside
/// Development a host refuses to start while any zone's tariff in force, or one published to take effect later, is one, so
/// no customer is quoted or invoiced a made-up price; operations publish the price list (<see cref="PublishedSettings"/>).
/// </summary>
public sealed class TariffStartupCheck(TariffSchedule tariffs, IHostEnvironment environment, TimeProvider clock) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (environment.IsDevelopment()) return Task.CompletedTask;
        var zones = tariffs.ZonesWithPlaceholdersFrom(clock.GetUtcNow());
        if (zones.Count > 0)
        {
            throw new InvalidOperationException(
                $"The tariffs for {string.Join(", ", zones.Select(z => "." + z))} in force or to come hold placeholders. Publish the price list " +
                "(a tariffs.json document) and point Tariffs:PriceListPath (or, in Azure, Tariffs:PriceListBlob) at it before quoting or invoicing " +
                "(UA-2.1.4, UA-3.3).");
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
