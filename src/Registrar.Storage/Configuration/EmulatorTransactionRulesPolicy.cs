using System.Text;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Registrar.Storage.Configuration;

/// <summary>
/// Refuses, on the emulator, an entity group transaction that Azure refuses and Azurite takes: rows of more than one
/// partition, more than 100 operations, or a body over 4 MiB. The local host and every test run on Azurite, so a
/// transaction that would only fail once deployed fails there first, with the status Azure answers.
/// </summary>
public sealed partial class EmulatorTransactionRulesPolicy : HttpPipelineSynchronousPolicy
{
    private const int MaxOperations = 100;
    private const int MaxBodyBytes = 4 * 1024 * 1024;

    /// <summary>Whether <paramref name="connectionString"/> names the storage emulator rather than an Azure account.</summary>
    public static bool IsEmulator(string? connectionString) =>
        connectionString is not null && (connectionString.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase)
            || connectionString.Contains("AccountName=devstoreaccount1", StringComparison.OrdinalIgnoreCase));

    public override void OnSendingRequest(HttpMessage message)
    {
        if (TransactionBody.Of(message) is not { } body) return;
        var text = Encoding.UTF8.GetString(body.Span);
        var partitions = PartitionKey().Matches(text).Select(m => m.Groups["url"].Success ? m.Groups["url"].Value : m.Groups["json"].Value).ToHashSet();
        var operations = Operation().Count(text);
        if (partitions.Count > 1 || operations > MaxOperations || body.Length > MaxBodyBytes)
            throw new RequestFailedException(400, $"An entity group transaction of {operations} operations and {body.Length:N0} bytes on "
                + $"{partitions.Count} partitions: Azure takes one partition, at most {MaxOperations} operations and 4 MiB.");
    }

    [GeneratedRegex("PartitionKey='(?<url>(?:[^']|'')*)'|\"PartitionKey\":\"(?<json>[^\"]*)\"")]
    private static partial Regex PartitionKey();

    [GeneratedRegex("^(POST|PUT|MERGE|PATCH|DELETE) ", RegexOptions.Multiline)]
    private static partial Regex Operation();
}
