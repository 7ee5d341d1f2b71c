using Registrar.Api.Security;
using Registrar.Storage.Metering;

namespace Registrar.LocalHost.Runtime;

/// <summary><c>GET /ops/storage/transactions</c> (operations key): storage requests since start, by kind, as the
/// service bills them, and by table, queue or container; the benchmarks divide them by the work done.</summary>
public static class StorageMeterEndpoints
{
    public sealed record StorageTransactions(long Total, IReadOnlyDictionary<string, long> ByKind, IReadOnlyDictionary<string, long> ByResource);

    public static IEndpointRouteBuilder MapStorageMeter(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/ops/storage/transactions", (HttpRequest request, ClientAuthenticator authenticator, StorageMeter meter) =>
                authenticator.Authenticate(request, ApiClientRole.Operations).Problem ?? Results.Ok(new StorageTransactions(meter.Total, meter.Snapshot(), meter.SnapshotByResource())))
            .WithTags("Operations").Produces<StorageTransactions>().ProducesProblem(401);
        return endpoints;
    }
}
