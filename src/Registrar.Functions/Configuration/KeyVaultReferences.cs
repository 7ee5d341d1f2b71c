using Microsoft.Extensions.Configuration;

namespace Registrar.Functions.Configuration;

/// <summary>
/// App Service resolves <c>@Microsoft.KeyVault(...)</c> settings when the app starts; a secret added
/// after that, or one the identity may not read, stays the literal reference text. Used as a password,
/// a signing key or a bank secret it would fail late and obscurely, so the app refuses to start instead,
/// naming the settings (never their values). Operations restart the app after adding secrets.
/// </summary>
public static class KeyVaultReferences
{
    private const string Marker = "@Microsoft.KeyVault(";

    public static void ThrowIfUnresolved(IConfiguration configuration)
    {
        var unresolved = configuration.AsEnumerable()
            .Where(setting => setting.Value?.TrimStart().StartsWith(Marker, StringComparison.OrdinalIgnoreCase) == true)
            .Select(setting => setting.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (unresolved.Count > 0)
        {
            throw new InvalidOperationException(
                $"These settings still hold a Key Vault reference the platform did not resolve: {string.Join(", ", unresolved)}. " +
                "Check that each secret exists in the vault and that the app's identity may read it, then restart the app.");
        }
    }
}
