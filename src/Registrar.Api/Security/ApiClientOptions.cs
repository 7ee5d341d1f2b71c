namespace Registrar.Api.Security;

/// <summary>Bound from "Api:Clients": the callers this API knows. Keys are stored only as their
/// SHA-256 hash (hex), so configuration and Key Vault never hold a usable key.</summary>
public sealed class ApiClientOptions
{
    public const string Section = "Api";

    public List<ApiClient> Clients { get; set; } = [];
}

public sealed class ApiClient
{
    public string Name { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the key the client sends in X-Api-Key.</summary>
    public string KeySha256 { get; set; } = "";

    public ApiClientRole Role { get; set; }
}

public enum ApiClientRole
{
    Storefront,
    Operations,
}
