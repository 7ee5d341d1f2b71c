using System.Net;
using System.Text.RegularExpressions;

namespace Registrar.LocalHost.Tests;

/// <summary>OWASP ASVS 4.0 V3.3.1: signing out of the operations page ends its session on the server, not only in the browser
/// that signed out: a copy of the cookie made before is refused, for pages and for decisions alike.</summary>
[Collection(ClaimProductCollection.Name)]
public sealed partial class OperationsPageSessionTests(ProductFixture product)
{
    [Fact]
    public async Task A_session_cookie_copied_before_sign_out_is_refused_after_it_ASVS_V3_3_1()
    {
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = product.BaseAddress };
        await browser.PostAsync("ops/page/sign-in",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = ProductFixture.OperationsKey, ["person"] = "Session Tester" }));
        var copied = cookies.GetCookieHeader(new Uri(product.BaseAddress, "ops/page"));
        var page = await browser.GetStringAsync("ops/page");
        var token = FormToken().Match(page).Groups[1].Value;
        Assert.True(await SignedInAsync(copied));

        var signedOut = await browser.PostAsync("ops/page/sign-out", new FormUrlEncodedContent(new Dictionary<string, string> { ["form-token"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.False(await SignedInAsync(copied));
        using var replay = new HttpRequestMessage(HttpMethod.Post, "ops/page/sign-out")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["form-token"] = token }),
        };
        replay.Headers.Add("Cookie", copied);
        using var plain = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = product.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await plain.SendAsync(replay)).StatusCode);
    }

    /// <summary>Whether the page, asked with <paramref name="cookie"/> alone, shows a signed-in page rather than the sign-in form.</summary>
    private async Task<bool> SignedInAsync(string cookie)
    {
        using var plain = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = product.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "ops/page");
        request.Headers.Add("Cookie", cookie);
        var page = await (await plain.SendAsync(request)).Content.ReadAsStringAsync();
        return !page.Contains("id=\"sign-in\"", StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"form-token\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
