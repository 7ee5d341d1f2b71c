using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Registrar.Api.Http;

namespace Registrar.Api.Security;

/// <summary>
/// Authenticates the calling client by its API key. Handlers call it first, so the check is the
/// same in the local host and in the Functions app (where ASP.NET Core middleware does not run).
/// </summary>
public sealed class ClientAuthenticator(IOptionsMonitor<ApiClientOptions> options)
{
    public const string KeyHeader = "X-Api-Key";

    /// <summary>The storefront says which customer it acts for; a customer only ever sees their own data.</summary>
    public const string CustomerHeader = "X-Customer-Id";

    public Authenticated<ApiClient> Authenticate(HttpRequest request, ApiClientRole role)
    {
        if (!request.Headers.TryGetValue(KeyHeader, out var keys) || keys.Count != 1 || string.IsNullOrEmpty(keys[0]))
            return Authenticated<ApiClient>.Refused(Problems.Unauthenticated(Challenges.ApiKey(role), keys.Count > 1
                ? $"Send one API key, in one {KeyHeader} header; this request has {keys.Count}."
                : $"Send the client's API key in the {KeyHeader} header."));
        return AuthenticateKey(keys[0]!, role);
    }

    /// <summary>A key given another way than the header: the operations page's sign-in form.</summary>
    public Authenticated<ApiClient> AuthenticateKey(string key, ApiClientRole role)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        var client = options.CurrentValue.Clients.FirstOrDefault(c => HashMatches(c.KeySha256, hash));
        if (client is null)
            return Authenticated<ApiClient>.Refused(Problems.Unauthenticated(Challenges.ApiKey(role), "The API key is not valid."));
        if (client.Role != role)
            return Authenticated<ApiClient>.Refused(Problems.Forbidden($"Client '{client.Name}' may not call {role} endpoints."));
        return Authenticated<ApiClient>.As(client);
    }

    /// <summary>Whether a client of that name and role is still configured: a session outlives no removed client.</summary>
    public bool IsConfigured(string clientName, ApiClientRole role) =>
        options.CurrentValue.Clients.Any(c => c.Name == clientName && c.Role == role);

    /// <summary>A storefront call on behalf of one customer: the client's key and the customer id.</summary>
    public Authenticated<string> AuthenticateCustomer(HttpRequest request)
    {
        var client = Authenticate(request, ApiClientRole.Storefront);
        if (client.Problem is not null) return Authenticated<string>.Refused(client.Problem);

        var customer = request.Headers[CustomerHeader].ToString();
        return CustomerId.IsValid(customer)
            ? Authenticated<string>.As(customer)
            : Authenticated<string>.Refused(Problems.Validation(CustomerHeader, CustomerId.Rule));
    }

    private static bool HashMatches(string expectedHex, byte[] actual)
    {
        try
        {
            return CryptographicOperations.FixedTimeEquals(Convert.FromHexString(expectedHex), actual);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <param name="Problem">Why not: a 401 carries its challenge (<see cref="ChallengeResult"/>), so the type is any result.</param>
public readonly record struct Authenticated<T>(T? Principal, IResult? Problem)
{
    public static Authenticated<T> As(T principal) => new(principal, null);
    public static Authenticated<T> Refused(IResult problem) => new(default, problem);
}

/// <summary>Customer ids are the storefront's own account ids, opaque to us but safe as table keys.</summary>
public static class CustomerId
{
    public const string Rule = "A customer id is 1 to 64 characters: letters, digits, '-' or '_'.";

    public static bool IsValid(string? value) =>
        value is { Length: > 0 and <= 64 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
