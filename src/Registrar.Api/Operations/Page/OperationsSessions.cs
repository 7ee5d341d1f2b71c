using System.Buffers.Text;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Registrar.Api.Security;

namespace Registrar.Api.Operations.Page;

/// <summary>Bound from "OperationsPage".</summary>
public sealed class OperationsPageOptions
{
    public const string Section = "OperationsPage";

    /// <summary>Base64 HMAC key that signs page sessions. Empty: a key made at start, so sessions end when the
    /// process does; set one for a host that runs several instances (the Functions app).</summary>
    public string SessionSigningKey { get; set; } = "";

    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Where the page is served: its links, forms and redirects, and the path its session cookie is sent on
    /// (see <see cref="OperationsPagePaths"/>). A path from the host's root, without a trailing '/'.</summary>
    [RegularExpression("^(/[a-z0-9-]+)+$")]
    public string BasePath { get; set; } = "/ops/page";
}

/// <summary>
/// A browser cannot send the operations key as a header, so the page takes it once in a sign-in form and keeps a
/// session in a cookie: the client's name, the person who signed in and the expiry, signed with the server's key
/// (nothing is stored server-side, and the key itself never leaves the form post). Every form that changes
/// something carries an anti-forgery token derived from the session, which a page of another site cannot read.
/// </summary>
public sealed class OperationsSessions(
    IOptions<OperationsPageOptions> options, OperationsPagePaths paths, ClientAuthenticator authenticator, TimeProvider clock)
{
    public const string CookieName = "registrar-ops";
    public const string FormTokenField = "form-token";

    private readonly byte[] _key = string.IsNullOrEmpty(options.Value.SessionSigningKey)
        ? RandomNumberGenerator.GetBytes(32)
        : Convert.FromBase64String(options.Value.SessionSigningKey);

    public void SignIn(HttpResponse response, bool https, OperationsActor actor)
    {
        var expires = clock.GetUtcNow() + options.Value.SessionLifetime;
        var payload = string.Join('\n', actor.Client, actor.Person ?? "", expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        var value = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload)) + "." + Base64Url.EncodeToString(Sign("session", payload));
        response.Cookies.Append(CookieName, value, Cookie(https, expires));
    }

    public void SignOut(HttpResponse response, bool https) => response.Cookies.Delete(CookieName, Cookie(https, null));

    /// <summary>The actor of a genuine, unexpired session of a client still configured; null otherwise.</summary>
    public OperationsActor? Read(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(CookieName, out var value) || value is null) return null;
        var parts = value.Split('.');
        if (parts.Length != 2) return null;
        try
        {
            var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[0]));
            if (!CryptographicOperations.FixedTimeEquals(Sign("session", payload), Base64Url.DecodeFromChars(parts[1]))) return null;
            var fields = payload.Split('\n');
            if (fields.Length != 3 || !long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)) return null;
            if (DateTimeOffset.FromUnixTimeSeconds(expires) <= clock.GetUtcNow()) return null;
            if (!authenticator.IsConfigured(fields[0], ApiClientRole.Operations)) return null;
            return new OperationsActor(fields[0], fields[1].Length == 0 ? null : fields[1]);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The anti-forgery token of the request's session, for the forms the page renders.</summary>
    public string FormToken(HttpRequest request) =>
        Base64Url.EncodeToString(Sign("form", request.Cookies[CookieName] ?? ""));

    public bool IsGenuineFormToken(HttpRequest request, string? token)
    {
        if (string.IsNullOrEmpty(token)) return false;
        try
        {
            return CryptographicOperations.FixedTimeEquals(Sign("form", request.Cookies[CookieName] ?? ""), Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private byte[] Sign(string purpose, string payload) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(purpose + "\n" + payload));

    private CookieOptions Cookie(bool https, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = https,
        Path = paths.Home,
        Expires = expires,
        IsEssential = true,
    };
}
