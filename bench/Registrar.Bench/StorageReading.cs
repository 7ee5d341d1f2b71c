using System.Net.Http.Json;
using System.Text.Json;

namespace Registrar.Bench;

/// <summary>The host's storage meter (<c>GET /ops/storage/transactions</c>): requests since start, in total and by
/// table, queue or container, so a benchmark can divide what a run cost by the work it did.</summary>
internal sealed record StorageReading(long Total, IReadOnlyDictionary<string, long> ByResource)
{
    public static async Task<StorageReading> ReadAsync(HttpClient operations)
    {
        var body = await operations.GetFromJsonAsync<JsonElement>("ops/storage/transactions");
        return new(body.GetProperty("total").GetInt64(),
            body.GetProperty("byResource").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64()));
    }

    /// <summary>Prints the total since <paramref name="before"/> and its costliest resources, each per unit of work.</summary>
    public void PrintSince(StorageReading before, double units, string unit, int top = 12)
    {
        Console.WriteLine($"storage transactions       {Total - before.Total,10:N0}     per {unit} {(Total - before.Total) / units,8:N1}");
        foreach (var (resource, count) in ByResource.Select(r => (r.Key, r.Value - before.ByResource.GetValueOrDefault(r.Key)))
                     .OrderByDescending(r => r.Item2).Take(top))
            Console.WriteLine($"  {resource,-34} {count,10:N0}     per {unit} {count / units,8:N1}");
    }
}
