using System.Security.Cryptography;
using System.Text;
using Registrar.Payments.Notifications;
using Registrar.Payments.Signatures;

namespace Registrar.Payments.Tests.Signatures;

/// <summary>An acquirer's P-256 key pair; the registrar is configured, as monobank serves it, with base64 of the PEM.</summary>
internal sealed class EcdsaSigning : IDisposable
{
    public const string Bank = "monobank";

    public EcdsaSigning(int maxBodyBytes = 64 * 1024)
    {
        Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var configuredKey = Convert.ToBase64String(Encoding.ASCII.GetBytes(Key.ExportSubjectPublicKeyInfoPem()));
        Reader = new EcdsaJsonNotificationReader(new EcdsaSignatureVerifier(new EcdsaSignatureOptions { PublicKeysByBank = { [Bank] = configuredKey }, MaxBodyBytes = maxBodyBytes }));
    }

    public ECDsa Key { get; }

    public EcdsaJsonNotificationReader Reader { get; }

    public string SignDer(byte[] body) =>
        Convert.ToBase64String(Key.SignData(body, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

    public string SignP1363(byte[] body) =>
        Convert.ToBase64String(Key.SignData(body, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

    public static string SignWithAnotherKey(byte[] body)
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return Convert.ToBase64String(other.SignData(body, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    public void Dispose() => Key.Dispose();
}
