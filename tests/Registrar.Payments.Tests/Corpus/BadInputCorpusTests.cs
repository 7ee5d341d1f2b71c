using System.Text;
using Registrar.Payments.Camt054;
using Registrar.Payments.Notifications;
using Registrar.Payments.Tests.Samples;
using Registrar.Payments.Tests.Signatures;

namespace Registrar.Payments.Tests.Corpus;

/// <summary>
/// Every file under Corpus/ is a bad input that must be refused with the reason its name states:
/// <c>&lt;format&gt;.&lt;ExpectedReason&gt;.&lt;case&gt;.&lt;ext&gt;</c>, format being camt054, hmac or ecdsa.
/// A camt.054 document whose one entry is bad is refused entry by entry: the entry is held for operations with the
/// reason, as it would be beside readable ones, and nothing is credited from it.
/// Signed formats are signed correctly unless the case names the fault: bad-signature, wrong-key,
/// stale-timestamp or replay.
/// </summary>
public sealed class BadInputCorpusTests : IDisposable
{
    private const int CorpusBodyLimit = 4 * 1024;
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Corpus");

    private readonly EcdsaSigning _acquirer = new(CorpusBodyLimit);

    public static TheoryData<string> Files() => new(FileNames());

    private static IEnumerable<string> FileNames() =>
        Directory.EnumerateFiles(Folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    [Fact]
    public void The_corpus_covers_every_kind_of_bad_input_the_issue_names()
    {
        var names = FileNames().ToList();
        string[] required = ["not-well-formed", "billion-laughs", "external-entity", "oversized-body", "wrong-root", "unknown-field",
            "three-decimals", "negative-amount", "bad-signature", "stale-timestamp", "replay", "wrong-key"];

        Assert.All(required, kind => Assert.Contains(names, name => name.Contains(kind, StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Each_bad_input_is_refused_with_the_reason_in_its_name(string file)
    {
        var parts = file.Split('.');
        var (format, expected, @case) = (parts[0], Enum.Parse<NotificationRejectionReason>(parts[1]), parts[2]);
        var body = await File.ReadAllBytesAsync(Path.Combine(Folder, file));

        var result = format switch
        {
            "camt054" => new Camt054Reader(new Camt054ReaderOptions { MaxBytes = 16 * 1024 }).Read("kaspi", body, SampleFiles.Almaty),
            "hmac" => await PostHmac(body, @case),
            "ecdsa" => PostEcdsa(body, @case),
            _ => throw new InvalidOperationException($"Corpus file '{file}' names no known format."),
        };

        var refusal = result.Rejection ?? (format == "camt054" && result.Refused.Count == 1 ? new(result.Refused[0].Reason, result.Refused[0].Message) : null);
        Assert.True(refusal is not null, $"{file} was accepted: {result}");
        Assert.Equal(expected, refusal.Reason);
        Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
        Assert.Empty(result.Credits);
    }

    private static async Task<NotificationReadResult> PostHmac(byte[] body, string @case)
    {
        var bank = new HmacSigning(CorpusBodyLimit);
        var header = @case switch
        {
            "bad-signature" => $"t={HmacSigning.Now.ToUnixTimeSeconds()},v1={new string('0', 64)}",
            "wrong-key" => HmacSigning.Header(body, HmacSigning.Now, "not-the-bank-secret"),
            "stale-timestamp" => HmacSigning.Header(body, HmacSigning.Now.AddMinutes(-10)),
            _ => HmacSigning.Header(body, HmacSigning.Now),
        };
        if (@case == "replay")
        {
            var first = await bank.PostAsync(header, body);
            Assert.True(first.IsAccepted, $"the first delivery should pass: {first}");
        }
        return await bank.PostAsync(header, body);
    }

    private NotificationReadResult PostEcdsa(byte[] body, string @case)
    {
        var signature = @case switch
        {
            "bad-signature" => Convert.ToBase64String(Encoding.ASCII.GetBytes("this is not a signature at all, just text")),
            "wrong-key" => EcdsaSigning.SignWithAnotherKey(body),
            _ => _acquirer.SignDer(body),
        };
        return _acquirer.Reader.Read(EcdsaSigning.Bank, signature, body).Result;
    }

    public void Dispose() => _acquirer.Dispose();
}
