using System.Globalization;
using Registrar.Api.Banks;
using Registrar.Testing;

namespace Registrar.Bench;

/// <summary>The local host as a benchmark runs it: the product's own settings where the test fixture widens them, mailing
/// to a sink that counts rather than to MailDev (whose parsing is not the product's work).</summary>
internal static class BenchHost
{
    public static ProductFixture Product(IReadOnlyDictionary<string, string>? settings = null) => new()
    {
        MailSink = new CountingSmtpSink(),
        HostSettings = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["Payments__AnswerWithin"] = new BankOptions().AnswerWithin.ToString("c", CultureInfo.InvariantCulture),
        },
    };
}
