using System.Buffers.Text;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Registrar.Api.Security;
using Registrar.Storage.Stores;

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
/// session in a cookie: the client's name, the person who signed in, the expiry and the session's id, signed with the
/// server's key (the key itself never leaves the form post). Signing out records the id as ended (OWASP ASVS 4.0
/// V3.3.1), so a copy of the cookie is refused from then on; nothing else is stored server-side. Every form that changes
/// something carries an anti-forgery token derived from the session, which a page of another site cannot read.
/// </summary>
public sealed class OperationsSessions(
    IOptions<OperationsPageOptions> options, OperationsPagePaths paths, ClientAuthenticator authenticator, IEndedSessions ended, TimeProvider clock)
{
    public const string CookieName = "registrar-ops";
    public const string FormTokenField = "form-token";

    private readonly byte[] _key = string.IsNullOrEmpty(options.Value.SessionSigningKey)
        ? RandomNumberGenerator.GetBytes(32)
        : Convert.FromBase64String(options.Value.SessionSigningKey);

    public void SignIn(HttpResponse response, bool https, OperationsActor actor)
    {
        var expires = clock.GetUtcNow() + options.Value.SessionLifetime;
        var payload = string.Join('\n', actor.Client, actor.Person ?? "", expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)));
        var value = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload)) + "." + Base64Url.EncodeToString(Sign("session", payload));
        response.Cookies.Append(CookieName, value, Cookie(https, expires));
    }

    /// <summary>Ends the request's session wherever its cookie was copied, and deletes the cookie from this browser.</summary>
    public async Task SignOutAsync(HttpRequest request, CancellationToken ct)
    {
        if (Genuine(request) is { } session) await ended.EndAsync(session.Id, session.Expires, ct);
        request.HttpContext.Response.Cookies.Delete(CookieName, Cookie(request.IsHttps, null));
    }

    /// <summary>The actor of a genuine, unexpired session of a client still configured, not signed out; null otherwise.</summary>
    public async Task<OperationsActor?> ReadAsync(HttpRequest request, CancellationToken ct) =>
        Genuine(request) is { } session && !await ended.HasEndedAsync(session.Id, ct) ? session.Actor : null;

    /// <summary>The session the request's cookie holds, checked for everything but having ended: signed by this server,
    /// unexpired, of a client still configured.</summary>
    private Session? Genuine(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(CookieName, out var value) || value is null) return null;
        var parts = value.Split('.');
        if (parts.Length != 2) return null;
        try
        {
            var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[0]));
            if (!CryptographicOperations.FixedTimeEquals(Sign("session", payload), Base64Url.DecodeFromChars(parts[1]))) return null;
            // A cookie signed before sessions had ids (three fields) cannot be ended, so it is not taken: sign in again.
            var fields = payload.Split('\n');
            if (fields.Length != 4 || !long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return null;
            var expires = DateTimeOffset.FromUnixTimeSeconds(seconds);
            if (expires <= clock.GetUtcNow()) return null;
            if (!authenticator.IsConfigured(fields[0], ApiClientRole.Operations)) return null;
            return new Session(new OperationsActor(fields[0], fields[1].Length == 0 ? null : fields[1]), expires, fields[3]);
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

    private sealed record Session(OperationsActor Actor, DateTimeOffset Expires, string Id);

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
