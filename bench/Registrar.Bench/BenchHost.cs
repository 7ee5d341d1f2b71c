using System.Globalization;
using Registrar.Api.Banks;
using Registrar.Testing;

namespace Registrar.Bench;

/// <summary>The local host as a benchmark runs it: the product's own settings where the test fixture widens them.</summary>
internal static class BenchHost
{
    public static ProductFixture Product(IReadOnlyDictionary<string, string>? settings = null) => new()
    {
        HostSettings = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["Payments__AnswerWithin"] = new BankOptions().AnswerWithin.ToString("c", CultureInfo.InvariantCulture),
        },
    };
}
