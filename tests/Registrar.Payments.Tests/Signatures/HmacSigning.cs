using System.Globalization;
using Registrar.Payments.Notifications;
using Registrar.Payments.Signatures;

namespace Registrar.Payments.Tests.Signatures;

/// <summary>A configured HMAC bank and the reader under test, with a clock the test controls.</summary>
internal sealed class HmacSigning
{
    public const string Bank = "halyk";
    public const string Secret = "whsec_test_9c1f0a77b2";
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 5, 30, 0, TimeSpan.Zero);

    public HmacSigning(int maxBodyBytes = 64 * 1024)
    {
        Clock = new FixedClock(Now);
        var options = new HmacSignatureOptions { SecretsByBank = { [Bank] = Secret }, MaxBodyBytes = maxBodyBytes };
        Verifier = new HmacSignatureVerifier(options, Clock);
        Reader = new HmacJsonNotificationReader(Verifier);
    }

    private readonly HashSet<string> _spent = [];

    public FixedClock Clock { get; }

    public HmacSignatureVerifier Verifier { get; }

    public HmacJsonNotificationReader Reader { get; }

    /// <summary>What the endpoint does: read the authentic message, then record it and spend its signature (in storage there,
    /// in memory here).</summary>
    public Task<NotificationReadResult> PostAsync(string? header, byte[] body)
    {
        var read = Reader.Read(Bank, header, body);
        if (read.Signature is null) return Task.FromResult(read.Result);
        return Task.FromResult(_spent.Add(read.Signature.Id) ? read.Result : NotificationReadResult.Rejected(HmacSignatureVerifier.Replayed));
    }

    public static string Header(byte[] body, DateTimeOffset signedAt, string secret = Secret)
    {
        var t = signedAt.ToUnixTimeSeconds();
        return string.Create(CultureInfo.InvariantCulture, $"t={t},v1={Convert.ToHexStringLower(HmacSignatureVerifier.Sign(secret, t, body))}");
    }
}
