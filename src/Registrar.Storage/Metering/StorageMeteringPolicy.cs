using System.Text;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;
using Registrar.Storage.Configuration;

namespace Registrar.Storage.Metering;

/// <summary>Classifies each request a Tables, Queues or Blobs client sends and counts it on a <see cref="StorageMeter"/>.
/// Runs per retry, so a retried request counts again, as it does on the bill.</summary>
public sealed partial class StorageMeteringPolicy(StorageMeter meter, StorageService service) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var uri = message.Request.Uri;
        var kind = Classify(service, message.Request.Method.Method, uri.Path, uri.Query);
        var target = kind == "table.batch" && BatchTarget(message) is { } first ? first : uri.ToUri();
        meter.Count(kind, Resource(service, target.Host, target.AbsolutePath));
    }

    /// <summary>The URL of a transaction's first operation, which names its table (a transaction touches one).</summary>
    private static Uri? BatchTarget(HttpMessage message)
    {
        if (TransactionBody.Of(message) is not { } body) return null;
        // The first operation comes after a few headers: only the body's beginning is read (a transaction may be megabytes).
        var match = Operation().Match(Encoding.UTF8.GetString(body.Span[..Math.Min(body.Length, 4096)]));
        return match.Success && Uri.TryCreate(match.Groups["url"].Value, UriKind.Absolute, out var url) ? url : null;
    }

    [GeneratedRegex("^(?:POST|PUT|MERGE|PATCH|DELETE) (?<url>\\S+) HTTP/", RegexOptions.Multiline)]
    private static partial Regex Operation();

    /// <summary>"table lifecycleinstances", "queue lifecycle-commands": the first path segment, after the account name
    /// where the endpoint is path-style (the emulator on a loopback address).</summary>
    public static string Resource(StorageService service, string host, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var pathStyle = host is "localhost" || System.Net.IPAddress.TryParse(host, out _);
        var name = segments.Length > (pathStyle ? 1 : 0) ? segments[pathStyle ? 1 : 0] : "(account)";
        var bracket = name.IndexOf('(', StringComparison.Ordinal);
        return $"{service.ToString().ToLowerInvariant()} {(bracket >= 0 ? name[..bracket] : name)}";
    }

    public static string Classify(StorageService service, string method, string path, string query)
    {
        var last = path.TrimEnd('/');
        last = last[(last.LastIndexOf('/') + 1)..];
        return service switch
        {
            StorageService.Table => ClassifyTable(method, last),
            StorageService.Blob => ClassifyBlob(method, query),
            _ => ClassifyQueue(method, path, last, query),
        };
    }

    private static string ClassifyBlob(string method, string query) => method switch
    {
        "PUT" when query.Contains("restype=container", StringComparison.Ordinal) => "blob.container",
        "PUT" => "blob.put",
        "GET" or "HEAD" => "blob.read",
        "DELETE" => "blob.delete",
        _ => "blob.other",
    };

    private static string ClassifyTable(string method, string lastSegment) => method switch
    {
        "POST" when lastSegment == "$batch" => "table.batch",
        "POST" when lastSegment.StartsWith("Tables", StringComparison.Ordinal) => "table.create",
        "POST" => "table.insert",
        "PUT" => "table.update",
        "MERGE" or "PATCH" => "table.merge",
        "DELETE" when lastSegment.StartsWith("Tables(", StringComparison.Ordinal) => "table.drop",
        "DELETE" => "table.delete",
        "GET" when lastSegment.EndsWith(')') && !lastSegment.EndsWith("()", StringComparison.Ordinal) => "table.read",
        "GET" => "table.query",
        _ => "table.other",
    };

    private static string ClassifyQueue(string method, string path, string lastSegment, string query)
    {
        var onMessages = path.Contains("/messages", StringComparison.Ordinal);
        var onOneMessage = onMessages && lastSegment != "messages";
        return method switch
        {
            "POST" when onMessages => "queue.put",
            "GET" when onMessages && query.Contains("peekonly=true", StringComparison.OrdinalIgnoreCase) => "queue.peek",
            "GET" when onMessages => "queue.get",
            "DELETE" when onOneMessage => "queue.delete",
            "PUT" when onOneMessage => "queue.update",
            "PUT" => "queue.create",
            _ => "queue.other",
        };
    }
}
