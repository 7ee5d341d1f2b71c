using Microsoft.Extensions.Configuration;
using Registrar.Functions.Configuration;

namespace Registrar.Functions.Tests;

public sealed class KeyVaultReferencesTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();

    [Fact]
    public void The_app_refuses_to_start_naming_every_setting_whose_Key_Vault_reference_was_not_resolved()
    {
        var settings = Settings(
            ("Epp:Registries:kaznic:Password", "@Microsoft.KeyVault(VaultName=kv-1-abc;SecretName=epp-kaznic-password)"),
            ("Banks:halyk:HmacSecret", " @microsoft.keyvault(SecretUri=https://kv/secrets/bank-halyk-hmac)"),
            ("Mail:Acs:SenderAddress", "DoNotReply@example.azurecomm.net"));

        var refused = Assert.Throws<InvalidOperationException>(() => KeyVaultReferences.ThrowIfUnresolved(settings));

        Assert.Contains("Banks:halyk:HmacSecret, Epp:Registries:kaznic:Password", refused.Message);
        Assert.DoesNotContain("SecretName", refused.Message);
        Assert.DoesNotContain("Mail:Acs", refused.Message);
    }

    [Fact]
    public void Resolved_settings_let_the_app_start()
    {
        var settings = Settings(("Epp:Registries:kaznic:Password", "s3cret"), ("Notices:Text", "see @Microsoft.KeyVault( docs"));

        Assert.Null(Record.Exception(() => KeyVaultReferences.ThrowIfUnresolved(settings)));
    }
}
