using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registrar.Api;
using Registrar.Api.Operations.Page;
using Registrar.Functions.Http;
using Registrar.Testing;

namespace Registrar.Functions.Tests;

/// <summary>The functions the Worker SDK generated at build time (functions.metadata, what the Functions
/// host loads) are exactly those the README's two tables promise, with the same triggers.</summary>
public sealed partial class FunctionMetadataTests
{
    [Fact]
    public void Every_built_function_has_the_trigger_the_README_promises_and_no_other_function_exists()
    {
        var built = BuiltFunctions();
        var promised = PromisedFunctions();

        Assert.Equal(promised.Keys.Order(), built.Keys.Order());
        foreach (var (name, trigger) in promised) Assert.Equal((name, trigger), (name, built[name]));
    }

    [Fact]
    public void Every_route_but_the_problem_type_pages_is_under_api_and_only_the_health_probe_the_public_lookups_the_confirmation_link_the_operations_page_and_the_problem_type_pages_are_anonymous()
    {
        var http = BuiltFunctions().Where(f => f.Value.StartsWith("http ", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(http);
        // RFC 9457 section 3.1.1: a problem's relative type resolves against the app's address, outside /api.
        Assert.All(http, f => Assert.Contains(f.Key is "ProblemType" ? " /problems/" : " /api/", f.Value, StringComparison.Ordinal));
        // RDAP and WHOIS clients carry no function key: the lookups are public and rate limited per address instead.
        // A confirmation link is followed from a mail: its signed single-use token is the credential (KZ-5.3, UA-4.7).
        // A browser on the operations page sends no function key: its sign-in and signed session cookie are the credential.
        // What a problem type means is public, as a problem's reader holds no key.
        Assert.All(http, f => Assert.EndsWith(
            f.Key is "Health" or "RdapDomain" or "RdapHelp" or "RdapOther" or "WhoisDomain" or "DescribeCustomerRequestConfirmation" or "ConfirmCustomerRequest" or "ProblemType" || IsOperationsPage(f.Value) ? " Anonymous" : " Function",
            f.Value));
    }

    [Fact]
    public void The_operations_page_is_served_under_the_base_path_the_app_gives_its_links_and_cookie()
    {
        var page = BuiltFunctions().Where(f => IsOperationsPage(f.Value)).ToDictionary();

        Assert.Equal("/api/ops/page", OperationsPageFunctions.BasePath);
        Assert.Equal(
            ["OperationsPage", "OperationsPageApplyHeldPayment", "OperationsPageDecision", "OperationsPageRefundHeldPayment", "OperationsPageRegistration",
                "OperationsPageResendNotice", "OperationsPageRetry", "OperationsPageSignIn", "OperationsPageSignOut", "OperationsPageTrademark"],
            page.Keys.Order());
        Assert.All(page.Values, route => Assert.Contains(" " + OperationsPageFunctions.BasePath, route));
    }

    [Fact]
    public void The_app_gives_the_operations_page_the_base_path_of_its_triggers_whatever_the_configuration_says()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["OperationsPage:BasePath"] = "/ops/page" }).Build();
        var services = new ServiceCollection().AddRegistrar(configuration).AddRegistrarFunctions(configuration);
        using var provider = services.BuildServiceProvider();

        Assert.Equal(OperationsPageFunctions.BasePath, provider.GetRequiredService<OperationsPagePaths>().Home);
    }

    private static bool IsOperationsPage(string function) =>
        function.Contains(" /api/ops/page ", StringComparison.Ordinal) || function.Contains(" /api/ops/page/", StringComparison.Ordinal);

    /// <summary>Each function as one line: "http GET /path Level" (the path the Functions host serves: its route prefix, then the
    /// trigger's route), "queue name", "timer schedule", "orchestration", "activity".</summary>
    internal static Dictionary<string, string> BuiltFunctions()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));
        var prefix = RoutePrefix();
        var functions = new Dictionary<string, string>();
        foreach (var function in metadata.RootElement.EnumerateArray())
        {
            var trigger = function.GetProperty("bindings").EnumerateArray()
                .Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            functions.Add(function.GetProperty("name").GetString()!, Describe(trigger, prefix));
        }
        return functions;
    }

    /// <summary>host.json's <c>extensions.http.routePrefix</c>, "api" when it is not set (the Functions host's default).</summary>
    private static string RoutePrefix()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "host.json")));
        return host.RootElement.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var prefix) ? prefix.GetString()! : "api";
    }

    private static string Describe(JsonElement trigger, string prefix) => trigger.GetProperty("type").GetString() switch
    {
        "httpTrigger" => $"http {trigger.GetProperty("methods")[0].GetString()!.ToUpperInvariant()} "
            + $"/{string.Join('/', new[] { prefix, trigger.GetProperty("route").GetString()! }.Where(part => part.Length > 0))} {trigger.GetProperty("authLevel").GetString()}",
        "queueTrigger" => $"queue {trigger.GetProperty("queueName").GetString()}",
        "timerTrigger" => $"timer {trigger.GetProperty("schedule").GetString()}",
        "orchestrationTrigger" => "orchestration",
        "activityTrigger" => "activity",
        var other => other!,
    };

    private static Dictionary<string, string> PromisedFunctions()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var promised = new Dictionary<string, string>();
        foreach (Match row in HttpRow().Matches(readme))
            promised.Add(row.Groups["name"].Value, $"http {row.Groups["method"].Value} {row.Groups["route"].Value} {row.Groups["level"].Value}");
        foreach (Match row in OtherRow().Matches(readme))
            promised.Add(row.Groups["name"].Value, string.Join(' ', new[] { row.Groups["kind"].Value, row.Groups["what"].Value }.Where(v => v.Length > 0)));
        return promised;
    }

    [GeneratedRegex(@"^\| `(?<name>\w+)` \| `(?<method>[A-Z]+) (?<route>/[^`]+)` \| (?<level>\w+)", RegexOptions.Multiline)]
    private static partial Regex HttpRow();

    [GeneratedRegex(@"^\| `(?<name>\w+)` \| (?<kind>orchestration|activity|queue|timer)(?: `(?<what>[^`]+)`)? \|", RegexOptions.Multiline)]
    private static partial Regex OtherRow();
}
