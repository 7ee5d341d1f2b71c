using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Net.Http.Headers;
using Registrar.Api.Operations;
using Registrar.Api.Operations.Page;
using Registrar.Api.Security;
using Registrar.Storage.Stores;

namespace Registrar.Api.Tests.Operations;

public sealed class OperationsSessionsTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly ApiClientOptions _clients = new()
    {
        Clients = [new ApiClient { Name = "ops", KeySha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("k"))), Role = ApiClientRole.Operations }],
    };

    private readonly EndedInMemory _ended = new();

    private OperationsSessions Sessions(string key = "c2Vzc2lvbi1zaWduaW5nLWtleS1mb3ItdGVzdHMtb25seQ==", string basePath = "/ops/page")
    {
        var options = Options.Create(new OperationsPageOptions { SessionSigningKey = key, BasePath = basePath });
        return new(options, new OperationsPagePaths(options), new ClientAuthenticator(new StaticOptions(_clients)), _ended, _clock);
    }

    /// <summary>Signs in on one response and carries its cookie into a new request, as a browser would.</summary>
    private static HttpRequest SignedIn(OperationsSessions sessions, bool https = false)
    {
        var response = new DefaultHttpContext().Response;
        sessions.SignIn(response, https, new OperationsActor("ops", "Olena"));
        var cookie = SetCookieHeaderValue.Parse(response.Headers.SetCookie.ToString());
        Assert.True(cookie.HttpOnly);
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Strict, cookie.SameSite);
        Assert.Equal(https, cookie.Secure);
        var request = new DefaultHttpContext().Request;
        request.Headers.Cookie = $"{cookie.Name}={cookie.Value}";
        return request;
    }

    [Fact]
    public void The_session_cookie_is_sent_only_on_the_page_where_the_host_serves_it()
    {
        foreach (var basePath in new[] { "/ops/page", "/api/ops/page" })
        {
            var response = new DefaultHttpContext().Response;
            Sessions(basePath: basePath).SignIn(response, false, new OperationsActor("ops", "Olena"));
            Assert.Equal(basePath, SetCookieHeaderValue.Parse(response.Headers.SetCookie.ToString()).Path.ToString());
        }
    }

    [Fact]
    public async Task A_session_names_the_client_and_the_person_until_it_expires()
    {
        var sessions = Sessions();
        var request = SignedIn(sessions, https: true);
        Assert.Equal(new OperationsActor("ops", "Olena"), await sessions.ReadAsync(request, default));
        _clock.Advance(TimeSpan.FromHours(8));
        Assert.Null(await sessions.ReadAsync(request, default));
    }

    [Fact]
    public async Task A_session_signed_with_another_key_or_altered_or_of_a_removed_client_is_no_session()
    {
        var request = SignedIn(Sessions());
        Assert.Null(await Sessions("YW5vdGhlci1rZXktYW5vdGhlci1rZXktYW5vdGhlci1rZXk=").ReadAsync(request, default));

        var value = request.Cookies[OperationsSessions.CookieName]!;
        var altered = new DefaultHttpContext().Request;
        altered.Headers.Cookie = $"{OperationsSessions.CookieName}={(value[0] == 'A' ? 'B' : 'A')}{value[1..]}";
        Assert.Null(await Sessions().ReadAsync(altered, default));

        _clients.Clients.Clear();
        Assert.Null(await Sessions().ReadAsync(request, default));
    }

    [Fact]
    public async Task Signing_out_ends_the_session_wherever_its_cookie_was_copied_and_no_other_ASVS_V3_3_1()
    {
        var sessions = Sessions();
        var signingOut = SignedIn(sessions);
        var copied = new DefaultHttpContext().Request;
        copied.Headers.Cookie = signingOut.Headers.Cookie;
        var other = SignedIn(sessions);

        await sessions.SignOutAsync(signingOut, default);

        Assert.Null(await sessions.ReadAsync(copied, default));
        Assert.Equal(new OperationsActor("ops", "Olena"), await sessions.ReadAsync(other, default));
        Assert.Contains($"{OperationsSessions.CookieName}=;", signingOut.HttpContext.Response.Headers.SetCookie.ToString());
        Assert.Equal(_clock.GetUtcNow().AddHours(8), Assert.Single(_ended.Ended.Values));
    }

    [Fact]
    public void The_form_token_belongs_to_its_session()
    {
        var sessions = Sessions();
        var first = SignedIn(sessions);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var second = SignedIn(sessions);
        Assert.True(sessions.IsGenuineFormToken(first, sessions.FormToken(first)));
        Assert.False(sessions.IsGenuineFormToken(second, sessions.FormToken(first)));
        Assert.False(sessions.IsGenuineFormToken(first, "not base64!"));
        Assert.False(sessions.IsGenuineFormToken(first, null));
    }

    private sealed class EndedInMemory : IEndedSessions
    {
        public Dictionary<string, DateTimeOffset> Ended { get; } = [];

        public Task EndAsync(string sessionId, DateTimeOffset expires, CancellationToken ct)
        {
            Ended.TryAdd(sessionId, expires);
            return Task.CompletedTask;
        }

        public Task<bool> HasEndedAsync(string sessionId, CancellationToken ct) => Task.FromResult(Ended.ContainsKey(sessionId));
    }

    private sealed class StaticOptions(ApiClientOptions value) : IOptionsMonitor<ApiClientOptions>
    {
        public ApiClientOptions CurrentValue => value;
        public ApiClientOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<ApiClientOptions, string?> listener) => null;
    }
}
