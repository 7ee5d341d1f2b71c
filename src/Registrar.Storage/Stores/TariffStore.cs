using System.Globalization;
using Azure.Data.Tables;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>Tariffs by zone and the date they take effect. One partition per zone; row keys count the
/// effective date down, so the tariff in force on a date is the first row at or after its key.</summary>
public interface ITariffStore<TTariff>
{
    Task<Stored<TTariff>> AddAsync(string zone, DateOnly effectiveFrom, TTariff tariff, CancellationToken ct);

    Task<Stored<TTariff>> UpdateAsync(Stored<TTariff> current, TTariff changed, CancellationToken ct);

    /// <summary>The tariff with the latest effective date on or before <paramref name="date"/>; null if none.</summary>
    Task<Stored<TTariff>?> InForceOnAsync(string zone, DateOnly date, CancellationToken ct);
}

public sealed class TariffStore<TTariff>(StorageClients clients) : ITariffStore<TTariff>
{
    private readonly DocumentTable _table = new(clients.Table("tariffs"));

    public Task<Stored<TTariff>> AddAsync(string zone, DateOnly effectiveFrom, TTariff tariff, CancellationToken ct) =>
        _table.InsertAsync(TableKeys.Escape(zone), Key(effectiveFrom), tariff,
            new Dictionary<string, object?> { ["EffectiveFrom"] = effectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, ct);

    public Task<Stored<TTariff>> UpdateAsync(Stored<TTariff> current, TTariff changed, CancellationToken ct) =>
        _table.UpdateAsync(current, changed, null, ct);

    public async Task<Stored<TTariff>?> InForceOnAsync(string zone, DateOnly date, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(zone)} and RowKey ge {Key(date)}");
        await foreach (var tariff in _table.QueryAsync<TTariff>(filter, 1, ct)) return tariff;
        return null;
    }

    private static string Key(DateOnly date) =>
        (DateOnly.MaxValue.DayNumber - date.DayNumber).ToString("D7", CultureInfo.InvariantCulture);
}
