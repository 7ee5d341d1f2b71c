using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Registrar.Epp.Profiles;

namespace Registrar.Epp.Transport;

/// <summary>Loads the registrar's TLS client certificate (registries authenticate registrars by
/// certificate as well as by login) from a PFX/PKCS#12 or PEM file.</summary>
public static class ClientCertificateLoader
{
    public static X509Certificate2? Load(EppRegistryOptions options)
    {
        var path = options.ClientCertificatePath;
        if (string.IsNullOrEmpty(path)) return LoadInline(options);
        if (!File.Exists(path))
            throw new EppConfigurationException($"The EPP client certificate '{path}' for {options.ClientId}@{options.Host} does not exist.");
        try
        {
            var extension = Path.GetExtension(path).ToLowerInvariant();
            if (extension is ".pfx" or ".p12")
                return X509CertificateLoader.LoadPkcs12FromFile(path, options.ClientCertificatePassword);

            using var pem = string.IsNullOrEmpty(options.ClientCertificatePassword)
                ? X509Certificate2.CreateFromPemFile(path, options.ClientCertificateKeyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(path, options.ClientCertificatePassword, options.ClientCertificateKeyPath);
            if (!pem.HasPrivateKey)
                throw new EppConfigurationException($"The EPP client certificate '{path}' has no private key.");
            // A PKCS#12 round trip gives a key TLS can use on every platform.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (CryptographicException e)
        {
            throw new EppConfigurationException($"The EPP client certificate '{path}' cannot be read: {e.Message}", e);
        }
    }

    private static X509Certificate2? LoadInline(EppRegistryOptions options)
    {
        if (string.IsNullOrEmpty(options.ClientCertificatePfxBase64)) return null;
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(options.ClientCertificatePfxBase64), options.ClientCertificatePassword);
            return certificate.HasPrivateKey ? certificate
                : throw new EppConfigurationException($"The inline EPP client certificate for {options.ClientId}@{options.Host} has no private key.");
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            throw new EppConfigurationException(
                $"The inline EPP client certificate for {options.ClientId}@{options.Host} is not a base64 PFX: {e.Message}", e);
        }
    }
}
