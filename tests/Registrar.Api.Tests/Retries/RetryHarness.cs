using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.Storage.Configuration;
using Registrar.Storage.Metering;
using Registrar.Storage.Stores;
using Registrar.Testing;

namespace Registrar.Api.Tests.Retries;

/// <summary>One Azurite for the retry tests of the endpoints that create a record: each harness keeps its tables apart by name prefix.</summary>
[CollectionDefinition(Name)]
public sealed class RetryStorageCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "retried records on azurite";
}

/// <summary>What those tests share: storage of their own, a clock, the API keys, the Idempotency-Key store, and requests as
/// a client sends them.</summary>
public sealed class RetryHarness
{
    public const string OperationsKey = "ops-key";
    public const string StorefrontKey = "shop-key";
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(2));

    public RetryHarness(AzuriteFixture azurite)
    {
        Storage = new StorageClients(new StorageOptions { ConnectionString = azurite.ConnectionString, NamePrefix = "r" + Guid.NewGuid().ToString("N")[..10] },
            new StorageMeter());
        Idempotency = new IdempotentRequests(new IdempotencyKeyStore(Storage), Clock);
    }

    public StorageClients Storage { get; }
    public FakeTimeProvider Clock { get; } = new(Start);
    public IdempotentRequests Idempotency { get; }

    public static ClientAuthenticator Authenticator() => new(new StaticOptions(new ApiClientOptions
    {
        Clients =
        [
            new ApiClient { Name = "ops-console", KeySha256 = Hash(OperationsKey), Role = ApiClientRole.Operations },
            new ApiClient { Name = "shop", KeySha256 = Hash(StorefrontKey), Role = ApiClientRole.Storefront },
        ],
    }));

    /// <summary>A POST as a client sends it: each retry is a new request with the same path, body and key.</summary>
    /// <param name="customerId">For a storefront call, the customer it acts for.</param>
    public static HttpRequest Post(string path, object body, string? idempotencyKey, string apiKey = OperationsKey, string? customerId = null)
    {
        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddLogging().AddProblemDetails()
                .ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter())).BuildServiceProvider(),
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, JsonSerializerOptions.Web);
        (context.Request.Method, context.Request.Path, context.Request.ContentType) = ("POST", path, "application/json");
        context.Request.ContentLength = bytes.Length;
        context.Request.Body = new MemoryStream(bytes);
        context.Request.Headers[ClientAuthenticator.KeyHeader] = apiKey;
        if (customerId is not null) context.Request.Headers[ClientAuthenticator.CustomerHeader] = customerId;
        if (idempotencyKey is not null) context.Request.Headers[IdempotentRequests.Header] = idempotencyKey;
        return context.Request;
    }

    public static async Task<(int Status, JsonElement Body)> ReadAsync(IResult result)
    {
        var (status, _, body) = await Whois.WhoisSamples.RunAsync(result);
        return (status, JsonDocument.Parse(body).RootElement);
    }

    /// <summary>The rows of one table: what "stored once" is counted by.</summary>
    public async Task<int> RowsAsync(string table)
    {
        var client = Storage.Table(table);
        await client.CreateIfNotExistsAsync();
        return await client.QueryAsync<Azure.Data.Tables.TableEntity>(select: ["PartitionKey"]).CountAsync();
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private sealed class StaticOptions(ApiClientOptions value) : IOptionsMonitor<ApiClientOptions>
    {
        public ApiClientOptions CurrentValue => value;

        public ApiClientOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<ApiClientOptions, string?> listener) => null;
    }
}
