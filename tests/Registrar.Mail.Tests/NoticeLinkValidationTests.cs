using Microsoft.Extensions.Options;

namespace Registrar.Mail.Tests;

/// <summary>A deployment that left a notice link at its placeholder refuses to start instead of mailing links to nowhere
/// (UA-2.1.2, KZ-5.3, UA-4.7).</summary>
public sealed class NoticeLinkValidationTests
{
    private static ValidateOptionsResult Validate(bool development, string setPasswordUrl, string requestConfirmationUrl) =>
        new NoticeLinkValidation(development).Validate(null,
            new NoticeOptions { SetPasswordUrl = setPasswordUrl, RequestConfirmationUrl = requestConfirmationUrl });

    [Fact]
    public void Outside_Development_the_shipped_placeholder_links_are_refused_naming_each_setting()
    {
        var defaults = new NoticeOptions();

        var result = Validate(development: false, defaults.SetPasswordUrl, defaults.RequestConfirmationUrl);

        Assert.True(result.Failed);
        Assert.Equal(2, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.StartsWith("Notices:SetPasswordUrl is 'https://panel.registrar.example/set-password'", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Notices:RequestConfirmationUrl is 'https://panel.registrar.example/confirm-request'", StringComparison.Ordinal));
        Assert.All(result.Failures!, f => Assert.Contains("RFC 2606", f));
    }

    [Theory]
    [InlineData("https://example/confirm")]
    [InlineData("https://PANEL.Registrar.EXAMPLE./confirm")]
    [InlineData("https://panel.test/confirm")]
    [InlineData("https://links.invalid/confirm")]
    [InlineData("https://www.example.com/confirm")]
    [InlineData("https://example.org/confirm")]
    public void Outside_Development_a_link_to_any_name_RFC_2606_reserves_is_refused(string url) =>
        Assert.True(Validate(development: false, "https://panel.registrar.kz/set-password", url).Failed);

    [Theory]
    [InlineData("https://panel.registrar.kz/confirm-request")]
    [InlineData("https://my-example.kz/confirm")]
    [InlineData("https://example.kz/confirm")]
    [InlineData("https://func-abc.azurewebsites.net/api/requests/confirmation")]
    public void Outside_Development_the_registrars_own_addresses_are_taken(string url) =>
        Assert.True(Validate(development: false, "https://panel.registrar.kz/set-password", url).Succeeded);

    [Fact]
    public void Development_runs_on_the_shipped_placeholders()
    {
        var defaults = new NoticeOptions();

        Assert.False(Validate(development: true, defaults.SetPasswordUrl, defaults.RequestConfirmationUrl).Failed);
    }
}
