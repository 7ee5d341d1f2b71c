using Registrar.Core.Money;
using Registrar.Core.Zones;

namespace Registrar.Core.Tariffs;

/// <summary>One published tariff as written in tariffs.json.</summary>
/// <param name="PricesPerYear">Operation name ("register", "renew", "redemptionRenewal", "registrantChange") to amount, e.g. "1500.00".</param>
/// <param name="RegistrantChangePricedAsRegistration">KZ-2.4: a change of registrant costs a registration.</param>
internal sealed record TariffEntry(
    string Zone,
    string Currency,
    DateTimeOffset EffectiveFrom,
    bool Placeholder,
    IReadOnlyDictionary<string, string> PricesPerYear,
    bool RegistrantChangePricedAsRegistration);

internal static class TariffEntryReader
{
    public static TariffSchedule.PricedPeriod Read(TariffEntry entry, ZoneCatalog zones)
    {
        if (!zones.TryFor(entry.Zone, out var policy))
            throw new TariffDataException(
                $"A tariff names zone '{entry.Zone}', which this registrar does not serve; the zones are: " +
                string.Join(", ", zones.All.Select(z => "." + z.Zone)) + ".");
        var where = $"The tariff for .{policy.Zone} from {entry.EffectiveFrom:O}";
        // UA-3.1 / KZ-3.3: each zone bills in its own currency.
        if (entry.Currency != policy.Currency.Code)
            throw new TariffDataException(
                $"{where} is in {entry.Currency}, but .{policy.Zone} bills in {policy.Currency.Code} ({policy.InvoicePaymentWindow.Rule}, UA-3.1).");

        var tariffs = new Dictionary<TariffOperation, Tariff>();
        foreach (var (name, amount) in entry.PricesPerYear)
        {
            if (!Enum.TryParse<TariffOperation>(name, ignoreCase: true, out var operation) || int.TryParse(name, out _))
                throw new TariffDataException(
                    $"{where} prices '{name}', which is not an operation; expected one of: {string.Join(", ", Enum.GetNames<TariffOperation>())}.");
            tariffs[operation] = new Tariff(policy.Zone, operation, ReadAmount(where, name, amount, policy.Currency),
                entry.EffectiveFrom, entry.Placeholder);
        }
        foreach (var required in new[] { TariffOperation.Register, TariffOperation.Renew })
            if (!tariffs.ContainsKey(required))
                throw new TariffDataException($"{where} has no '{required}' price; every tariff prices registration and renewal.");

        if (entry.RegistrantChangePricedAsRegistration)
        {
            if (tariffs.ContainsKey(TariffOperation.RegistrantChange))
                throw new TariffDataException(
                    $"{where} both prices 'registrantChange' and says it is priced as a registration (KZ-2.4); keep one.");
            tariffs[TariffOperation.RegistrantChange] = tariffs[TariffOperation.Register] with { Operation = TariffOperation.RegistrantChange };
        }
        return new TariffSchedule.PricedPeriod(policy.Zone, entry.EffectiveFrom, tariffs);
    }

    private static Money.Money ReadAmount(string where, string operation, string amount, Currency currency)
    {
        Money.Money price;
        try
        {
            price = Money.Money.Parse(amount, currency);
        }
        catch (InvalidAmountException e)
        {
            throw new TariffDataException($"{where}, price '{operation}': {e.Message}", e);
        }
        // KZ-3.2, UA-1.5.3: nothing starts before its invoice is paid, and a bank credit of nothing is no payment, so an invoice of
        // zero could never be paid and its order never start.
        return price.Amount > 0 ? price
            : throw new TariffDataException($"{where}, price '{operation}' is zero: its invoices could never be paid (a credit of nothing is no payment).");
    }
}
