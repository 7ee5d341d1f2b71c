using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Registrar.Api.Banks;
using Registrar.Payments.Signatures;

namespace Registrar.Api.Tests.Banks;

public sealed class BankSettingsTests
{
    [Fact]
    public void Each_bank_is_configured_in_one_section_and_its_secret_or_key_reaches_the_verifier_that_needs_it()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Banks:halyk:TimeZone"] = "Asia/Almaty",
            ["Banks:halyk:HmacSecret"] = "halyk-secret",
            ["Banks:monobank:TimeZone"] = "Europe/Kyiv",
            ["Banks:monobank:EcdsaPublicKey"] = "monobank-key",
            ["Payments:AnswerWithin"] = "00:00:05",
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddRegistrar(configuration).BuildServiceProvider();

        var banks = services.GetRequiredService<IOptions<BankOptions>>().Value;
        var hmac = services.GetRequiredService<HmacSignatureOptions>();
        var ecdsa = services.GetRequiredService<EcdsaSignatureOptions>();

        Assert.True(banks.TryTimeZone("monobank", out var kyiv));
        Assert.Equal("Europe/Kyiv", kyiv.Id);
        Assert.Equal(TimeSpan.FromSeconds(5), banks.AnswerWithin);
        Assert.Equal(new Dictionary<string, string> { ["halyk"] = "halyk-secret" }, hmac.SecretsByBank);
        Assert.Equal(new Dictionary<string, string> { ["monobank"] = "monobank-key" }, ecdsa.PublicKeysByBank);
        Assert.False(banks.TryTimeZone("unknown", out _));
    }
}
